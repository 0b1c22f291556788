/** The studio's starting points: each template is a whole draft the engine accepts with no issue, and
 *  the blank plan's issues name exactly what the author still has to add. */
import { describe, expect, it } from 'vitest';
import { checkScenario, safeParseScenario } from '../../../engine/index';
import { blankDraft, fromTemplate, TEMPLATE_IDS } from '../../../client/studio/templates/templates';

describe('templates', () => {
  for (const t of TEMPLATE_IDS) {
    it(`the ${t} template parses and passes every check`, () => {
      const parsed = safeParseScenario(JSON.parse(JSON.stringify(fromTemplate(t, `draft-${t.toLowerCase()}`, 'hlv'))));
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      if (parsed.ok) expect(checkScenario(parsed.scenario)).toEqual([]);
    });
  }

  it('a blank plan asks for crew and a rubric, and nothing else', () => {
    const parsed = safeParseScenario(JSON.parse(JSON.stringify(blankDraft('new-one', 'hlv'))));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path).sort()).toEqual(['$.crew', '$.rubric.criteria']);
  });
});
