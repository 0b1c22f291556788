/** The run record: everything needed to re-simulate a run (scenario identity, seed, intent log) plus
 *  what the client claims. Servers replay it and trust none of the claims. */
import { z } from 'zod';
import { Intent } from '../intents/Intent';
import { InjectAction } from '../machine/catalogue';

export const LoggedIntent = z.strictObject({ tick: z.int().min(0), intent: Intent });
export type LoggedIntent = z.infer<typeof LoggedIntent>;

/** An instructor's inject as applied: catalogue actions only, never code. */
export const LoggedInject = z.strictObject({ tick: z.int().min(0), action: InjectAction });
export type LoggedInject = z.infer<typeof LoggedInject>;

/** A run never lasts more than a few hours of 5 Hz ticks; cap the log so a record stays small. */
export const MAX_LOGGED_INTENTS = 50_000;

export const RunRecord = z.strictObject({
  id: z.uuid(),
  scenarioId: z.string().min(1).max(100),
  scenarioVersion: z.int().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{16}$/),
  seed: z.int().min(0).max(0xffffffff),
  engineVersion: z.string().min(1).max(20),
  intents: z.array(LoggedIntent).max(MAX_LOGGED_INTENTS),
  /** Injects of a team drill, applied before the intents of their tick; none for solo runs. */
  injects: z.array(LoggedInject).max(1000).optional(),
  endTick: z.int().min(0),
  /** The client's own state hash at the end; the server compares it with its replay. */
  finalHash: z.string().regex(/^[0-9a-f]{16}$/),
  /** Informational only: the score the client showed. Never stored as the run's score. */
  clientScore: z.number().optional(),
  /** When the player started, by the player's clock (ISO 8601). */
  startedAt: z.iso.datetime().optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;
