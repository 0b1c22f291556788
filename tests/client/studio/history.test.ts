/** Undo and redo in the studio: every change is a step, one stroke of the pen or one drag is one step
 *  however many cells it paints, and a new change after undoing drops the redo list. */
import { beforeEach, describe, expect, it } from 'vitest';
import { beginGesture, emptyHistory, endGesture, HISTORY_LIMIT, record, redo, undo } from '../../../client/studio/model/history';
import { useStudio } from '../../../client/studio/model/studioStore';
import { paintFloor } from '../../../client/studio/plan/paintStroke';
import { setIn } from '../../../client/studio/model/paths';
import { blankDraft } from '../../../client/studio/templates/templates';

describe('history', () => {
  it('undo gives back the document before the change, redo the one after', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 'b');
    const u = undo(h, 'b');
    expect(u?.doc).toBe('a');
    const r = u && redo(u.history, u.doc);
    expect(r?.doc).toBe('b');
  });
  it('a gesture with many changes is one step', () => {
    let h = beginGesture(emptyHistory<string>(), 'a');
    for (const next of ['b', 'c', 'd']) h = record(h, 'x', next);
    h = endGesture(h, 'd');
    expect(h.past).toEqual(['a']);
    expect(undo(h, 'd')?.doc).toBe('a');
  });
  it('a gesture that changed nothing leaves no step', () => {
    const h = endGesture(beginGesture(emptyHistory<string>(), 'a'), 'a');
    expect(h.past).toEqual([]);
  });
  it('a new change after undo drops what could be redone', () => {
    let h = record(record(emptyHistory<string>(), 'a', 'b'), 'b', 'c');
    const u = undo(h, 'c');
    h = record(u?.history ?? h, 'b', 'z');
    expect(h.future).toEqual([]);
  });
  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, i, i + 1);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});

describe('the studio store', () => {
  beforeEach(() => useStudio.getState().load('d', blankDraft('t', 'a')));

  it('a pen stroke over ten cells is undone in one step', () => {
    const st = useStudio.getState();
    const before = st.draft;
    st.beginStroke();
    for (let x = 0; x < 10; x++) useStudio.getState().stroke((s) => paintFloor(s, 0, [{ x, y: 1 }], '#'));
    useStudio.getState().endStroke();
    expect(useStudio.getState().draft.world.floors[0]?.rows[1]?.slice(0, 10)).toBe('##########');
    useStudio.getState().undo();
    expect(useStudio.getState().draft).toBe(before);
    useStudio.getState().redo();
    expect(useStudio.getState().draft.world.floors[0]?.rows[1]?.slice(0, 10)).toBe('##########');
  });

  it('two separate changes are two steps', () => {
    useStudio.getState().change((s) => setIn(s, ['title', 'vi'], 'Một'));
    useStudio.getState().change((s) => setIn(s, ['title', 'vi'], 'Hai'));
    useStudio.getState().undo();
    expect(useStudio.getState().draft.title.vi).toBe('Một');
    useStudio.getState().undo();
    expect(useStudio.getState().draft.title.vi).toBe('Tình huống mới');
  });

  it('a change that changes nothing is no step and no new revision', () => {
    const rev = useStudio.getState().revision;
    useStudio.getState().change((s) => s);
    expect(useStudio.getState().history.past).toHaveLength(0);
    expect(useStudio.getState().revision).toBe(rev);
  });

  it('every change bumps the revision, so the check and autosave see it', () => {
    const rev = useStudio.getState().revision;
    useStudio.getState().change((s) => setIn(s, ['difficulty'], 3));
    expect(useStudio.getState().revision).toBe(rev + 1);
    expect(useStudio.getState().savedRevision).not.toBe(useStudio.getState().revision);
  });
});
