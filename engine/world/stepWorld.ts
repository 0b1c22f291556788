/** Advances the world by one fixed tick, in a fixed order: crew movement, discharge, breathing,
 *  ignition and fire growth, then the heat and smoke fields and hot layers. Returns the tick's events. */
import type { Scenario } from '../scenario/format';
import { breathe } from './breathe';
import { discharge } from './discharge';
import { applyHotLayers, growFires, igniteItems } from './fires';
import { moveCrew } from './moveCrew';
import { stepFields } from './stepFields';
import type { WorldEvent, WorldState } from './WorldState';

/** One tick. Mutates `w` and returns the events, stamped with the tick they happened on. */
export function stepWorld(scenario: Scenario, w: WorldState): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (const c of w.crew) moveCrew(scenario, w, c, events);
  for (const c of w.crew) discharge(w, c, events);
  for (const c of w.crew) breathe(w, c, events);
  igniteItems(w, events);
  growFires(w, events);
  stepFields(w);
  applyHotLayers(w);
  w.tick += 1;
  return events;
}
