/** The browser's side of the drill room's heat and smoke frames: decodes them (the same layout as
 *  server/drills/fieldFrames.ts, which the client may not import at run time) and keeps each floor's
 *  fields as the map draws them. Reads what the server sent; never makes up field values. */
import { AMBIENT_DECI_C } from '../../../engine/index';

/** Must match FIELD_FRAME_VERSION on the server; a test encodes there and decodes here. */
export const FIELD_FRAME_VERSION = 1;
const HEADER = 11;
const ENTRY = 6;

export interface FieldFrame {
  floor: number;
  keyframe: boolean;
  tick: number;
  cells: { cell: number; heat: number; smoke: number }[];
}

/** Frame: u8 version, u8 floor, u8 keyframe, u32 tick, u32 count, then count x (u32 cell, u8 heat, u8 smoke). */
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

/** One floor's fields in the engine's units (tenths of a degree; smoke 0-1000), at the frames' resolution. */
export interface FloorFields {
  heat: Int32Array;
  smoke: Int32Array;
  /** Bumped on every frame applied, so a drawer repaints only when something came. */
  version: number;
}

/** Fields per floor built from a keyframe and the deltas after it; deltas before a floor's keyframe are dropped. */
export class FieldStore {
  private readonly floors = new Map<number, FloorFields>();

  apply(frame: FieldFrame): void {
    let f = this.floors.get(frame.floor);
    if (frame.keyframe) {
      f = { heat: new Int32Array(frame.cells.length).fill(AMBIENT_DECI_C), smoke: new Int32Array(frame.cells.length), version: f?.version ?? 0 };
      this.floors.set(frame.floor, f);
    }
    if (!f) return;
    for (const { cell, heat, smoke } of frame.cells) {
      if (cell >= f.heat.length) continue;
      f.heat[cell] = AMBIENT_DECI_C + heat * 40;
      f.smoke[cell] = smoke * 4;
    }
    f.version += 1;
  }

  get(floor: number): FloorFields | undefined {
    return this.floors.get(floor);
  }

  clear(): void {
    this.floors.clear();
  }
}
