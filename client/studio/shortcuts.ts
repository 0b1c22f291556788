/** The studio's keyboard shortcuts: one table that both the key handler and the help sheet read. */
import type { Shape, StudioState } from './model/studioStore';
import { PALETTE } from './plan/cellColours';
import { removeAt } from './model/paths';

export interface Shortcut {
  keys: string;
  /** i18n key of what it does. */
  what: string;
  match: (e: KeyboardEvent) => boolean;
  run: (s: StudioState) => void;
}

const ctrl = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
const plain = (key: string) => (e: KeyboardEvent): boolean => !ctrl(e) && !e.altKey && e.key.toLowerCase() === key;
const shapeKey = (key: string, shape: Shape): Shortcut => ({
  keys: key.toUpperCase(),
  what: `studio.shape.${shape}`,
  match: plain(key),
  run: (s) => s.setTool(s.tool.kind === 'erase' ? { kind: 'erase', shape } : { kind: 'paint', ch: s.tool.kind === 'paint' ? s.tool.ch : '#', shape }),
});

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+Z', what: 'studio.keys.undo', match: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: (s) => s.undo() },
  { keys: 'Ctrl+Shift+Z, Ctrl+Y', what: 'studio.keys.redo', match: (e) => ctrl(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: (s) => s.redo() },
  { keys: 'V', what: 'studio.tools.select', match: plain('v'), run: (s) => s.setTool({ kind: 'select' }) },
  { keys: 'E', what: 'studio.tools.erase', match: plain('e'), run: (s) => s.setTool({ kind: 'erase', shape: s.tool.kind === 'paint' ? s.tool.shape : 'pen' }) },
  { keys: 'M', what: 'studio.tools.ruler', match: plain('m'), run: (s) => s.setTool({ kind: 'ruler' }) },
  shapeKey('p', 'pen'),
  shapeKey('l', 'line'),
  shapeKey('r', 'rect'),
  shapeKey('b', 'fillRect'),
  shapeKey('f', 'fill'),
  {
    keys: '1 … 0',
    what: 'studio.keys.cells',
    match: (e) => !ctrl(e) && !e.altKey && /^[0-9]$/.test(e.key),
    run: () => undefined,
  },
  { keys: 'Page Up / Page Down', what: 'studio.keys.floors', match: (e) => e.key === 'PageUp' || e.key === 'PageDown', run: () => undefined },
  {
    keys: 'Delete',
    what: 'studio.keys.delete',
    match: (e) => e.key === 'Delete' || e.key === 'Backspace',
    run: (s) => {
      const sel = s.selection;
      if (!sel) return;
      s.change((d) => removeAt(d, sel.path, sel.index));
      s.select(null);
    },
  },
  { keys: '+ / -', what: 'studio.keys.zoom', match: () => false, run: () => undefined },
  { keys: 'Esc', what: 'studio.keys.escape', match: (e) => e.key === 'Escape', run: (s) => s.select(null) },
  { keys: '?', what: 'studio.keys.help', match: (e) => e.key === '?', run: () => undefined },
];

/** Runs the shortcut for `e`, if any, on the studio; answers whether one ran. Typing in a field never
 *  triggers one, except undo and redo, which the field's own text undo would otherwise swallow only there. */
export function handleShortcut(e: KeyboardEvent, s: StudioState): Shortcut | null {
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return null;
  // Inside a dialog its own keys rule: taking Esc there would keep the browser from closing it.
  if (t?.closest('dialog[open], [role="dialog"]')) return null;
  const hit = SHORTCUTS.find((k) => k.match(e));
  if (!hit) return null;
  if (hit.what === 'studio.keys.cells') {
    const ch = PALETTE[(Number(e.key) + 9) % 10];
    if (ch) s.setTool({ kind: 'paint', ch, shape: s.tool.kind === 'paint' || s.tool.kind === 'erase' ? s.tool.shape : 'line' });
  } else if (hit.what === 'studio.keys.floors') {
    const n = s.draft.world.floors.length;
    s.setFloor(Math.max(0, Math.min(n - 1, s.floor + (e.key === 'PageUp' ? 1 : -1))));
  } else hit.run(s);
  return hit;
}
