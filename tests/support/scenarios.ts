/** The one factory tests use to load reference scenarios and build runs with a fixed seed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRun, loadScenario, type Run, type Scenario } from '../../engine/index';

export const SCENARIO_DIR = join(import.meta.dirname, '..', '..', 'scenarios');
export const KITCHEN = 'apartment-kitchen-oil';
export const TEST_SEED = 20261124;

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.scenario.json')).sort();
}

export function readScenarioJson(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.scenario.json`), 'utf8')) as Record<string, unknown>;
}

export function loadReferenceScenario(id: string): Scenario {
  return loadScenario(readScenarioJson(id));
}

export function makeRun(id: string = KITCHEN, seed: number = TEST_SEED): Run {
  return createRun(loadReferenceScenario(id), seed);
}
