/** Decides when the floor above or below the one in view matters (fire, hot gas or thick smoke on it)
 *  and which stair cells lead there. Pure: reads the world, returns plain data, draws nothing. */
import type { WorldState } from '../../engine/index';
import { THICK_SMOKE } from './constants';

/** Worst first: a fire on the floor, hot gas (over 100 °C), thick smoke. */
export type FloorAlert = 'fire' | 'heat' | 'smoke';

export interface AdjacentFloor {
  floor: number;
  dir: 'up' | 'down';
  alert: FloorAlert;
}

export interface StairHint {
  /** Cell index on the floor in view. */
  cell: number;
  dir: 'up' | 'down';
  alert: FloorAlert;
}

/** Tenths of a degree: gas this hot is flaming (rollover and beyond). */
const FLAMING_DECI_C = 6000;
/** Tenths of a degree: gas this hot on a floor is a danger to anyone on it without protection. */
const HOT_DECI_C = 1000;

/** What is wrong on floor `f`, or null when nothing there needs the player's eye. */
export function floorAlert(w: WorldState, f: number): FloorAlert | null {
  if (w.items.some((i) => i.burning && i.floor === f)) return 'fire';
  const heat = w.heat[f];
  const smoke = w.smoke[f];
  let hottest = 0;
  if (heat) for (let i = 0; i < heat.length; i++) hottest = Math.max(hottest, heat[i] ?? 0);
  if (hottest >= FLAMING_DECI_C) return 'fire';
  if (hottest >= HOT_DECI_C) return 'heat';
  if (smoke) for (let i = 0; i < smoke.length; i++) if ((smoke[i] ?? 0) >= THICK_SMOKE) return 'smoke';
  return null;
}

/** The floors one storey above and below `floor` that have something on them, above first. */
export function adjacentFloors(w: WorldState, floor: number): AdjacentFloor[] {
  const level = w.levels[floor];
  if (level === undefined) return [];
  const out: AdjacentFloor[] = [];
  for (const [dir, step] of [['up', 1], ['down', -1]] as const) {
    const f = w.levels.indexOf(level + step);
    if (f < 0) continue;
    const alert = floorAlert(w, f);
    if (alert) out.push({ floor: f, dir, alert });
  }
  return out;
}

/** The stair cells on `floor` that lead to one of `adjacent`. */
export function stairHints(w: WorldState, floor: number, adjacent: readonly AdjacentFloor[]): StairHint[] {
  const out: StairHint[] = [];
  for (const a of adjacent) {
    for (const l of w.stairs) {
      if (a.dir === 'up' && l.lower === floor && l.upper === a.floor) out.push({ cell: l.lowerCell, dir: 'up', alert: a.alert });
      if (a.dir === 'down' && l.upper === floor && l.lower === a.floor) out.push({ cell: l.upperCell, dir: 'down', alert: a.alert });
    }
  }
  return out;
}
