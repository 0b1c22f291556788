/** The drill's scenario as the browser loads it once per drill page: what the play surface draws the
 *  plan from and names things by. Read-only; the room owns the run. */
import { validateScenario, type Scenario } from '../../../engine/index';
import { fetchScenario } from '../../store/api';

const plans = new Map<string, Promise<Scenario>>();

async function load(scenarioId: string): Promise<Scenario> {
  const loaded = validateScenario(await fetchScenario(scenarioId));
  if (!loaded.ok) throw new Error('scenario does not load');
  return loaded.scenario;
}

/** The same promise for every caller on the page; a failed load is forgotten so a later call retries. */
export function scenarioPlan(scenarioId: string): Promise<Scenario> {
  let p = plans.get(scenarioId);
  if (!p) {
    p = load(scenarioId);
    p.catch(() => plans.delete(scenarioId));
    plans.set(scenarioId, p);
  }
  return p;
}
