/** "Fire only": the draft's fire left alone for ten minutes (nobody acts), with the heat and smoke of
 *  every floor at 1, 2, 5 and 10 minutes and when and where each room flashes over. Pure; the worker
 *  runs it. The statechart still runs, so injected fires start as they would. */
import { createRun, stepRun, TICKS_PER_SECOND, type Scenario } from '../../../engine/index';

export const FIRE_ONLY_MINUTES = [1, 2, 5, 10] as const;

export interface FieldSnapshot {
  minute: number;
  /** Per floor: hot-gas temperature in tenths of a degree, and smoke 0-1000, per cell. */
  heat: Int32Array[];
  smoke: Int32Array[];
  burning: { id: string; floor: number; kw: number }[];
}

export interface Flashover {
  seconds: number;
  floor: number;
  room: number;
  box: { x0: number; y0: number; x1: number; y1: number };
  /** Items in the room, to name the place. */
  items: string[];
}

export interface FireOnlyResult {
  snapshots: FieldSnapshot[];
  flashovers: Flashover[];
  /** The run ended before ten minutes (the statechart finished): the fire was out. */
  endedAtS: number | null;
}

export function fireOnly(scenario: Scenario, seed = 1): FireOnlyResult {
  // Long enough for the last snapshot whatever the scenario's own limit.
  const run = createRun({ ...scenario, timeLimitS: Math.max(scenario.timeLimitS, 10 * 60 + 1) }, seed);
  const w = run.world;
  const snapshots: FieldSnapshot[] = [];
  const flashovers: Flashover[] = [];
  const flashed = new Set<string>();
  const take = (minute: number): void => {
    snapshots.push({ minute, heat: w.heat.map((h) => h.slice()), smoke: w.smoke.map((s) => s.slice()), burning: w.items.filter((i) => i.burning).map((i) => ({ id: i.id, floor: i.floor, kw: Math.round(i.hrrKW) })) });
  };
  let endedAtS: number | null = null;
  for (const minute of FIRE_ONLY_MINUTES) {
    while (w.tick < minute * 60 * TICKS_PER_SECOND) {
      if (run.endReason !== null) {
        endedAtS ??= w.tick / TICKS_PER_SECOND;
        break;
      }
      stepRun(run);
      w.rooms.forEach((rooms, f) =>
        rooms.forEach((room, r) => {
          const key = `${f}:${r}`;
          if (!room.flashedOver || flashed.has(key)) return;
          flashed.add(key);
          const c = w.compartments[f]?.rooms[r];
          flashovers.push({ seconds: w.tick / TICKS_PER_SECOND, floor: f, room: r, box: c?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 }, items: w.items.filter((i) => i.floor === f && i.room === r).map((i) => i.id) });
        }),
      );
    }
    take(minute);
  }
  return { snapshots, flashovers, endedAtS };
}
