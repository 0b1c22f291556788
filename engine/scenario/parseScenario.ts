/** Turns untrusted JSON into a typed Scenario: envelope first, then migrations, then the zod schema,
 *  translating zod's issues into a JSON path and a plain-language rule. Semantics live in checkScenario. */
import type { z } from 'zod';
import { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION } from './format';
import { migrateScenario } from './migrations';
import { jsonPath, type ScenarioIssue } from './ScenarioIssue';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** One zod issue in words. Exported for the scenario CLI's tests. */
export function describeZodIssue(issue: z.core.$ZodIssue, input: unknown, prefix: readonly PropertyKey[] = []): ScenarioIssue[] {
  const path = jsonPath([...prefix, ...issue.path]);
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, rule: `is required (${TYPE_WORDS[issue.expected] ?? issue.expected})` }];
      return [{ path, rule: `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, found ${describeType(found)}` }];
    case 'too_small':
      if (issue.origin === 'array') return [{ path, rule: `must list at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` }];
      if (issue.origin === 'string') return [{ path, rule: 'must not be empty' }];
      return [{ path, rule: `must be at least ${String(issue.minimum)}${issue.inclusive ? '' : ' (exclusive)'}, found ${describeType(found)}` }];
    case 'too_big':
      return [{ path, rule: `must be at most ${String(issue.maximum)}, found ${describeType(found)}` }];
    case 'invalid_value':
      return [{ path, rule: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeType(found)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: jsonPath([...prefix, ...issue.path, k]), rule: 'is not a known field (check the spelling)' }));
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const options = 'options' in issue && issue.options ? `; use one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}` : '';
        return [{ path, rule: `is not a known ${issue.discriminator}${options}` }];
      }
      const nested = issue.errors.map((errs) => errs.flatMap((e) => describeZodIssue({ ...e, path: [...issue.path, ...e.path] }, input, prefix)));
      const best = nested.sort((a, b) => a.length - b.length)[0];
      return best && best.length > 0 ? best : [{ path, rule: 'does not match any allowed form' }];
    }
    case 'invalid_format':
      return [{ path, rule: issue.message }];
    case 'not_multiple_of':
      return [{ path, rule: `must be a multiple of ${String(issue.divisor)}` }];
    default:
      return [{ path, rule: issue.message }];
  }
}

/** Parses a scenario without throwing. `input` is the already-decoded JSON value. */
export function safeParseScenario(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '$', rule: 'a scenario file must hold one JSON object' }] };
  }
  const envelope = input as Record<string, unknown>;
  if (envelope.format !== SCENARIO_FORMAT) {
    return { ok: false, issues: [{ path: '$.format', rule: `must be "${SCENARIO_FORMAT}" (this is not a Fireground scenario)` }] };
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [{ path: '$.version', rule: 'must be a whole number from 1' }] };
  }
  if (version > SCENARIO_VERSION) {
    return { ok: false, issues: [{ path: '$.version', rule: `is ${version}, newer than this engine reads (${SCENARIO_VERSION}); update Fireground` }] };
  }
  const migrated = migrateScenario(envelope);
  const result = Scenario.safeParse(migrated);
  if (result.success) return { ok: true, scenario: result.data };
  const issues = result.error.issues.flatMap((i) => describeZodIssue(i, migrated));
  return { ok: false, issues: dedupe(issues) };
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path} ${i.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Decodes JSON text and parses it; a syntax error is reported at `$` with the parser's position. */
export function parseScenarioText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '$', rule: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` }] };
  }
  return safeParseScenario(value);
}
