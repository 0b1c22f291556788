/** What a drill adds to a run record: who took part with which crew members, and the instructor's
 *  injects. Stored next to the (unchanged) RunRecord; validated like every persisted record. */
import { z } from 'zod';
import type { ScoreResult } from '../../engine/index';
import { LoggedInject } from './DrillInject';

export const DrillParticipant = z.strictObject({
  /** The Colyseus session id, stable across a reconnection. */
  id: z.string().min(1).max(64),
  name: z.string().max(40),
  instructor: z.boolean(),
  /** Crew members this participant steered at some point of the drill, in the order taken. */
  crewIds: z.array(z.string().min(1).max(64)).max(64),
  /** The scenario roles of those crew members (nozzle, search, pump...). */
  roles: z.array(z.string().min(1).max(64)).max(64),
  /** The participant's account and unit when they joined signed in; who may read the drill's run
   *  follows from these (access/policy.ts). Absent for signed-out participants and older records. */
  userId: z.uuid().nullable().optional(),
  unitId: z.string().min(1).max(64).nullable().optional(),
});
export type DrillParticipant = z.infer<typeof DrillParticipant>;

export const DrillExtras = z.strictObject({
  code: z.string().min(1).max(16),
  participants: z.array(DrillParticipant).max(256),
  /** Crew members the doctrine bot played for at least one tick. */
  botCrewIds: z.array(z.string().min(1).max(64)).max(64),
  injects: z.array(LoggedInject).max(1000),
});
export type DrillExtras = z.infer<typeof DrillExtras>;

/** What the server stores in the `drill` column: the extras and the scores it computed by replay
 *  (null team score and no participant scores when the replay was rejected). */
/** How long the crew took to act after an inject: seconds from the inject to the first intent from a
 *  crew member a trainee steered; null when nobody acted before the drill ended. */
export interface InjectResponse {
  tick: number;
  kind: string;
  responseS: number | null;
}

export interface DrillResult extends DrillExtras {
  team: ScoreResult | null;
  /** One entry per inject, in order (absent on records stored before responses were measured). */
  injectResponses?: InjectResponse[];
  /** Participant id -> score over the events of the crew members they steered. */
  scores: Record<string, ScoreResult>;
}
