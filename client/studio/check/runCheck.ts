/** Parse then check a draft with the engine's own functions: what the worker runs on every edit and
 *  what the benchmark times. Returns the issues (parse issues, or semantic ones once it parses). */
import { checkScenario, safeParseScenario, type ScenarioIssue } from '../../../engine/index';

export function runCheck(draft: unknown): ScenarioIssue[] {
  const parsed = safeParseScenario(draft);
  return parsed.ok ? checkScenario(parsed.scenario) : parsed.issues;
}
