/** Loads and checks every scenarios/*.scenario.json once at startup (a broken file stops the server
 *  with its path, JSON path and rule), and holds the playable version of each scenario in memory,
 *  kept current by the scenario library. Nothing here accepts scenario content from clients. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssues, validateScenarioText, type Scenario } from '../engine/index';

export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

/** What the scenario list shows; the full scenario comes from `get`. */
export interface ScenarioSummary {
  id: string;
  title: Scenario['title'];
  summary: Scenario['summary'];
  category: Scenario['category'];
  difficulty: number;
  estimatedMinutes: number;
}

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** Finds the scenario a run record was played on: the exact version its content hash names where one
 *  is known, else the playable one (whose replay then reports the mismatch). */
export interface ScenarioSource {
  resolve(id: string, contentHash: string): Promise<Scenario | undefined>;
}

export class ScenarioCatalogue implements ScenarioSource {
  private readonly byId: Map<string, Scenario>;

  constructor(scenarios: readonly Scenario[]) {
    const byId = new Map<string, Scenario>();
    for (const s of scenarios) {
      if (byId.has(s.id)) throw new CatalogueError(`two scenarios share the id "${s.id}"`);
      byId.set(s.id, s);
    }
    this.byId = byId;
  }

  get(id: string): Scenario | undefined {
    return this.byId.get(id);
  }

  /** Files alone hold one version per id: the hash only matters to the library. */
  resolve(id: string): Promise<Scenario | undefined> {
    return Promise.resolve(this.byId.get(id));
  }

  /** Makes `scenario` the playable version of its id (the library, after a publish). */
  put(scenario: Scenario): void {
    this.byId.set(scenario.id, scenario);
  }

  /** No new plays of `id` (withdrawn); runs already made still verify through the library. */
  remove(id: string): void {
    this.byId.delete(id);
  }

  /** Every scenario held, in no particular order. */
  all(): Scenario[] {
    return [...this.byId.values()];
  }

  list(): ScenarioSummary[] {
    return [...this.byId.values()]
      .map((s) => ({ id: s.id, title: s.title, summary: s.summary, category: s.category, difficulty: s.difficulty, estimatedMinutes: s.estimatedMinutes }))
      .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
  }
}

/** Reads every `<id>.scenario.json` in `dir`; throws a CatalogueError listing every broken file. */
export function loadScenarioCatalogue(dir = SCENARIOS_DIR): ScenarioCatalogue {
  const files = readdirSync(dir).filter((f) => f.endsWith('.scenario.json')).sort();
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const shown = `scenarios/${file}`;
    const result = validateScenarioText(readFileSync(`${dir}/${file}`, 'utf8'));
    if (!result.ok) {
      problems.push(formatIssues(result.issues, shown));
      continue;
    }
    const stem = file.slice(0, -'.scenario.json'.length);
    if (result.scenario.id !== stem) {
      problems.push(`${shown}: $.id: the id "${result.scenario.id}" must equal the file name stem "${stem}"`);
      continue;
    }
    scenarios.push(result.scenario);
  }
  if (problems.length > 0) throw new CatalogueError(`Some scenarios are broken:\n${problems.join('\n')}`);
  if (scenarios.length === 0) throw new CatalogueError(`No *.scenario.json files in ${dir}`);
  return new ScenarioCatalogue(scenarios);
}
