/** "Draft the rubric" proposes criteria from what the draft holds, each of which the engine accepts:
 *  no flare-up criterion without an agent that flares, a valve criterion only where gas stands in a
 *  burning room, casualties counted only where they need carrying out. */
import { describe, expect, it } from 'vitest';
import { checkScenario, loadScenario } from '../../../engine/index';
import { draftRubric } from '../../../client/studio/model/draftRubric';
import { paintFloor } from '../../../client/studio/plan/paintStroke';
import { fromTemplate } from '../../../client/studio/templates/templates';

const ids = (s: Parameters<typeof draftRubric>[0]): string[] => draftRubric(s).map((c) => c.id);

describe('draft the rubric', () => {
  it('an oil fire with water on hand asks for no flare-up; without water it does not', () => {
    const s = fromTemplate('apartment', 'a', 'h');
    expect(ids(s)).toContain('no-flare-up');
    const dry = { ...s, crew: s.crew.map((c) => ({ ...c, equipment: c.equipment.filter((e) => e.agent !== 'water') })) };
    expect(ids(dry)).not.toContain('no-flare-up');
  });

  it('asks for the valve only when the gas stands in the burning room', () => {
    const s = fromTemplate('apartment', 'a', 'h');
    expect(ids(s)).toContain('gas-valve-shut');
    // A wall between the pan and the cylinder puts the gas in another room.
    const walled = paintFloor(s, 0, [{ x: 1, y: 2 }, { x: 2, y: 2 }, { x: 3, y: 2 }, { x: 4, y: 2 }, { x: 5, y: 2 }, { x: 6, y: 2 }, { x: 7, y: 2 }, { x: 8, y: 2 }, { x: 9, y: 2 }, { x: 10, y: 2 }, { x: 11, y: 2 }], '#');
    expect(ids(walled)).not.toContain('gas-valve-shut');
  });

  it('counts casualties to carry out only indoors, and frees the trapped where a spreader is on scene', () => {
    const road = draftRubric(fromTemplate('road', 'r', 'h'));
    expect(road.find((c) => c.id === 'victims-rescued')).toBeUndefined();
    expect(road.find((c) => c.id === 'victims-freed')).toMatchObject({ kind: 'count', event: 'VICTIM_FREED', atLeast: 1 });
    expect(road.find((c) => c.id === 'triage-right')).toMatchObject({ where: { correct: true }, atLeast: 2 });
  });

  it('every proposal passes the engine’s checks on the draft it was made for', () => {
    for (const t of ['apartment', 'tubeHouse', 'road', 'shophouse', 'block'] as const) {
      const s = fromTemplate(t, 'x', 'h');
      expect(checkScenario(loadScenario(JSON.parse(JSON.stringify({ ...s, rubric: { ...s.rubric, criteria: draftRubric(s) } }))))).toEqual([]);
    }
  });

  it('proposes at least one criterion even for an empty plan', () => {
    const s = fromTemplate('apartment', 'a', 'h');
    expect(draftRubric({ ...s, world: { ...s.world, items: [], victims: [] }, crew: [] })).toHaveLength(1);
  });
});
