/** The fire, heat and smoke palettes stay readable with colour-vision deficiencies: each step of the heat
 *  ramp stays apart from the next under simulated protanopia, deuteranopia and tritanopia (Machado et al.
 *  2009, as culori implements it) and grows lighter with heat; the stair hints' fire, heat and smoke
 *  colours stay apart from each other likewise. */
import { describe, expect, it } from 'vitest';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, type Color, converter } from 'culori';
import { heatColour, smokeColour } from '../../../client/game/palettes';
import { HINT_COLOUR } from '../../../client/game/constants';

const rgb = (r: number, g: number, b: number): Color => ({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
const hex = (n: number): Color => rgb((n >> 16) & 255, (n >> 8) & 255, n & 255);
const lab = converter('lab');
const delta = differenceCiede2000();
const VISION: Record<string, (c: Color) => Color> = { normal: (c) => c, protanopia: filterDeficiencyProt(1), deuteranopia: filterDeficiencyDeuter(1), tritanopia: filterDeficiencyTrit(1) };

/** The heat ramp at 100 °C steps from 150 °C to 950 °C, over the room's floor (alpha composited on a mid grey). */
function heatSteps(): Color[] {
  const out: Color[] = [];
  for (let c = 150; c <= 950; c += 100) {
    const [r, g, b, a] = heatColour(c * 10);
    const k = a / 255;
    out.push(rgb(r * k + 150 * (1 - k), g * k + 150 * (1 - k), b * k + 150 * (1 - k)));
  }
  return out;
}

describe('colour-blind-safe palettes', () => {
  for (const [name, see] of Object.entries(VISION)) {
    it(`the heat ramp keeps each 100 °C step apart and grows lighter (${name})`, () => {
      const steps = heatSteps().map(see);
      for (let k = 1; k < steps.length; k++) {
        const a = steps[k - 1] as Color;
        const b = steps[k] as Color;
        expect(delta(a, b), `${50 + 100 * k} to ${150 + 100 * k} °C`).toBeGreaterThan(2);
      }
      const light = steps.map((c) => lab(c).l);
      // Over the whole range hot is far lighter than warm.
      expect((light[light.length - 1] ?? 0) - (light[0] ?? 0)).toBeGreaterThan(20);
    });

    it(`fire, hot gas and smoke hints stay apart (${name})`, () => {
      const [fire, heat, smoke] = [HINT_COLOUR.fire, HINT_COLOUR.heat, HINT_COLOUR.smoke].map((c) => see(hex(c)));
      expect(delta(fire as Color, heat as Color)).toBeGreaterThan(15);
      expect(delta(fire as Color, smoke as Color)).toBeGreaterThan(15);
      expect(delta(heat as Color, smoke as Color)).toBeGreaterThan(15);
    });
  }

  it('smoke is a neutral grey that thickens with density', () => {
    const [r, g, b] = smokeColour(500);
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(10);
    expect(smokeColour(900)[3]).toBeGreaterThan(smokeColour(300)[3]);
  });
});
