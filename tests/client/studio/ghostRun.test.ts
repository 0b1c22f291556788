/** The proofs on the studio's own templates: the ghost run has the expert passing and the novice
 *  failing each of them (so a new draft starts submittable), a rubric that asks the impossible is
 *  refused with the reason, and "fire only" finds the apartment kitchen's flashover. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index';
import { fireOnly, FIRE_ONLY_MINUTES } from '../../../client/studio/proof/fireOnly';
import { playBot, verdict } from '../../../client/studio/proof/ghostRun';
import { paintFloor } from '../../../client/studio/plan/paintStroke';
import { fromTemplate, TEMPLATE_IDS } from '../../../client/studio/templates/templates';

/** The block template with the door of the burning flat open: the fire gets its air. */
const openFlat = () => loadScenario(JSON.parse(JSON.stringify(paintFloor(fromTemplate('block', 'fire-only', 'hlv'), 1, [{ x: 9, y: 10 }], 'd'))));

describe('ghost run', () => {
  for (const t of TEMPLATE_IDS) {
    it(`the ${t} template: the expert passes and the novice fails`, () => {
      const s = loadScenario(JSON.parse(JSON.stringify(fromTemplate(t, `ghost-${t.toLowerCase()}`, 'hlv'))));
      const expert = playBot(s, 'expert');
      const novice = playBot(s, 'novice');
      expect(expert.score.criteria.filter((c) => !c.passed).map((c) => c.id)).toEqual([]);
      expect(verdict(expert, novice)).toEqual({ ok: true, reasons: [] });
      expect(expert.frames.length).toBeGreaterThan(10);
    });
  }

  it('a rubric the expert cannot meet blocks submission and says why', () => {
    const base = fromTemplate('apartment', 'too-hard', 'hlv');
    // Every criterion must be met, and the fire must be out within a second: nobody can.
    const s = loadScenario({ ...base, rubric: { ...base.rubric, passPercent: 100, starsPercent: [100, 100, 100], criteria: base.rubric.criteria.map((c) => (c.kind === 'time' ? { ...c, withinS: 1 } : c)) } });
    const v = verdict(playBot(s, 'expert'), playBot(s, 'novice'));
    expect(v.ok).toBe(false);
    expect(v.reasons.map((r) => r.key)).toContain('studio.ghost.expertFailed');
  });
});

describe('fire only', () => {
  it('keeps heat and smoke at 1, 2, 5 and 10 minutes for every floor', () => {
    const s = openFlat();
    const r = fireOnly(s);
    expect(r.snapshots.map((x) => x.minute)).toEqual([...FIRE_ONLY_MINUTES]);
    expect(r.snapshots[0]?.heat).toHaveLength(s.world.floors.length);
    // Left alone, the flat's fire grows: it is far hotter at five minutes than at one.
    const hottest = (m: number): number => Math.max(...(r.snapshots.find((x) => x.minute === m)?.heat[1] ?? []));
    expect(hottest(5)).toBeGreaterThan(2 * hottest(1));
  });

  it('a fire behind a shut door starves and never flashes over', () => {
    expect(fireOnly(loadScenario(JSON.parse(JSON.stringify(fromTemplate('block', 'shut', 'hlv'))))).flashovers).toEqual([]);
  });

  it('names when and where a room flashes over', () => {
    const s = openFlat();
    const r = fireOnly(s);
    expect(r.flashovers.length).toBeGreaterThan(0);
    const first = r.flashovers[0];
    expect(first?.floor).toBe(1);
    expect(first?.items).toContain('sofa-1');
    expect(first?.seconds).toBeGreaterThan(60);
  });
});
