/** Parse then check: the one call clients, servers and tools use to accept a scenario file. */
import type { Scenario } from './format';
import { checkScenario } from './checkScenario';
import { parseScenarioText, safeParseScenario } from './parseScenario';
import { ScenarioError, type ScenarioIssue } from './ScenarioIssue';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

function finish(parsed: LoadResult): LoadResult {
  if (!parsed.ok) return parsed;
  const issues = checkScenario(parsed.scenario);
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

/** Validates decoded JSON (shape and semantics). */
export function validateScenario(input: unknown): LoadResult {
  return finish(safeParseScenario(input));
}

/** Validates JSON text (syntax, shape and semantics). */
export function validateScenarioText(text: string): LoadResult {
  return finish(parseScenarioText(text));
}

/** Like validateScenario, but throws a ScenarioError listing every issue. */
export function loadScenario(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}
