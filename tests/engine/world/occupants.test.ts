/** Occupants who can walk go down the stairs to the way out they know, at the published stair speed,
 *  and turn back from smoke too thick to see through or gas too hot to bear. Stair speed: S = k (1 -
 *  0.266 D), k = 1.08 for a 7/11 stair, D = 0.54 persons/m^2 for a lone walker (Nelson and Mowrer,
 *  "Emergency movement", SFPE Handbook of Fire Protection Engineering, after Fruin and Pauls). Turning
 *  back: about 4 m of visibility for occupants who know the building (Jin, "Visibility and human
 *  behavior in fire smoke", SFPE Handbook). Figures: docs/engine/occupants.md. */
import { describe, expect, it } from 'vitest';
import { stepRun, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { stairDescentTicks } from '../../../engine/world/victims';
import { crew, customRun, victim } from '../../support/customScenario';

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
// Two storeys joined by a stair at (1, 1); the ground floor's door at (8, 1) opens onto the street.
const ground = ['#########,', '#S......d,', '#.......#,', '#########,'];
const upper = ['#########', '#S......#', '#.......#', '#########'];

function house(items: Record<string, unknown>[] = []): Run {
  return customRun({
    floors: [{ id: 'g', level: 0, rows: ground }, { id: 'u', level: 1, rows: upper }],
    items,
    victims: [victim('resident', 'u', 7, 2, { mobility: 'walks', findings: { breathing: true, respiratoryRate: 18, poorPerfusion: false, obeysCommands: true } })],
    crew: [crew('ff', 'g', 9, 2)],
  });
}
function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}

describe('occupants on the stairs', () => {
  it('a storey of 2.7 m down a 7/11 stair takes the slope length at the SFPE speed (about 5 s)', () => {
    const speed = 1.08 * (1 - 0.266 * 0.54);
    const going = 2.7 * (0.279 / 0.178);
    const seconds = Math.hypot(2.7, going) / speed;
    expect(stairDescentTicks(2.7)).toBe(Math.ceil(seconds * TICKS_PER_SECOND));
    expect(seconds).toBeGreaterThan(4);
    expect(seconds).toBeLessThan(6);
  });

  it('a resident upstairs who can walk takes the stairs down and walks out', () => {
    const run = house();
    runFor(run, 40);
    const escaped = run.events.find((e) => e.type === 'VICTIM_ESCAPED' && e.victimId === 'resident');
    expect(escaped).toBeDefined();
    const v = run.world.victims.find((x) => x.id === 'resident');
    expect(v?.floor).toBe(0);
    // Walking 6 cells to the stair, one storey down, 8 cells to the door and out: about 15 s.
    expect((escaped?.tick ?? 0) / TICKS_PER_SECOND).toBeLessThan(20);
  });

  it('a resident turns back from a stairwell of hot smoke (above 60 degC) and waits upstairs', () => {
    const sofa = { id: 'sofa', kind: 'sofa', name: L('sofa'), floor: 'g', x: 2, y: 2, fireClass: 'A', growth: 'medium', peakKW: 100, fuelMJ: 5000, ignitedAtS: 0, preburnS: 300 };
    const run = house([sofa]);
    runFor(run, 30);
    const v = run.world.victims.find((x) => x.id === 'resident');
    expect(v?.floor).toBe(1);
    expect(v?.status).toBe('ok');
    expect(run.events.some((e) => e.type === 'VICTIM_ESCAPED')).toBe(false);
  });
});
