/** The engine's fingerprint: the state hash the expert and the novice reach on every shipped scenario with
 *  one seed. Work that should not change the rules (a faster kernel, a cache) must leave these as they
 *  are; a change that does alters stored runs' replays, so it bumps ENGINE_VERSION and updates them. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun, ENGINE_VERSION, expertBot, noviceBot, stateHash, stepRun, submitIntent, validateScenarioText, type Run } from '../../../engine/index';

const SCENARIOS = new URL('../../../scenarios/', import.meta.url);
const SEED = 42;

/** Final hash, end reason and tick of each scenario and bot, for ENGINE_VERSION 0.8.0. */
const FINGERPRINT: Record<string, Record<'expert' | 'novice', string>> = {
  'apartment-kitchen-oil': { expert: 'complete@78 9dc3ca97ea5687de', novice: 'timeUp@1500 34b3882e7a6a212f' },
  'road-crash-triage': { expert: 'complete@688 582b439b3397807a', novice: 'abandoned@1501 baac14d497292c61' },
  'tube-house-motorbikes': { expert: 'complete@713 c11bb197de3d644e', novice: 'abandoned@1501 4e25bd7903fc6ad8' },
  'tutorial-controls': { expert: 'complete@78 b616bb240d6de235', novice: 'timeUp@1500 0902c3cb951b312a' },
};

function play(file: string, bot: (run: Run) => ReturnType<typeof expertBot>): string {
  const loaded = validateScenarioText(readFileSync(new URL(file, SCENARIOS), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const run = createRun(loaded.scenario, SEED);
  while (run.endReason === null && run.world.tick < 6000) {
    for (const intent of bot(run)) submitIntent(run, intent);
    stepRun(run);
  }
  return `${run.endReason}@${run.world.tick} ${stateHash(run)}`;
}

describe(`engine fingerprint (engine ${ENGINE_VERSION})`, () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.scenario.json'));

  it('covers every shipped scenario', () => {
    expect(files.map((f) => f.replace('.scenario.json', '')).sort()).toEqual(Object.keys(FINGERPRINT).sort());
  });

  for (const file of files) {
    const id = file.replace('.scenario.json', '');
    it(`${id}: the expert and the novice end where they always have`, () => {
      expect(ENGINE_VERSION).toBe('0.8.0');
      expect({ expert: play(file, expertBot), novice: play(file, noviceBot) }).toEqual(FINGERPRINT[id]);
    });
  }
});
