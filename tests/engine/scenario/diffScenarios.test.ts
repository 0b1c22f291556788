/** The diff of two scenario versions names what a reviewer would: the cells drawn differently, the
 *  things added, removed or changed by id, the phases, the criteria and the text. */
import { describe, expect, it } from 'vitest';
import { diffScenarios, type Scenario } from '../../../engine/index';
import { kitchenScenario } from '../../server/fixtures';

describe('diffScenarios', () => {
  const base = kitchenScenario();

  it('finds nothing between a scenario and a copy of itself', () => {
    expect(diffScenarios(base, structuredClone(base)).same).toBe(true);
  });

  it('lists each redrawn cell with its floor, place and legend characters', () => {
    const floor = base.world.floors[0];
    if (!floor) throw new Error('no floor');
    const row = floor.rows[1] ?? '';
    const redrawn = row.slice(0, 1) + (row[1] === '#' ? '.' : '#') + row.slice(2);
    const b: Scenario = { ...base, world: { ...base.world, floors: [{ ...floor, rows: [floor.rows[0] ?? '', redrawn, ...floor.rows.slice(2)] }, ...base.world.floors.slice(1)] } };
    const diff = diffScenarios(base, b);
    expect(diff.cells).toMatchObject({ count: 1, changes: [{ floor: floor.id, x: 1, y: 1, from: row[1], to: redrawn[1] }] });
    expect(diff.same).toBe(false);
  });

  it('names entities, phases and criteria added, removed or changed by id, and text by path', () => {
    const [first, ...rest] = base.world.items;
    if (!first) throw new Error('no item');
    const [criterion, ...otherCriteria] = base.rubric.criteria;
    const b: Scenario = {
      ...base,
      title: { vi: 'Khác', en: 'Other' },
      world: { ...base.world, items: [{ ...first, id: 'new-item' }, ...rest.map((i, k) => (k === 0 ? { ...i, x: i.x + 1 } : i))] },
      rubric: { ...base.rubric, criteria: otherCriteria.length > 0 ? otherCriteria : base.rubric.criteria },
    };
    const diff = diffScenarios(base, b);
    expect(diff.entities.items?.added).toEqual(['new-item']);
    expect(diff.entities.items?.removed).toEqual([first.id]);
    if (rest[0]) expect(diff.entities.items?.changed).toEqual([rest[0].id]);
    if (otherCriteria.length > 0) expect(diff.rubric.removed).toEqual([criterion?.id]);
    expect(diff.text.map((t) => t.path)).toEqual(['$.title']);
    expect(diff.statechart).toMatchObject({ added: [], removed: [], changed: [], initialChanged: false });
  });

  it('names a phase whose transitions changed, and a phase removed', () => {
    const [kept, dropped] = Object.keys(base.statechart.states);
    if (!kept || !dropped) throw new Error('needs two phases');
    const states = { ...base.statechart.states, [kept]: { ...base.statechart.states[kept], on: {} } } as Scenario['statechart']['states'];
    delete states[dropped];
    const diff = diffScenarios(base, { ...base, statechart: { ...base.statechart, states } });
    expect(diff.statechart).toMatchObject({ removed: [dropped], changed: [kept] });
  });
});
