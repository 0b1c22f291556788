/** Typed calls to the server's HTTP API (same origin) and the bundled scenarios used when it cannot
 *  be reached. Plain fetch and data only: must not import the engine or Phaser (the landing uses it). */

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface ScenarioSummary {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  category: string;
  difficulty: number;
  estimatedMinutes: number;
}

export interface StoredRun {
  id: string;
  scenarioId: string;
  scenarioTitle: LocalizedText;
  status: string;
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  receivedAt: string;
  error: string | null;
}

export interface UploadAnswer {
  id: string;
  status: string;
  percent: number;
  passed: boolean;
  stars: number;
}

/** Scenario files shipped inside the bundle so that solo play works offline. */
const bundled = import.meta.glob<Record<string, unknown>>('../../scenarios/*.scenario.json', { eager: true, import: 'default' });

export function bundledScenarios(): unknown[] {
  return Object.values(bundled);
}

function summarize(raw: unknown): ScenarioSummary | null {
  const s = raw as Partial<ScenarioSummary> | null;
  if (!s || typeof s.id !== 'string' || !s.title || !s.summary) return null;
  return { id: s.id, title: s.title, summary: s.summary, category: s.category ?? '', difficulty: s.difficulty ?? 1, estimatedMinutes: s.estimatedMinutes ?? 0 };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

/** Scenario list from the server, or from the bundle (with `offline: true`) when that fails. */
export async function listScenarios(): Promise<{ scenarios: ScenarioSummary[]; offline: boolean }> {
  try {
    return { scenarios: await getJson<ScenarioSummary[]>('/api/scenarios'), offline: false };
  } catch {
    return { scenarios: bundledScenarios().flatMap((s) => summarize(s) ?? []), offline: true };
  }
}

/** A scenario's JSON from the server, falling back to the bundled copy; still unvalidated. */
export async function fetchScenario(id: string): Promise<unknown> {
  try {
    return await getJson<unknown>(`/api/scenarios/${encodeURIComponent(id)}`);
  } catch (err) {
    const local = bundledScenarios().find((s) => (s as { id?: unknown } | null)?.id === id);
    if (local !== undefined) return local;
    throw err;
  }
}

/** A run as the server stores it, with its record: what the debrief and replay need for a run that is
 *  not on this device (a manager's drill-down, another device's run). */
export interface ServerRun {
  id: string;
  scenarioId: string;
  status: string;
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  receivedAt: string;
  record: { id: string; seed: number; endTick: number; intents: { tick: number; intent: unknown }[]; [k: string]: unknown };
}

/** One stored run the caller may see; null when the server has none (or none for this caller). */
export async function fetchRun(id: string): Promise<ServerRun | null> {
  try {
    return await getJson<ServerRun>(`/api/runs/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
    throw err;
  }
}

/** The signed-in person's best server-verified result per scenario; empty when signed out or offline. */
export async function bestResults(): Promise<{ scenarioId: string; stars: number; percent: number; passed: boolean }[]> {
  try {
    return await getJson('/api/runs/best');
  } catch {
    return [];
  }
}

export function listRuns(): Promise<StoredRun[]> {
  return getJson<StoredRun[]>('/api/runs');
}

/** Uploads a run record; the server replays it and answers with the authoritative score. */
export async function uploadRun(record: unknown): Promise<UploadAnswer> {
  const res = await fetch('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(record) });
  const body = (await res.json().catch(() => null)) as (UploadAnswer & { error?: { code?: string; message?: string } }) | null;
  if (!res.ok || !body) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}
