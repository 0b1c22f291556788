/** Crew movement along planned paths, one cell per step time, and zone entry events. Stops at
 *  doors closed across the path; never plans paths itself (findPath does). */
import type { Scenario } from '../scenario/format';
import { TICKS_PER_STEP } from './constants';
import { isWalkable } from './grid';
import { hoseAtLimit, payOutHose } from './water';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

export function zoneOf(scenario: Scenario, floorId: string, x: number, y: number): string | null {
  for (const z of scenario.world.zones) {
    if (z.floor === floorId && x >= z.x && y >= z.y && x < z.x + z.w && y < z.y + z.h) return z.id;
  }
  return null;
}

export function moveCrew(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (c.stepCooldown > 0) {
    c.stepCooldown -= 1;
    return;
  }
  const next = c.path[0];
  const g = w.floors[c.floor];
  if (next === undefined || !g) return;
  // A door closed across the path since it was planned stops the walk.
  if (!isWalkable(g.cells[next] ?? 0)) {
    c.path = [];
    return;
  }
  if (hoseAtLimit(c)) {
    c.path = [];
    return;
  }
  c.path.shift();
  c.x = next % g.width;
  c.y = (next - c.x) / g.width;
  // Carrying a casualty halves the pace; on a stretcher it is three quarters.
  c.stepCooldown = (c.carrying ? (c.tools.includes('stretcher') ? (3 * TICKS_PER_STEP) / 2 : 2 * TICKS_PER_STEP) : TICKS_PER_STEP) - 1;
  payOutHose(w, c, events);
}

/** Emits ZONE_ENTERED when a crew member's position puts them in a new zone. */
export function updateZone(scenario: Scenario, w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const g = w.floors[c.floor];
  const zone = g ? zoneOf(scenario, g.id, c.x, c.y) : null;
  if (zone !== c.zoneId) {
    c.zoneId = zone;
    if (zone) events.push({ tick: w.tick, type: 'ZONE_ENTERED', crewId: c.id, zoneId: zone });
  }
}

