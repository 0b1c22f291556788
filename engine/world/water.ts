/** Water supply: the attack line paid out behind the crew member who holds it (too short a hose stops
 *  the walk), and vehicle tanks refilled from a working hydrant. */
import { SECONDS_PER_TICK } from './constants';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

/** Encodes a floor and cell into one number for the hose's laid path. */
export function hoseCell(floor: number, cell: number): number {
  return floor * 0x100000 + cell;
}

/** Called after a crew member moves: walking back along the hose takes it in, forward pays it out. */
export function payOutHose(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const hose = c.hose;
  const g = w.floors[c.floor];
  if (!hose || !g) return;
  const here = hoseCell(c.floor, c.y * g.width + c.x);
  if (hose.laid[hose.laid.length - 1] === here) return;
  if (hose.laid[hose.laid.length - 2] === here) {
    hose.laid.pop();
    return;
  }
  hose.laid.push(here);
  if (hose.laid.length >= hose.maxCells) {
    c.path = [];
    events.push({ tick: w.tick, type: 'HOSE_SHORT', crewId: c.id });
  }
}

/** Whether one more step would run out of hose. */
export function hoseAtLimit(c: CrewState): boolean {
  return c.hose !== null && c.hose.laid.length >= c.hose.maxCells;
}

export function refillFromHydrants(w: WorldState): void {
  for (const v of w.vehicles) {
    const h = w.hydrants.find((x) => x.id === v.hydrantId);
    if (!h || !h.working) continue;
    v.waterL = Math.min(v.tankL, v.waterL + (h.flowLpm * SECONDS_PER_TICK) / 60);
    if (v.waterL >= v.pumpLpm / 60) v.dry = false;
  }
}
