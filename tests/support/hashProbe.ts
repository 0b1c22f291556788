/** Bundled into a browser page by the determinism test: plays a scenario with the expert bot in the
 *  browser's JavaScript engine and reports the final state hash, for comparison with Node's. */
import { createRun, expertBot, loadScenario, noviceBot, playWithBot, stateHash } from '../../engine/index';

export function playAndHash(scenarioJson: unknown, seed: number, bot: 'expert' | 'novice'): string {
  const run = playWithBot(createRun(loadScenario(scenarioJson), seed), bot === 'expert' ? expertBot : noviceBot);
  return `${run.world.tick}:${stateHash(run)}`;
}

(globalThis as { playAndHash?: typeof playAndHash }).playAndHash = playAndHash;
