/** The Statement API under /xapi (xAPI 1.0.3): statements POST, PUT and GET with the spec's filters,
 *  and about. LRS clients sign in with HTTP Basic credentials from configuration; session cookies
 *  count for nothing here. Applies the rules of storeStatements.ts; holds no SQL. */
import { timingSafeEqual, createHash } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { LoginThrottle } from '../auth/loginThrottle';
import { ApiError, errorHandler } from '../http/ApiError';
import { clientAddress } from '../http/authRouter';
import { validate } from '../http/validate';
import type { SqlStore } from '../store/SqlStore';
import type { StatementQuery } from '../store/XapiStore';
import type { XapiConfig } from './attemptStatements';
import { agentKey, AgentFilter, Statement, XAPI_VERSION, type Agent } from './Statement';
import { MAX_BATCH, storeStatements } from './storeStatements';

const MAX_LIMIT = 500;
const Timestamp = z.iso.datetime({ offset: true, local: false });
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const GetQuery = z.strictObject({
  statementId: z.uuid().optional(),
  voidedStatementId: z.uuid().optional(),
  agent: z.string().optional(),
  verb: z.string().min(1).optional(),
  activity: z.string().min(1).optional(),
  registration: z.uuid().optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  limit: z.coerce.number().int().min(0).optional(),
  ascending: Bool.optional(),
  format: z.enum(['ids', 'exact', 'canonical']).optional(),
  attachments: z.literal('false').optional(),
  related_agents: z.literal('false').optional(),
  related_activities: z.literal('false').optional(),
  cursor: z.string().regex(/^\d+$/).optional(),
});
const PutQuery = z.strictObject({ statementId: z.uuid() });

/** Constant-time comparison of equal-length digests, so a wrong password's timing reveals nothing. */
const same = (a: string, b: string): boolean => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Checks the Basic credentials through the same throttle as sign-in (its own counters): a slot is
 *  taken per username and address before the password is compared. */
