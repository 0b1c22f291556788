/** Shared setup for server tests: run records played by the engine's reference bots on the kitchen
 *  scenario, and a real server on a free port over an in-memory PGlite store. No mocks. */
import { randomUUID } from 'node:crypto';
import { createRun, playWithBot, scoreRun, toRunRecord, type Bot, type RunRecord, type Scenario, type ScoreResult } from '../../engine/index';
import { createServer, type RunningServer, type ServerOptions } from '../../server/createServer';
import { loadScenarioCatalogue } from '../../server/scenarioCatalogue';
import { openPgliteRunStore } from '../../server/store/PgliteRunStore';
import type { SqlStore } from '../../server/store/SqlStore';

export const KITCHEN = 'apartment-kitchen-oil';
export const SEED = 20_240_601;

export function kitchenScenario(): Scenario {
  const scenario = loadScenarioCatalogue().get(KITCHEN);
  if (!scenario) throw new Error(`${KITCHEN} is missing from scenarios/`);
  return scenario;
}

export interface PlayedRecord {
  record: RunRecord;
  /** The score of the run as the bot played it, computed locally. */
  score: ScoreResult;
}

export function playRecord(bot: Bot, extra: Pick<RunRecord, 'clientScore' | 'startedAt'> = {}, seed = SEED): PlayedRecord {
  const scenario = kitchenScenario();
  const run = playWithBot(createRun(scenario, seed), bot);
  return { record: toRunRecord(run, randomUUID(), extra), score: scoreRun(scenario, run.events) };
}

export interface TestServer extends RunningServer {
  store: SqlStore;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** A free port unless `options.port` names one (a test that restarts a server where clients expect it). */
export async function startTestServer(options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<TestServer> {
  const store = await openPgliteRunStore();
  await store.migrate();
  const server = await createServer({ port: 0, host: '127.0.0.1', store, ...options });
  const call = async (path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${server.url}${path}`, init);
    const text = await res.text();
    return { status: res.status, body: text.length > 0 && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
  };
  return {
    ...server,
    store,
    post: (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    get: (path) => call(path),
    async stop() {
      await server.close();
      await store.close();
    },
  };
}
