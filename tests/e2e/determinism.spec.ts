/** The engine is deterministic across JavaScript engines: the same scenario, seed and bot give the
 *  same final state hash in Node (this process) and in Debian's Chromium. */
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { playAndHash } from '../support/hashProbe';
import { readScenarioJson, scenarioFiles } from '../support/scenarios';

test('the same log gives the same state hash in Node and in Chromium', async ({ page }) => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../support/hashProbe.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  await page.setContent('<!doctype html><title>hash probe</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  for (const file of scenarioFiles()) {
    const scenario = readScenarioJson(file.replace('.scenario.json', ''));
    for (const [seed, bot] of [[1, 'expert'], [99, 'novice'], [123456789, 'expert']] as const) {
      const inBrowser = await page.evaluate(([s, n, b]) => (globalThis as unknown as { playAndHash: typeof playAndHash }).playAndHash(s, n, b), [scenario, seed, bot] as const);
      expect(`${file} ${bot} ${seed}: ${inBrowser}`).toBe(`${file} ${bot} ${seed}: ${playAndHash(scenario, seed, bot)}`);
    }
  }
});
