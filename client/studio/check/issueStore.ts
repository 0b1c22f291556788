/** The latest checker answer for the open draft, and the issues indexed by JSON path so a field, a
 *  thing on the plan or a phase can ask "am I wrong, and why?". Written only by useLiveCheck. */
import { create } from 'zustand';
import type { ScenarioIssue } from '../../../engine/index';

interface IssueState {
  issues: ScenarioIssue[];
  /** Revision of the draft the issues belong to; 0 before the first answer. */
  revision: number;
  ms: number;
  byPath: ReadonlyMap<string, string[]>;
  set: (issues: ScenarioIssue[], revision: number, ms: number) => void;
}

export const useIssues = create<IssueState>((set) => ({
  issues: [],
  revision: 0,
  ms: 0,
  byPath: new Map(),
  set: (issues, revision, ms) => {
    const byPath = new Map<string, string[]>();
    for (const i of issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i.rule]);
    set({ issues, revision, ms, byPath });
  },
}));

/** Rules reported at `path` exactly. */
export function rulesAt(byPath: ReadonlyMap<string, string[]>, path: string): string[] {
  return byPath.get(path) ?? [];
}

/** Rules reported at `path` or anywhere below it. */
export function rulesUnder(byPath: ReadonlyMap<string, string[]>, path: string): string[] {
  const out: string[] = [];
  for (const [p, rules] of byPath) if (p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) out.push(...rules);
  return out;
}
