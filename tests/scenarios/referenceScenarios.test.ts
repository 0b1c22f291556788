/** Every scenario in scenarios/ is tested by default: it parses, passes the semantic checks, its id
 *  equals its file stem, the expert bot passes it with top stars and the novice bot fails it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, expertBot, noviceBot, playWithBot, scenarioJsonSchema, scoreRun, validateScenario } from '../../engine/index';
import { SCENARIO_DIR, scenarioFiles, TEST_SEED } from '../support/scenarios';

describe.each(scenarioFiles())('%s', (file) => {
  const json = JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8')) as unknown;
  const result = validateScenario(json);

  it('parses and passes every check', () => {
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('has an id equal to its file stem', () => {
    expect(result.ok && `${result.scenario.id}.scenario.json`).toBe(file);
  });

  it('the expert bot passes it with three stars', () => {
    if (!result.ok) throw new Error('scenario invalid');
    const run = playWithBot(createRun(result.scenario, TEST_SEED), expertBot);
    const score = scoreRun(result.scenario, run.events);
    expect(run.endReason).toBe('complete');
    expect(score).toMatchObject({ passed: true, stars: 3 });
  });

  it('the novice bot fails it for reasons the rubric names', () => {
    if (!result.ok) throw new Error('scenario invalid');
    const run = playWithBot(createRun(result.scenario, TEST_SEED), noviceBot);
    const score = scoreRun(result.scenario, run.events);
    expect(score.passed).toBe(false);
    expect(score.criteria.filter((c) => !c.passed).length).toBeGreaterThan(0);
  });
});

describe('scenario.schema.json', () => {
  it('is up to date with the engine format (run npm run scenarios:schema)', () => {
    const committed = JSON.parse(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