async function lrsClient(req: Request, res: Response, config: XapiConfig, throttle: LoginThrottle): Promise<Agent> {
  const header = req.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const [username, password] = colon < 0 ? ['', ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const refused = new ApiError(401, 'unauthorized', config.clients.length === 0 ? 'No LRS clients are configured on this server (see XAPI_CLIENTS in the README).' : 'Send HTTP Basic credentials of an LRS client.');
  if (username === '' || config.clients.length === 0) throw refused;
  const address = clientAddress(req);
  const reservation = await throttle.reserve(username, address);
  if (!reservation.allowed) {
    res.setHeader('retry-after', String(reservation.retryAfterS));
    throw new ApiError(429, 'tooManyAttempts', 'Too many wrong credentials. Wait a while and try again.');
  }
  const client = config.clients.find((c) => same(c.username, username) && same(c.password, password));
  if (!client) {
    await throttle.failed(username, address, reservation);
    throw refused;
  }
  await throttle.succeeded(username, address);
  return { objectType: 'Agent', name: client.username, account: { homePage: config.baseIri, name: `lrs-client:${client.username}` } };
}

export function xapiRouter(store: SqlStore, config: XapiConfig, now: () => Date, onUnexpectedError: (err: unknown) => void, throttle: LoginThrottle): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('X-Experience-API-Version', XAPI_VERSION);
    next();
  });
  // The about resource tells clients which versions we speak, so it needs neither version nor credentials.
  router.get('/about', (_req, res) => {
    res.json({ version: [XAPI_VERSION], extensions: {} });
  });
  const authority = new WeakMap<Request, Agent>();
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const version = req.get('x-experience-api-version');
    if (version === undefined) throw new ApiError(400, 'versionRequired', 'Send the X-Experience-API-Version header (1.0.3).');
    if (!/^1\.0(\.[0-3])?$/.test(version)) throw new ApiError(400, 'versionUnsupported', `xAPI version ${version} is not supported; this LRS speaks ${XAPI_VERSION}.`);
    try {
      authority.set(req, await lrsClient(req, res, config, throttle));
    } catch (err) {
      // RFC 7235: a 401 names the scheme it asks for. Session cookies never count here.
      if (err instanceof ApiError && err.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="xAPI", charset="UTF-8"');
      throw err;
    }
    next();
  });
  router.use(express.json({ limit: '2mb' }));

  const authorityOf = (req: Request): Agent => {
    const agent = authority.get(req);
    if (!agent) throw new ApiError(401, 'unauthorized', 'Send HTTP Basic credentials of an LRS client.');
    return agent;
  };

  router.post('/statements', async (req, res) => {
    if (Object.keys(req.query).length > 0) throw new ApiError(400, 'unknownParameter', `POST /statements takes no parameters; got ${Object.keys(req.query).join(', ')}.`);
    const body: unknown = req.body;
    const items = Array.isArray(body) ? body : [body];
    if (items.length > MAX_BATCH) throw new ApiError(413, 'batchTooLarge', `A batch may hold at most ${MAX_BATCH} statements; this one holds ${items.length}. Send it in parts.`);
    const batch = validate(z.array(Statement).min(1), items, 'statement batch');
    res.json(await storeStatements(store, batch, authorityOf(req), now()));
  });

  router.put('/statements', async (req, res) => {
    const { statementId } = validate(PutQuery, req.query, 'query');
    const statement = validate(Statement, req.body, 'statement');
    if (statement.id !== undefined && statement.id !== statementId) throw new ApiError(400, 'idMismatch', 'The statement id differs from the statementId parameter.');
    await storeStatements(store, [{ ...statement, id: statementId }], authorityOf(req), now());
    res.status(204).end();
  });

  router.get('/statements', async (req, res) => {
    const q = validate(GetQuery, req.query, 'query');
    res.setHeader('X-Experience-API-Consistent-Through', now().toISOString());
    const single = q.statementId ?? q.voidedStatementId;
    if (single !== undefined) {
      const allowed = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);
      if (q.statementId !== undefined && q.voidedStatementId !== undefined) throw new ApiError(400, 'invalidRequest', 'Give statementId or voidedStatementId, not both.');
      const extra = Object.keys(req.query).filter((k) => !allowed.has(k));
      if (extra.length > 0) throw new ApiError(400, 'invalidRequest', `With ${q.statementId ? 'statementId' : 'voidedStatementId'} only format and attachments may be given; got ${extra.join(', ')}.`);
      const found = await store.xapi.get(single);
      // A voided statement is only reachable as voidedStatementId, and a live one only as statementId.
      if (!found || found.voided !== (q.voidedStatementId !== undefined)) throw new ApiError(404, 'notFound', `No statement ${single}.`);
      res.json(found.statement);
      return;
    }
    const query: StatementQuery = { limit: q.limit === undefined || q.limit === 0 || q.limit > MAX_LIMIT ? MAX_LIMIT : q.limit, ascending: q.ascending ?? false };
    if (q.agent !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(q.agent);
      } catch {
        throw new ApiError(400, 'invalidRequest', 'The agent parameter must be an Agent or Group as JSON.');
      }
      const key = agentKey(validate(AgentFilter, parsed, 'agent'));
      if (key === null) throw new ApiError(400, 'invalidRequest', 'The agent parameter needs an identifier (mbox, mbox_sha1sum, openid or account).');
      query.agentKey = key;
    }
    if (q.verb !== undefined) query.verbId = q.verb;
    if (q.activity !== undefined) query.activityId = q.activity;
    if (q.registration !== undefined) query.registration = q.registration;
    if (q.since !== undefined) query.since = q.since;
    if (q.until !== undefined) query.until = q.until;
    if (q.cursor !== undefined) query.after = Number(q.cursor);
    const rows = await store.xapi.query(query);
    const page = rows.slice(0, query.limit);
    let more = '';
    const last = page.at(-1);
    if (rows.length > query.limit && last) {
      const params = new URLSearchParams(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'cursor'));
      params.set('cursor', String(last.seq));
      more = `${req.baseUrl}/statements?${params.toString()}`;
    }
    res.json({ statements: page.map((r) => r.statement), more });
  });

  router.use((req) => {
    throw new ApiError(req.path === '/statements' || req.path === '/about' ? 405 : 404, req.path === '/statements' || req.path === '/about' ? 'methodNotAllowed' : 'notFound', `No xAPI resource ${req.method} ${req.path}.`);
  });
  router.use(errorHandler(onUnexpectedError));
  return router;
}
