/** The studio's one store: the draft scenario being edited, its undo history, the floor and thing in
 *  view, and the tool in hand. Every change to the draft goes through `change` (one undo step) or a
 *  stroke (`beginStroke` ... `endStroke`: many changes, one step). No drawing, no I/O here. */
import { create } from 'zustand';
import type { Scenario } from '../../../engine/index';
import { beginGesture, emptyHistory, endGesture, record, redo, undo, type History } from './history';
import type { Path } from './paths';

/** Which thing is selected: the collection's path and the index in it. */
export interface Selection {
  path: Path;
  index: number;
}

export type Shape = 'pen' | 'line' | 'rect' | 'fillRect' | 'fill';
export type Tool =
  | { kind: 'select' }
  | { kind: 'paint'; ch: string; shape: Shape }
  | { kind: 'erase'; shape: Shape }
  | { kind: 'place'; thing: string }
  | { kind: 'ruler' }
  | { kind: 'scale' };

export type View = 'plan' | 'phases' | 'rubric' | 'scenario' | 'proofs';

export interface StudioState {
  draftId: string;
  draft: Scenario;
  history: History<Scenario>;
  /** Bumped on every change: the autosave and the live check key on it. */
  revision: number;
  /** Revision last saved to the library or exported; the leave warning compares with it. */
  savedRevision: number;
  floor: number;
  selection: Selection | null;
  tool: Tool;
  view: View;
  /** A JSON path the issue list asked to show (a new object each time, so asking twice shows it twice). */
  focusPath: { path: string } | null;
  load: (draftId: string, draft: Scenario, saved?: boolean) => void;
  change: (fn: (s: Scenario) => Scenario) => void;
  beginStroke: () => void;
  stroke: (fn: (s: Scenario) => Scenario) => void;
  endStroke: () => void;
  undo: () => void;
  redo: () => void;
  setFloor: (floor: number) => void;
  select: (selection: Selection | null) => void;
  setTool: (tool: Tool) => void;
  setView: (view: View) => void;
  focus: (path: string | null) => void;
  markSaved: () => void;
}

export const useStudio = create<StudioState>((set, get) => ({
  draftId: '',
  draft: null as unknown as Scenario,
  history: emptyHistory(),
  revision: 0,
  savedRevision: 0,
  floor: 0,
  selection: null,
  tool: { kind: 'paint', ch: '#', shape: 'line' },
  view: 'plan',
  focusPath: null,
  // Revisions keep counting across drafts, so a check answer for the last draft never passes for this one.
  load: (draftId, draft, saved = true) => {
    const revision = get().revision + 1;
    set({ draftId, draft, history: emptyHistory(), revision, savedRevision: saved ? revision : -1, floor: 0, selection: null, focusPath: null });
  },
  change: (fn) => {
    const { draft, history, revision } = get();
    const next = fn(draft);
    if (next === draft) return;
    set({ draft: next, history: record(history, draft, next), revision: revision + 1 });
  },
  beginStroke: () => set({ history: beginGesture(get().history, get().draft) }),
  stroke: (fn) => {
    const { draft, revision } = get();
    const next = fn(draft);
    if (next !== draft) set({ draft: next, revision: revision + 1 });
  },
  endStroke: () => set({ history: endGesture(get().history, get().draft) }),
  undo: () => {
    const step = undo(get().history, get().draft);
    if (step) set({ draft: step.doc, history: step.history, revision: get().revision + 1, selection: null });
  },
  redo: () => {
    const step = redo(get().history, get().draft);
    if (step) set({ draft: step.doc, history: step.history, revision: get().revision + 1, selection: null });
  },
  setFloor: (floor) => set({ floor, selection: null }),
  select: (selection) => set({ selection }),
  setTool: (tool) => set({ tool }),
  setView: (view) => set({ view }),
  focus: (path) => set({ focusPath: path === null ? null : { path } }),
  markSaved: () => set({ savedRevision: get().revision }),
}));
