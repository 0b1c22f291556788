/** The server's own ghost run of a submitted draft: the engine's expert and novice bots play it to its
 *  end and the rubric scores both. A draft whose expert fails, or whose novice passes, is not
 *  submittable. Pure and synchronous: the verify workers run it off the main thread. */
import { createRun, expertBot, noviceBot, playWithBot, scoreRun, TICKS_PER_SECOND, type Bot, type Scenario } from '../../engine/index';
import type { GhostSummary } from '../store/ScenarioStore';

/** The seed the studio's own ghost run uses, so an author sees on the server what they saw at home. */
export const GHOST_SEED = 20261124;

function play(scenario: Scenario, bot: Bot): GhostSummary['expert'] {
  const run = playWithBot(createRun(scenario, GHOST_SEED), bot, (scenario.timeLimitS + 1) * TICKS_PER_SECOND);
  const score = scoreRun(scenario, run.events);
  return { passed: score.passed, percent: score.percent, stars: score.stars, endReason: run.endReason ?? 'timeUp', endTick: run.world.tick };
}

export function ghostRun(scenario: Scenario): GhostSummary {
  return { expert: play(scenario, expertBot), novice: play(scenario, noviceBot) };
}

/** Why a ghost run refuses submission, in words; empty when the expert passes and the novice fails. */
export function ghostRefusals(ghost: GhostSummary): string[] {
  const out: string[] = [];
  if (!ghost.expert.passed) out.push(`the expert bot fails it (${ghost.expert.percent}%): the scenario cannot be won by following doctrine`);
  if (ghost.novice.passed) out.push(`the novice bot passes it (${ghost.novice.percent}%): the rubric does not tell good from poor play`);
  return out;
}
