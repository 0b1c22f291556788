/** The proofs of the open draft: "fire only" and the ghost run, run in a worker on request, each kept
 *  with the revision it was made for, so the studio can tell a fresh proof from one the author has since
 *  edited past. Submission reads the ghost run's verdict from here. */
import { create } from 'zustand';
import type { ScenarioIssue } from '../../../engine/index';
import { benchRecord } from '../benchHook';
import { useStudio } from '../model/studioStore';
import type { FireOnlyResult } from './fireOnly';
import type { BotResult } from './ghostRun';

type Proof<T> = { state: 'idle' } | { state: 'running'; revision: number } | { state: 'blocked'; revision: number; issues: ScenarioIssue[] } | { state: 'done'; revision: number; result: T; ms: number };

interface ProofState {
  fire: Proof<FireOnlyResult>;
  ghost: Proof<{ expert: BotResult; novice: BotResult }>;
  run: (kind: 'fireOnly' | 'ghost') => void;
  reset: () => void;
}

let worker: Worker | null = null;
let nextId = 1;

function proofWorker(): Worker {
  worker ??= new Worker(new URL('./proofWorker.ts', import.meta.url), { type: 'module' });
  return worker;
}

export const useProofs = create<ProofState>((set) => ({
  fire: { state: 'idle' },
  ghost: { state: 'idle' },
  reset: () => set({ fire: { state: 'idle' }, ghost: { state: 'idle' } }),
  run: (kind) => {
    const { draft, revision, draftId } = useStudio.getState();
    const id = nextId++;
    const key = kind === 'fireOnly' ? 'fire' : 'ghost';
    set({ [key]: { state: 'running', revision } });
    const w = proofWorker();
    const listener = (e: MessageEvent<{ id: number; ok: boolean; issues?: ScenarioIssue[]; result?: unknown; ms?: number }>): void => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', listener);
      // The author may have opened another draft meanwhile.
      if (useStudio.getState().draftId !== draftId) return;
      set({ [key]: e.data.ok ? { state: 'done', revision, result: e.data.result, ms: e.data.ms ?? 0 } : { state: 'blocked', revision, issues: e.data.issues ?? [] } });
      if (e.data.ok) benchRecord(kind, e.data.ms ?? 0);
    };
    w.addEventListener('message', listener);
    w.postMessage({ id, kind, revision, draft });
  },
}));
