/** Plays a run to its end with a bot deciding once per tick, through the same intents people use. */
import { stepRun, submitIntent, type Run } from '../run/Run';
import type { Intent } from '../intents/Intent';

export type Bot = (run: Run) => Intent[];

export function playWithBot(run: Run, bot: Bot, maxTicks = 100_000): Run {
  for (let t = 0; t < maxTicks && run.endReason === null; t++) {
    for (const intent of bot(run)) submitIntent(run, intent);
    stepRun(run);
  }
  return run;
}
