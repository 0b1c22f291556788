/** Numbered migrations that lift older scenario files to the current format version. Each entry
 *  takes a file of version N and returns version N+1; they never touch a file already current. */
import { SCENARIO_VERSION } from './format';

type Migration = (scenario: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] lifts version n to n+1. Version 1 is the first published format, so none yet. */
const MIGRATIONS: Record<number, Migration> = {};

export function migrateScenario(input: Record<string, unknown>): Record<string, unknown> {
  let current = input;
  let version = typeof current.version === 'number' ? current.version : SCENARIO_VERSION;
  while (version < SCENARIO_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from scenario version ${version}`);
    current = { ...step(current), version: version + 1 };
    version += 1;
  }
  return current;
}
