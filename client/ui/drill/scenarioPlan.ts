/** The drill's scenario as the browser loads it once per drill page: the plan the map draws and the
 *  names, kit and permitted intents the trainee's buttons need. Read-only; the room owns the run. */
import { createRun, validateScenario, type FloorGrid, type Scenario } from '../../../engine/index';
import type { MapPlace } from '../../game/DrillMapScene';
import { fetchScenario } from '../../store/api';

export interface ScenarioPlan {
  scenario: Scenario;
  floors: FloorGrid[];
  itemPlaces: MapPlace[];
}

const plans = new Map<string, Promise<ScenarioPlan>>();

async function load(scenarioId: string): Promise<ScenarioPlan> {
  const loaded = validateScenario(await fetchScenario(scenarioId));
  if (!loaded.ok) throw new Error('scenario does not load');
  // The world as the scenario builds it: the grids and where each item stands (items never move).
  const world = createRun(loaded.scenario, 0).world;
  return { scenario: loaded.scenario, floors: world.floors, itemPlaces: world.items.map((i) => ({ id: i.id, floor: i.floor, x: i.x, y: i.y })) };
}

/** The same promise for every caller on the page; a failed load is forgotten so a later call retries. */
export function scenarioPlan(scenarioId: string): Promise<ScenarioPlan> {
  let p = plans.get(scenarioId);
  if (!p) {
    p = load(scenarioId);
    p.catch(() => plans.delete(scenarioId));
    plans.set(scenarioId, p);
  }
  return p;
}
