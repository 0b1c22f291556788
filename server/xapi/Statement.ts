/** xAPI 1.0.3 statements as zod schemas: what an LRS client may send (strict: unknown properties are
 *  refused, as the spec requires) and the identifying key of an agent. Validates only; stores nothing. */
import { z } from 'zod';

export const XAPI_VERSION = '1.0.3';

/** An absolute IRI: a scheme, a colon and no white space (RFC 3987 in practice for LRS clients). */
const Iri = z.string().regex(/^[a-z][a-z0-9+.-]*:[^\s]+$/i, 'must be an absolute IRI');
const LanguageMap = z.record(z.string().regex(/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i, 'must be an RFC 5646 language tag'), z.string());
const Extensions = z.record(Iri, z.unknown());
/** ISO 8601 duration, e.g. PT1M12.4S. */
export const Duration = z.string().regex(/^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, 'must be an ISO 8601 duration');
const Timestamp = z.iso.datetime({ offset: true, local: false });

const Account = z.strictObject({ homePage: Iri, name: z.string().min(1) });
const IdentifierFields = {
  mbox: z.string().regex(/^mailto:[^@\s]+@[^@\s]+$/, 'must be a mailto IRI').optional(),
  mbox_sha1sum: z.string().regex(/^[0-9a-f]{40}$/i).optional(),
  openid: Iri.optional(),
  account: Account.optional(),
};
type Identified = { mbox?: string | undefined; mbox_sha1sum?: string | undefined; openid?: string | undefined; account?: z.infer<typeof Account> | undefined };
const identifierCount = (a: Identified): number => [a.mbox, a.mbox_sha1sum, a.openid, a.account].filter((v) => v !== undefined).length;

export const Agent = z
  .strictObject({ objectType: z.literal('Agent').optional(), name: z.string().optional(), ...IdentifierFields })
  .refine((a) => identifierCount(a) === 1, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid or account');
export type Agent = z.infer<typeof Agent>;

export const Group = z
  .strictObject({ objectType: z.literal('Group'), name: z.string().optional(), member: z.array(Agent).optional(), ...IdentifierFields })
  .refine((g) => identifierCount(g) <= 1, 'a Group has at most one identifier')
  .refine((g) => identifierCount(g) === 1 || (g.member !== undefined && g.member.length > 0), 'an anonymous Group needs members');
export type Group = z.infer<typeof Group>;

const Actor = z.union([Group, Agent]);
const Verb = z.strictObject({ id: Iri, display: LanguageMap.optional() });
const Activity = z.strictObject({
  objectType: z.literal('Activity').optional(),
  id: Iri,
  definition: z
    .strictObject({ name: LanguageMap.optional(), description: LanguageMap.optional(), type: Iri.optional(), moreInfo: Iri.optional(), extensions: Extensions.optional() })
    .loose()
    .optional(),
});
const StatementRef = z.strictObject({ objectType: z.literal('StatementRef'), id: z.uuid() });
const Score = z
  .strictObject({ scaled: z.number().min(-1).max(1).optional(), raw: z.number().optional(), min: z.number().optional(), max: z.number().optional() })
  .refine((s) => s.min === undefined || s.max === undefined || s.min < s.max, 'score.min must be below score.max')
  .refine((s) => s.raw === undefined || ((s.min === undefined || s.raw >= s.min) && (s.max === undefined || s.raw <= s.max)), 'score.raw must lie between min and max');
const Result = z.strictObject({ score: Score.optional(), success: z.boolean().optional(), completion: z.boolean().optional(), response: z.string().optional(), duration: Duration.optional(), extensions: Extensions.optional() });
const ActivityList = z.union([Activity, z.array(Activity)]);
const Context = z.strictObject({
  registration: z.uuid().optional(),
  instructor: Actor.optional(),
  team: Group.optional(),
  contextActivities: z.strictObject({ parent: ActivityList.optional(), grouping: ActivityList.optional(), category: ActivityList.optional(), other: ActivityList.optional() }).optional(),
  revision: z.string().optional(),
  platform: z.string().optional(),
  language: z.string().optional(),
  statement: StatementRef.optional(),
  extensions: Extensions.optional(),
});

/** An Agent as a statement's object must say so (objectType is only optional for actors). */
const ObjectAgent = z
  .strictObject({ objectType: z.literal('Agent'), name: z.string().optional(), ...IdentifierFields })
  .refine((a) => identifierCount(a) === 1, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid or account');
const StatementObject = z.union([Activity, Group, ObjectAgent, StatementRef]);
const SubStatement = z.strictObject({
  objectType: z.literal('SubStatement'),
  actor: Actor,
  verb: Verb,
  object: StatementObject,
  result: Result.optional(),
  context: Context.optional(),
  timestamp: Timestamp.optional(),
});

export const Statement = z
  .strictObject({
    id: z.uuid().optional(),
    actor: Actor,
    verb: Verb,
    object: z.union([StatementObject, SubStatement]),
    result: Result.optional(),
    context: Context.optional(),
    timestamp: Timestamp.optional(),
    stored: Timestamp.optional(),
    authority: Actor.optional(),
    version: z.string().regex(/^1\.0(\.\d+)?$/, 'this LRS speaks xAPI 1.0.x').optional(),
    attachments: z.array(z.record(z.string(), z.unknown())).max(0, 'attachments are not supported by this LRS').optional(),
  })
  .refine((s) => s.verb.id !== VOIDED || ('objectType' in s.object && s.object.objectType === 'StatementRef'), 'a voiding statement must have a StatementRef as its object');
export type Statement = z.infer<typeof Statement>;

export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/** The identifying key of an Agent or identified Group, as stored and as the `agent` filter matches. */
export function agentKey(agent: Identified): string | null {
  if (agent.mbox !== undefined) return `mbox:${agent.mbox.toLowerCase()}`;
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `openid:${agent.openid}`;
  if (agent.account !== undefined) return `account:${agent.account.homePage}|${agent.account.name}`;
  return null;
}

export const AgentFilter = z.union([Group, Agent]);
