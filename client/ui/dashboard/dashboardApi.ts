/** The dashboard's calls to /api/auth and /api/dashboard, with the filters as query parameters.
 *  Fetches and types only; the server decides what each caller may see. */
import type { CompetencyCell, MonthTrend } from '../../../server/store/DashboardStore';

export interface Me {
  user: { id: string; displayName: string; role: 'trainee' | 'instructor' | 'manager' | 'admin'; unitId: string };
}
export interface Filters {
  from: string;
  to: string;
  unitId: string;
  scenarioId: string;
}
export interface UnitRow {
  id: string;
  name: string;
  path: string;
}
type Text = { vi: string; en: string };
export interface Compliance {
  assignments: { id: string; scenarioId: string; title: Text; dueAt: string }[];
  rows: { unitId: string; unitName: string; cells: { assignmentId: string; people: number; counts: Record<'assigned' | 'inProgress' | 'completed' | 'overdue', number>; completionRate: number }[] }[];
}
// The shapes the server's dashboard store returns; type-only, so no server code reaches the browser.
export type { CompetencyCell, MonthTrend };
export interface FailedCriterion {
  scenarioId: string;
  criterionId: string;
  title: Text;
  failed: number;
  total: number;
  failRate: number;
}
export interface Trainee {
  userId: string;
  displayName: string;
  runs: number;
  passed: number;
  averagePercent: number | null;
  lastRunAt: string | null;
}
export interface TraineeRun {
  id: string;
  scenarioId: string;
  status: string;
  percent: number | null;
  passed: boolean | null;
  receivedAt: string;
}

export class HttpError extends Error {
  /** The server's error code (`wrongPassword`, `passwordCommon`...), or '' when it sent none. */
  constructor(readonly status: number, message: string, readonly code = '') {
    super(message);
  }
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; code?: string } } | null;
  if (!res.ok) throw new HttpError(res.status, body?.error?.message ?? `${res.status}`, body?.error?.code ?? '');
  return body as T;
}

export function query(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = {
  me: () => json<Me>('/api/auth/me'),
  signIn: (username: string, password: string) => json<Me>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }),
  changePassword: (currentPassword: string, newPassword: string) => json<undefined>('/api/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) }),
  units: () => json<UnitRow[]>('/api/units'),
  compliance: (f: Filters) => json<Compliance>(`/api/dashboard/compliance${query(f)}`),
  competencies: (f: Filters) => json<CompetencyCell[]>(`/api/dashboard/competencies${query(f)}`),
  trends: (f: Filters) => json<MonthTrend[]>(`/api/dashboard/trends${query(f)}`),
  failedCriteria: (f: Filters) => json<FailedCriterion[]>(`/api/dashboard/failed-criteria${query(f)}`),
  trainees: (unitId: string, f: Filters) => json<Trainee[]>(`/api/dashboard/units/${encodeURIComponent(unitId)}/trainees${query(f)}`),
  runsOf: (userId: string, f: Filters) => json<TraineeRun[]>(`/api/dashboard/trainees/${encodeURIComponent(userId)}/runs${query(f)}`),
};
