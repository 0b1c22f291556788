/** The engine's fingerprint: the state hash the expert and the novice reach on every shipped scenario with
 *  one seed. Work that should not change the rules (a faster kernel, a cache) must leave these as they
 *  are; a change that does alters stored runs' replays, so it bumps ENGINE_VERSION and updates them. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRun, ENGINE_VERSION, expertBot, noviceBot, stateHash, stepRun, submitIntent, validateScenarioText, type Run } from '../../../engine/index';

const SCENARIOS = new URL('../../../scenarios/', import.meta.url);
const SEED = 42;

/** Final hash, end reason and tick of each scenario and bot, for ENGINE_VERSION 0.2.0. */
const FINGERPRINT: Record<string, Record<'expert' | 'novice', string>> = {
  'apartment-kitchen-oil': { expert: 'complete@78 a63e08e227ed8d37', novice: 'complete@534 9ad817156cb72bac' },
  'road-crash-triage': { expert: 'complete@688 91a4465d5c51e288', novice: 'abandoned@1501 d06833a259ade577' },
  'tube-house-motorbikes': { expert: 'complete@713 380018bcc60f1195', novice: 'abandoned@1501 1993eed134116b6c' },
  'tutorial-controls': { expert: 'complete@78 f06a8d018ae1064c', novice: 'complete@534 d2bff65cba80105d' },
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
      expect(ENGINE_VERSION).toBe('0.2.0');
      expect({ expert: play(file, expertBot), novice: play(file, noviceBot) }).toEqual(FINGERPRINT[id]);
    });
  }
});
