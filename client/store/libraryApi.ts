/** Typed calls to the server's scenario library (/api/library): save a draft, submit it, review it.
 *  Plain fetch and data only; the server parses, checks and decides everything, this trusts nothing. */
import type { LocalizedText } from './api';

export type VersionStatus = 'submitted' | 'returned' | 'approved' | 'published' | 'superseded' | 'withdrawn';

export interface GhostSide {
  passed: boolean;
  percent: number;
  stars: number;
  endReason: string;
  endTick: number;
}

export interface LibraryVersion {
  scenarioId: string;
  version: number;
  contentHash: string;
  authorId: string | null;
  authorName?: string | null;
  createdAt: string;
  status: VersionStatus;
  ghost: { expert: GhostSide; novice: GhostSide } | null;
}

export interface LibraryTransition {
  id: string;
  version: number | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  at: string;
  comment: string | null;
  scopeUnitId: string | null;
}

export interface LibraryItem {
  id: string;
  builtin: boolean;
  ownerId: string | null;
  unitId: string | null;
  draftHash: string | null;
  draftSavedAt: string | null;
  publishedVersion: number | null;
  scopeUnitId: string | null;
  withdrawnAt: string | null;
  mayEdit: boolean;
  mayReview: boolean;
  latest?: LibraryVersion | null;
}

export interface LibraryDetail extends LibraryItem {
  draft: { title: LocalizedText; world: { floors: { id: string; rows: string[] }[] } } | null;
  versions: LibraryVersion[];
  transitions: LibraryTransition[];
}

export interface ByIdChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ScenarioDiff {
  cells: { count: number; floorsAdded: string[]; floorsRemoved: string[] };
  entities: Record<string, ByIdChanges>;
  statechart: ByIdChanges & { initialChanged: boolean };
  rubric: ByIdChanges & { thresholdsChanged: boolean };
  text: { path: string }[];
  other: string[];
  same: boolean;
}

/** The server's refusal: its code, message and, for checks, the JSON paths at fault. */
export class LibraryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: { path: string; message: string }[] } } | null;
  if (!res.ok) throw new LibraryError(res.status, json?.error?.code ?? 'http', json?.error?.message ?? String(res.status), json?.error?.issues ?? []);
  return json as T;
}

const at = (id: string): string => `/api/library/${encodeURIComponent(id)}`;

export const libraryApi = {
  workspace: () => call<LibraryItem[]>('GET', '/api/library'),
  get: (id: string) => call<LibraryDetail>('GET', at(id)),
  saveDraft: (id: string, scenario: unknown) => call<LibraryItem>('PUT', `${at(id)}/draft`, scenario),
  submit: (id: string, comment?: string) => call<LibraryVersion>('POST', `${at(id)}/submit`, comment ? { comment } : {}),
  comment: (id: string, version: number, comment: string) => call<LibraryVersion>('POST', `${at(id)}/versions/${version}/comment`, { comment }),
  returnVersion: (id: string, version: number, comment: string) => call<LibraryVersion>('POST', `${at(id)}/versions/${version}/return`, { comment }),
  approve: (id: string, version: number) => call<LibraryVersion>('POST', `${at(id)}/versions/${version}/approve`, {}),
  publish: (id: string, version: number, scopeUnitId: string, comment?: string) => call<LibraryVersion>('POST', `${at(id)}/versions/${version}/publish`, { scopeUnitId, ...(comment ? { comment } : {}) }),
  withdraw: (id: string, comment: string) => call<undefined>('POST', `${at(id)}/withdraw`, { comment }),
  diff: (id: string, from: number, to: number | 'draft') => call<ScenarioDiff>('GET', `${at(id)}/diff?from=${from}&to=${to}`),
  version: (id: string, version: number) => call<LibraryVersion & { content: { world: { floors: { id: string; rows: string[] }[] } } }>('GET', `${at(id)}/versions/${version}`),
};
