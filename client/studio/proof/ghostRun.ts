/** "Ghost run": the engine's expert and novice bots play the draft to its end, and the studio learns
 *  how each did, with a frame per second of where everyone was for the replay. A draft the expert
 *  cannot pass, or the novice passes, cannot be submitted; `verdict` says why. Pure; the worker runs it. */
import { createRun, expertBot, noviceBot, playWithBot, scoreRun, TICKS_PER_SECOND, type Bot, type Run, type Scenario, type ScoreResult } from '../../../engine/index';

export interface Frame {
  tick: number;
  crew: { id: string; floor: number; x: number; y: number }[];
  victims: { id: string; floor: number; x: number; y: number; status: string; safe: boolean; hidden: boolean }[];
  fires: { id: string; floor: number; x: number; y: number; kw: number }[];
}

export interface BotResult {
  bot: 'expert' | 'novice';
  score: ScoreResult;
  endReason: string;
  endTick: number;
  frames: Frame[];
}

export const GHOST_SEED = 20261124;

function frame(run: Run): Frame {
  const w = run.world;
  return {
    tick: w.tick,
    crew: w.crew.map((c) => ({ id: c.id, floor: c.floor, x: c.x, y: c.y })),
    victims: w.victims.map((v) => ({ id: v.id, floor: v.floor, x: v.x, y: v.y, status: v.status, safe: v.safe, hidden: v.hidden })),
    fires: w.items.filter((i) => i.burning).map((i) => ({ id: i.id, floor: i.floor, x: i.x, y: i.y, kw: Math.round(i.hrrKW) })),
  };
}

/** Plays `scenario` (parsed and checked) with `bot`, keeping a frame every second. */
export function playBot(scenario: Scenario, name: 'expert' | 'novice', seed = GHOST_SEED): BotResult {
  const bot: Bot = name === 'expert' ? expertBot : noviceBot;
  const run = createRun(scenario, seed);
  const frames: Frame[] = [frame(run)];
  const maxTicks = (scenario.timeLimitS + 1) * TICKS_PER_SECOND;
  for (let t = 0; t < maxTicks && run.endReason === null; t++) {
    playWithBot(run, bot, 1);
    if (run.world.tick % TICKS_PER_SECOND === 0 || run.endReason !== null) frames.push(frame(run));
  }
  return { bot: name, score: scoreRun(scenario, run.events), endReason: run.endReason ?? 'timeUp', endTick: run.world.tick, frames };
}

export interface Verdict {
  ok: boolean;
  /** Why the draft cannot be submitted: i18n keys with values. */
  reasons: { key: string; values: Record<string, string | number> }[];
}

/** Whether the two results allow submission: the expert passes and the novice fails. */
export function verdict(expert: BotResult, novice: BotResult): Verdict {
  const reasons: Verdict['reasons'] = [];
  if (!expert.score.passed) {
    const failed = expert.score.criteria.filter((c) => !c.passed);
    reasons.push({ key: 'studio.ghost.expertFailed', values: { percent: expert.score.percent, count: failed.length } });
  }
  if (novice.score.passed) reasons.push({ key: 'studio.ghost.novicePassed', values: { percent: novice.score.percent } });
  return { ok: reasons.length === 0, reasons };
}
