/** Every message a drill client may send, as zod schemas: one per type, strict, with bounded sizes.
 *  Shape only; whether the sender may send it (role, crew member, drill status) is the room's call. */
import { z } from 'zod';
import { Intent } from '../../engine/index';
import { JOIN_CODE } from './joinCode';

const Empty = z.union([z.undefined(), z.null(), z.strictObject({})]);
const SessionId = z.string().min(1).max(64);

export const DrillMessages = {
  intent: Intent,
  /** Instructor: give a participant a crew member, or take it back (null) for the bot. */
  assignRole: z.strictObject({ participantId: SessionId, crewId: z.string().min(1).max(64).nullable() }),
  /** Instructor: send a participant out of the drill for good (their account, or their address). */
  removeParticipant: z.strictObject({ participantId: SessionId }),
  start: Empty,
  pause: Empty,
  resume: Empty,
  end: Empty,
  /** A seated trainee on the radio: heard by everyone, logged nowhere in the run. */
  radio: z.strictObject({ text: z.string().trim().min(1).max(200) }),
  /** Instructor: one of the scenario's injects by id, or a free-form radio message. */
  inject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('scenario'), id: z.string().min(1).max(100) }),
    z.strictObject({ kind: z.literal('freeRadio'), text: z.string().trim().min(1).max(200) }),
  ]),
} as const;
export type DrillMessageType = keyof typeof DrillMessages;
export const DRILL_MESSAGE_TYPES = Object.keys(DrillMessages) as DrillMessageType[];
export const INSTRUCTOR_MESSAGES: ReadonlySet<DrillMessageType> = new Set(['assignRole', 'removeParticipant', 'start', 'pause', 'resume', 'end', 'inject']);

/** A serialised message above this many characters is refused before it is looked at further; the
 *  transport already caps a frame at 4 KB. */
export const MAX_MESSAGE_CHARS = 512;

/** Options when creating a drill. The instructor key is a secret the creator made up: whoever joins
 *  with it is an instructor (the console keeps it for reconnecting from another tab). */
export const CreateDrillOptions = z.object({
  scenarioId: z.string().min(1).max(100),
  instructorKey: z.string().min(16).max(128),
});

export const JoinDrillOptions = z.object({
  name: z.string().trim().max(40).default(''),
  instructorKey: z.string().min(16).max(128).optional(),
  /** A late joiner may ask for a crew member the bot is playing. */
  crewId: z.string().min(1).max(64).optional(),
});

export const JoinCode = z.string().regex(JOIN_CODE);
