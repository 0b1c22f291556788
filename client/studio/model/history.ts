/** Undo and redo over immutable documents: every step keeps the document as it was before. A gesture
 *  (one stroke of the pen, one drag) changes the document many times but makes one step. Pure data;
 *  the store decides when a gesture starts and ends. */

export interface History<T> {
  past: readonly T[];
  future: readonly T[];
  /** The document as it was when the open gesture began; null when none is open. */
  gestureBase: T | null;
}

/** How many steps are kept: the oldest drop off first. */
export const HISTORY_LIMIT = 500;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], gestureBase: null };
}

function push<T>(past: readonly T[], doc: T): T[] {
  const out = [...past, doc];
  return out.length > HISTORY_LIMIT ? out.slice(out.length - HISTORY_LIMIT) : out;
}

/** Records that `before` was replaced by a new document, as one step (or as part of the open gesture). */
export function record<T>(h: History<T>, before: T, after: T): History<T> {
  if (before === after || h.gestureBase !== null) return h;
  return { past: push(h.past, before), future: [], gestureBase: null };
}

export function beginGesture<T>(h: History<T>, current: T): History<T> {
  return h.gestureBase !== null ? h : { ...h, gestureBase: current };
}

/** Closes the gesture: one step if it changed anything, none if it did not. */
export function endGesture<T>(h: History<T>, current: T): History<T> {
  const base = h.gestureBase;
  if (base === null) return h;
  if (base === current) return { ...h, gestureBase: null };
  return { past: push(h.past, base), future: [], gestureBase: null };
}

/** Steps back: the document to show and the history after it; null when there is nothing to undo. */
export function undo<T>(h: History<T>, current: T): { doc: T; history: History<T> } | null {
  const closed = endGesture(h, current);
  const doc = closed.past[closed.past.length - 1];
  if (doc === undefined) return null;
  return { doc, history: { past: closed.past.slice(0, -1), future: [current, ...closed.future], gestureBase: null } };
}

export function redo<T>(h: History<T>, current: T): { doc: T; history: History<T> } | null {
  const doc = h.future[0];
  if (doc === undefined || h.gestureBase !== null) return null;
  return { doc, history: { past: push(h.past, current), future: h.future.slice(1), gestureBase: null } };
}
