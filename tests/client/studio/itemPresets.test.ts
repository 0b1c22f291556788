/** The published values behind the item presets: every kind the format allows has one, classes follow
 *  TCVN 4878:2009 (oil is F, gas is C), each fuel load is enough for its fire to reach the peak it
 *  claims under its t-squared class, and placing an item fills them in. */
import { describe, expect, it } from 'vitest';
import { ALPHA, Scenario, secondsToReach } from '../../../engine/index';
import { growthEnergyMJ, ITEM_PRESETS } from '../../../client/studio/model/itemPresets';
import { newThing } from '../../../client/studio/model/things';
import { blankDraft } from '../../../client/studio/templates/templates';

const kinds = (Scenario.shape.world.shape.items.element as unknown as { shape: { kind: { options: string[] } } }).shape.kind.options;

describe('item presets', () => {
  it('cover every kind of item the format allows', () => {
    expect(kinds.filter((k) => !ITEM_PRESETS[k])).toEqual([]);
  });

  it('follow TCVN 4878:2009: cooking oil is class F, gas class C, solids class A', () => {
    expect(ITEM_PRESETS.panOil?.fireClass).toBe('F');
    expect(ITEM_PRESETS.lpgCylinder?.fireClass).toBe('C');
    expect(ITEM_PRESETS.stove?.fireClass).toBe('C');
    for (const k of ['sofa', 'bed', 'cartons', 'cabinet', 'goods', 'foamPanels']) expect(ITEM_PRESETS[k]?.fireClass).toBe('A');
  });

  it('polyurethane foam is ultra-fast and stacked cartons fast, as NFPA 72 Annex B classes them', () => {
    expect(ITEM_PRESETS.foamPanels?.growth).toBe('ultraFast');
    expect(ITEM_PRESETS.cartons?.growth).toBe('fast');
  });

  it('each fuel load lets its fire reach the peak it claims', () => {
    for (const [k, p] of Object.entries(ITEM_PRESETS)) {
      expect(growthEnergyMJ(ALPHA[p.growth], p.peakKW), k).toBeLessThan(p.fuelMJ);
    }
  });

  it('the growth energy matches the engine’s own t-squared time to peak', () => {
    // A medium fire reaches 1055 kW in 300 s: energy alpha t^3 / 3 = 0.011722 * 300^3 / 3 kJ.
    expect(secondsToReach('medium', 1055)).toBeCloseTo(300, 0);
    expect(growthEnergyMJ(ALPHA.medium, 1055)).toBeCloseTo((0.011722 * 300 * 300 * 300) / 3 / 1000, 0);
  });

  it('placing an item fills in its kind’s values; gas and electrics bring their extra fields', () => {
    const s = blankDraft('t', 'a');
    expect(newThing(s, 'item', 'tang-1', 3, 4, 'lpgCylinder')).toMatchObject({ kind: 'lpgCylinder', fireClass: 'C', valve: 'open', failureS: 300, floor: 'tang-1', x: 3, y: 4 });
    expect(newThing(s, 'item', 'tang-1', 3, 4, 'electricalPanel')).toMatchObject({ electrics: 'live' });
  });
});
