/** Importing a scenario file: text that is not JSON is refused with the parser's message and nothing
 *  opens; a file with faults opens as a draft with the checker's issues at their JSON paths, and every
 *  value the file held is still there. Exporting gives back a file that imports to the same draft. */
import { describe, expect, it } from 'vitest';
import { exportText, importScenarioText } from '../../../client/studio/start/importScenario';
import { normalizeDraft } from '../../../client/studio/model/normalizeDraft';
import { runCheck } from '../../../client/studio/check/runCheck';
import { readScenarioJson } from '../../support/scenarios';

describe('import', () => {
  it('text that is not JSON is refused with the parser’s message', () => {
    const r = importScenarioText('{ "format": "fireground-scenario", ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('notJson');
  });

  it('JSON that is not an object is refused', () => {
    const r = importScenarioText('[1, 2, 3]');
    expect(r.ok ? null : r.reason).toBe('notObject');
  });

  it('a file with faults opens with each fault at its JSON path, and keeps every value', () => {
    const s = readScenarioJson('tube-house-motorbikes') as { world: { items: { peakKW: number }[]; victims: { mobility: string }[] } };
    s.world.items[0] = { ...s.world.items[0], peakKW: -10 };
    s.world.victims[1] = { ...s.world.victims[1], mobility: 'flies' };
    const r = importScenarioText(JSON.stringify(s));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['$.world.items[0].peakKW', '$.world.victims[1].mobility']));
    expect(r.draft.world.items[0]?.peakKW).toBe(-10);
    expect((r.draft.world.victims[1] as { mobility: string }).mobility).toBe('flies');
    expect(runCheck(r.draft).map((i) => i.path)).toEqual(expect.arrayContaining(['$.world.items[0].peakKW']));
  });

  it('a draft missing whole sections still opens, with empty lists the editor can show', () => {
    const { draft, replaced } = normalizeDraft({ format: 'fireground-scenario', version: 1, id: 'x', world: { floors: 'oops' } });
    expect(draft.world.floors).toEqual([]);
    expect(draft.crew).toEqual([]);
    expect(replaced).toEqual(['$.world.floors']);
  });

  it('an exported draft imports to the same scenario', () => {
    const original = readScenarioJson('apartment-kitchen-oil');
    const first = importScenarioText(JSON.stringify(original));
    if (!first.ok) throw new Error('did not import');
    const again = importScenarioText(exportText(first.draft));
    expect(again.ok && again.issues).toEqual([]);
    if (again.ok) expect(again.draft).toEqual(first.draft);
  });
});
