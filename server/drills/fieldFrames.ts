/** Heat and smoke fields as compact binary frames: quantised to a byte per cell and sent as deltas
 *  against what each client already has, at a lower rate than positions. Pure encoding; sends nothing.
 *  Frame: u8 version, u8 floor, u8 keyframe, u32 tick, u32 count, then count x (u32 cell, u8 heat, u8 smoke). */
import { AMBIENT_DECI_C } from '../../engine/index';

export const FIELD_FRAME_VERSION = 1;
const HEADER = 11;
const ENTRY = 6;

/** 4 degC per level above ambient: 0-255 covers up to about 1050 degC, finer than the display needs. */
export function heatLevel(deciC: number): number {
  return Math.min(255, Math.max(0, Math.floor((deciC - AMBIENT_DECI_C) / 40)));
}
/** Smoke density 0-1000 in steps of 4. */
export function smokeLevel(density: number): number {
  return Math.min(255, Math.max(0, Math.floor(density / 4)));
}

export interface FieldFrame {
  floor: number;
  keyframe: boolean;
  tick: number;
  cells: { cell: number; heat: number; smoke: number }[];
}

/** Keeps the last levels sent for one floor and writes frames of what changed since. */
export class FieldEncoder {
  private readonly heatSent: Uint8Array;
  private readonly smokeSent: Uint8Array;

  constructor(
    readonly floor: number,
    size: number,
  ) {
    this.heatSent = new Uint8Array(size);
    this.smokeSent = new Uint8Array(size);
  }

  /** Every cell as last sent to everyone, for a client that just joined or came back: the next delta
   *  then brings it level with the others. */
  keyframe(tick: number): Uint8Array {
    const size = this.heatSent.length;
    const out = new Uint8Array(HEADER + size * ENTRY);
    const view = new DataView(out.buffer);
    for (let i = 0; i < size; i++) writeEntry(view, HEADER + i * ENTRY, i, this.heatSent[i] ?? 0, this.smokeSent[i] ?? 0);
    writeHeader(view, this.floor, true, tick, size);
    return out;
  }

  /** Cells whose level changed since the last delta; null when none did. Updates what was sent. */
  delta(heat: Int32Array, smoke: Int32Array, tick: number): Uint8Array | null {
    const changed: number[] = [];
    for (let i = 0; i < heat.length; i++) {
      const h = heatLevel(heat[i] ?? 0);
      const s = smokeLevel(smoke[i] ?? 0);
      if (h !== this.heatSent[i] || s !== this.smokeSent[i]) {
        changed.push(i);
        this.heatSent[i] = h;
        this.smokeSent[i] = s;
      }
    }
    if (changed.length === 0) return null;
    const out = new Uint8Array(HEADER + changed.length * ENTRY);
    const view = new DataView(out.buffer);
    changed.forEach((cell, k) => writeEntry(view, HEADER + k * ENTRY, cell, this.heatSent[cell] ?? 0, this.smokeSent[cell] ?? 0));
    writeHeader(view, this.floor, false, tick, changed.length);
    return out;
  }
}

function writeHeader(view: DataView, floor: number, keyframe: boolean, tick: number, count: number): void {
  view.setUint8(0, FIELD_FRAME_VERSION);
  view.setUint8(1, floor);
  view.setUint8(2, keyframe ? 1 : 0);
  view.setUint32(3, tick);
  view.setUint32(7, count);
}

function writeEntry(view: DataView, at: number, cell: number, heat: number, smoke: number): void {
  view.setUint32(at, cell);
  view.setUint8(at + 4, heat);
  view.setUint8(at + 5, smoke);
}

/** Reads a frame back (clients and tests); throws on a frame of another version or a short buffer. */
export function decodeFieldFrame(bytes: Uint8Array): FieldFrame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || view.getUint8(0) !== FIELD_FRAME_VERSION) throw new Error('not a field frame');
  const count = view.getUint32(7);
  if (bytes.byteLength !== HEADER + count * ENTRY) throw new Error('field frame has the wrong length');
  const cells: FieldFrame['cells'] = [];
  for (let k = 0; k < count; k++) {
    const at = HEADER + k * ENTRY;
    cells.push({ cell: view.getUint32(at), heat: view.getUint8(at + 4), smoke: view.getUint8(at + 5) });
  }
  return { floor: view.getUint8(1), keyframe: view.getUint8(2) === 1, tick: view.getUint32(3), cells };
}
