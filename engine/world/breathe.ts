/** Each tick's breathing: air drawn from a crew member's set by workload, the alarm and an empty
 *  cylinder. The arithmetic lives in breathingAir.ts. */
import { AIR_USE_L_PER_MIN, pressureAfter, type Workload } from './breathingAir';
import { SECONDS_PER_TICK } from './constants';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

/** How hard a crew member is working this tick, which sets how fast the set empties. */
function workload(c: CrewState): Workload {
  // Carrying a casualty (or a downed colleague) is heavy work, walking or not.
  if (c.carrying !== null) return 'heavy';
  if (c.dischargingAt !== null) return 'moderate';
  return c.path.length > 0 ? 'walking' : 'rest';
}

export function breathe(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const air = c.air;
  if (!air || air.empty) return;
  const litres = (AIR_USE_L_PER_MIN[workload(c)] * SECONDS_PER_TICK) / 60;
  air.bar = pressureAfter({ volumeL: air.cylinderL, fullBar: 0 }, air.bar, litres);
  if (!air.alarmed && air.bar <= air.alarmBar) {
    air.alarmed = true;
    events.push({ tick: w.tick, type: 'AIR_ALARM', crewId: c.id });
  }
  if (air.bar <= 0) {
    air.empty = true;
    events.push({ tick: w.tick, type: 'AIR_EMPTY', crewId: c.id });
  }
}

