/** Builds small purpose-made scenarios for engine tests on top of the kitchen file (which supplies a
 *  valid statechart and rubric), replacing the world and crew. Everything still passes loadScenario. */
import { createRun, loadScenario, type Run } from '../../engine/index';
import { KITCHEN, readScenarioJson, TEST_SEED } from './scenarios';

type Json = Record<string, unknown>;

export interface CustomWorld {
  floors: { id: string; level?: number; rows: string[] }[];
  items?: Json[];
  victims?: Json[];
  crew: Json[];
  zones?: Json[];
  vehicles?: Json[];
  hydrants?: Json[];
  hazards?: Json[];
}

const L = (text: string): { vi: string; en: string } => ({ vi: text, en: text });

export function victim(id: string, floor: string, x: number, y: number, extra: Json = {}): Json {
  return {
    id, name: L(id), floor, x, y, mobility: 'nonAmbulatory',
    findings: { breathing: true, respiratoryRate: 20, poorPerfusion: false, obeysCommands: true }, ...extra,
  };
}

export function crew(id: string, floor: string, x: number, y: number, extra: Json = {}): Json {
  return { id, role: 'rescue', name: L(id), floor, x, y, equipment: [], ...extra };
}

export function customRun(world: CustomWorld): Run {
  const s = readScenarioJson(KITCHEN) as Json & { world: Json; rubric: Json & { criteria: Json[] } };
  const first = world.floors[0]?.id ?? 'f0';
  // The kitchen rubric asks for a valve and a fire; keep a cold cylinder so it stays valid.
  const cylinder = { id: 'lpg-cylinder', kind: 'lpgCylinder', name: L('LPG'), floor: first, x: 1, y: 1, fireClass: 'C', growth: 'ultraFast', peakKW: 600, fuelMJ: 550, valve: 'open' };
  const pan = { id: 'pan-oil', kind: 'panOil', name: L('pan'), floor: first, x: 2, y: 1, fireClass: 'F', growth: 'ultraFast', peakKW: 1, fuelMJ: 0.001, ignitedAtS: 0 };
  return createRun(
    loadScenario({
      ...s,
      timeLimitS: 900,
      // Test crews take any role id; the kitchen's role list would refuse them.
      roles: [],
      // A statechart that only ends at the time limit, so tests decide how long the world runs.
      statechart: { initial: 'drill', states: { drill: { on: { TICK: { target: 'done', guard: { type: 'elapsedAtLeast', params: { seconds: 899 } } } } }, done: { type: 'final' } } },
      world: {
        cellSizeM: 0.5,
        floors: world.floors.map((f) => ({ name: L(f.id), ...f })),
        zones: world.zones ?? [{ id: 'kitchen', name: L('room'), floor: first, x: 1, y: 1, w: 1, h: 1 }],
        items: [cylinder, pan, ...(world.items ?? [])],
        victims: world.victims ?? [],
        vehicles: world.vehicles ?? [],
        hydrants: world.hydrants ?? [],
        hazards: world.hazards ?? [],
      },
      crew: world.crew,
    }),
    TEST_SEED,
  );
}
