/** Advances the world by one fixed tick, in a fixed order: crew movement, discharge, breathing,
 *  ignition and fire growth, then the heat and smoke fields and hot layers, then what they do to people. Returns the tick's events. */
import type { Scenario } from '../scenario/format';
import { breathe } from './breathe';
import { stepBusy } from './busyTasks';
import { harmCrew } from './crewHarm';
import { trackHazardEntry } from './crewSafety';
import { stepHazards } from './hazards';
import { refillFromHydrants } from './water';
import { stepVictims } from './victims';
import { discharge } from './discharge';
import { growFires, igniteItems } from './fires';
import { applyRoomLayers, stepRoomGases } from './roomGases';
import { moveCrew, updateZone } from './moveCrew';
import { stepSmokeFronts } from './smokeFront';
import { stairsChimney } from './stairs';
import { stepFields } from './stepFields';
import type { WorldEvent, WorldState } from './WorldState';

/** One tick. Mutates `w` and returns the events, stamped with the tick they happened on. */
export function stepWorld(scenario: Scenario, w: WorldState): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (const c of w.crew) stepBusy(w, c, events);
  for (const c of w.crew) moveCrew(w, c, events);
  // Zones are checked every tick, not per step: stairs and ladders change floors without a step.
  for (const c of w.crew) updateZone(scenario, w, c, events);
  for (const c of w.crew) discharge(w, c, events);
  for (const c of w.crew) breathe(w, c, events);
  refillFromHydrants(w);
  igniteItems(w, events);
  growFires(w, events);
  stepFields(w);
  stairsChimney(w);
  stepRoomGases(w);
  stepSmokeFronts(w);
  applyRoomLayers(w);
  stepHazards(w, events);
  stepVictims(w, events);
  harmCrew(w, events);
  trackHazardEntry(w, events);
  w.tick += 1;
  return events;
}
