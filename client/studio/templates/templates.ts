/** The studio's starting points: a blank plan and five templates (apartment, tube house, road,
 *  shophouse or market, multi-storey block), each a whole draft that passes the engine's checks once
 *  its rubric is drafted. Built with the plan tools; pure. */
import type { Scenario } from '../../../engine/index';
import { draftRubric } from '../model/draftRubric';
import { newThing, STANDARD_BREATHING_SET } from '../model/things';
import { defaultStatechart, newDraft } from './defaults';
import { PlanBuilder } from './planBuilder';

export const TEMPLATE_IDS = ['apartment', 'tubeHouse', 'road', 'shophouse', 'block'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const L = (vi: string, en: string) => ({ vi, en });
type Json = Record<string, unknown>;

function floor(id: string, level: number, vi: string, en: string, rows: string[], ceilingM = 3): Scenario['world']['floors'][number] {
  return { id, name: L(vi, en), level, ceilingM, wallHk: 0.0134, rows };
}

/** Places things through the same factory the plan's place tool uses. */
function place<T = never>(s: Scenario, kind: Parameters<typeof newThing>[1], floorId: string, x: number, y: number, variant?: string, extra: Json = {}): T {
  return { ...newThing(s, kind, floorId, x, y, variant), ...extra } as T;
}

function withRubric(s: Scenario): Scenario {
  return { ...s, rubric: { ...s.rubric, criteria: draftRubric(s) } };
}

/** An empty ground floor of street, 24 x 16 m; no crew yet, so the checks list what is missing. */
export function blankDraft(id: string, author: string): Scenario {
  const rows = new PlanBuilder(48, 32).rows;
  return newDraft(id, L('Tình huống mới', 'New scenario'), 'structureFire', { floors: [floor('tang-1', 0, 'Tầng 1', 'Ground floor', rows)] }, [], author);
}

const extinguishers = [
  { id: 'ext-water', kind: 'extinguisher', agent: 'water', dischargeS: 60, rangeM: 4 },
  { id: 'ext-wet-chemical', kind: 'extinguisher', agent: 'wetChemical', dischargeS: 40, rangeM: 3 },
] as const;

function apartment(id: string, author: string): Scenario {
  const p = new PlanBuilder(30, 20).room(0, 0, 29, 15).fill(12, 0, 12, 15, '#').fill(12, 8, 29, 8, '#').at(12, 11, 'D').at(20, 8, 'D').at(20, 15, 'D').at(0, 4, 'W').at(29, 4, 'W');
  let s = newDraft(id, L('Cháy bếp căn hộ', 'Apartment kitchen fire'), 'structureFire', { floors: [floor('tang-5', 0, 'Tầng 5', 'Fifth floor', p.rows, 2.7)] }, [], author);
  const w = s.world;
  w.items.push(place(s, 'item', 'tang-5', 3, 1, 'panOil', { ignitedAtS: 0, preburnS: 25 }));
  w.items.push(place(s, 'item', 'tang-5', 6, 1, 'cabinet'));
  w.items.push(place(s, 'item', 'tang-5', 1, 3, 'lpgCylinder', { failureS: undefined }));
  w.zones.push({ id: 'kitchen', name: L('Bếp', 'Kitchen'), floor: 'tang-5', x: 1, y: 1, w: 11, h: 14 });
  s = { ...s, crew: [({ ...place<Json>(s, 'crew', 'tang-5', 20, 17, 'nozzle'), equipment: extinguishers.map((e) => ({ ...e })) } as never)] };
  return withRubric({ ...s, competencies: ['portableExtinguishers', 'hazardControl'], estimatedMinutes: 5, timeLimitS: 300 });
}

function tubeHouse(id: string, author: string): Scenario {
  const storey = (ground: boolean): string[] => {
    const p = new PlanBuilder(24, 50).room(4, 6, 13, 45).fill(11, 30, 12, 33, 'S');
    if (ground) p.at(8, 6, 'D').fill(5, 34, 12, 34, '#').at(8, 34, 'D');
    else p.at(7, 6, 'G').at(8, 6, 'G');
    return p.rows;
  };
  const floors = [0, 1, 2, 3].map((lv) => floor(`tang-${lv + 1}`, lv, `Tầng ${lv + 1}`, lv === 0 ? 'Ground floor' : `Floor ${lv}`, storey(lv === 0)));
  let s = newDraft(id, L('Cháy nhà ống', 'Tube-house fire'), 'structureFire', { floors }, [], author);
  const w = s.world;
  w.items.push(place(s, 'item', 'tang-1', 6, 9, 'motorbike', { ignitedAtS: 0, preburnS: 60 }));
  w.items.push(place(s, 'item', 'tang-1', 9, 9, 'motorbike'));
  w.items.push(place(s, 'item', 'tang-1', 5, 7, 'electricalPanel'));
  w.items.push(place(s, 'item', 'tang-1', 6, 40, 'lpgCylinder'));
  w.victims.push(place(s, 'victim', 'tang-3', 8, 10));
  w.vehicles.push(place(s, 'vehicle', 'tang-1', 2, 2));
  w.hydrants.push(place(s, 'hydrant', 'tang-1', 1, 4));
  s = { ...s, crew: [place<never>(s, 'crew', 'tang-1', 8, 3, 'nozzle'), ({ ...place<Json>(s, 'crew', 'tang-1', 9, 3, 'rescue'), id: 'ff-2' } as never)] };
  return withRubric({ ...s, competencies: ['searchRescue', 'interiorAttack', 'ladders'], difficulty: 3 });
}

function road(id: string, author: string): Scenario {
  const rows = new PlanBuilder(80, 24).rows;
  let s = newDraft(id, L('Tai nạn giao thông', 'Road crash'), 'vehicle', { floors: [floor('road', 0, 'Mặt đường', 'Road', rows)] }, [], author);
  const w = s.world;
  w.items.push(place(s, 'item', 'road', 41, 6, 'car'));
  w.items.push(place(s, 'item', 'road', 31, 9, 'motorbike'));
  w.victims.push(place(s, 'victim', 'road', 30, 8, undefined, { mobility: 'walks' }));
  w.victims.push(({ ...place<Json>(s, 'victim', 'road', 42, 8), id: 'victim-2', trapped: true } as never));
  s = {
    ...s,
    crew: [place<never>(s, 'crew', 'road', 4, 12, 'rescue', { tools: ['hydraulicSpreader'], breathingSet: undefined }), ({ ...place<Json>(s, 'crew', 'road', 4, 13, 'rescue', { breathingSet: undefined }), id: 'ff-2' } as never)],
    statechart: {
      initial: 'dispatch',
      states: {
        dispatch: { ...defaultStatechart(L('Tai nạn giao thông, có người mắc kẹt.', 'Road crash, someone trapped.')).states.dispatch, on: { TICK: { target: 'triage', guard: { type: 'elapsedAtLeast', params: { seconds: 2 } } } } },
        triage: { on: { TICK: { target: 'extrication', guard: 'allVictimsTriaged' } } },
        extrication: { on: { TICK: { target: 'handover', guard: 'noVictimTrapped' } } },
        handover: { on: { TICK: { target: 'debrief', guard: { type: 'phaseElapsedAtLeast', params: { seconds: 10 } } } } },
        debrief: { type: 'final' },
      },
    },
  };
  return withRubric({ ...s, competencies: ['triage', 'searchRescue'], timeLimitS: 600 });
}

function shophouse(id: string, author: string): Scenario {
  const ground = new PlanBuilder(40, 30).room(2, 4, 37, 27).fill(3, 5, 36, 5, '.').at(19, 4, 'd').at(20, 4, 'd').fill(33, 22, 34, 23, 'S');
  for (let x = 6; x <= 30; x += 8) ground.fill(x, 9, x + 4, 9, '#');
  const upper = new PlanBuilder(40, 30).room(2, 4, 37, 27).fill(2, 16, 37, 16, '#').at(20, 16, 'D').fill(33, 22, 34, 23, 'S').at(10, 4, 'W').at(28, 4, 'W');
  let s = newDraft(id, L('Cháy chợ và nhà phố', 'Market and shophouse fire'), 'structureFire', { floors: [floor('tang-1', 0, 'Tầng 1: chợ', 'Ground floor: market', ground.rows), floor('tang-2', 1, 'Tầng 2: kho và nhà ở', 'Floor 1: store and home', upper.rows)] }, [], author);
  const w = s.world;
  w.items.push(place(s, 'item', 'tang-1', 8, 12, 'goods', { ignitedAtS: 0, preburnS: 30 }));
  w.items.push(place(s, 'item', 'tang-1', 16, 12, 'cartons'));
  w.items.push(place(s, 'item', 'tang-1', 3, 6, 'electricalPanel'));
  w.victims.push(place(s, 'victim', 'tang-2', 20, 10));
  w.vehicles.push(place(s, 'vehicle', 'tang-1', 10, 1));
  w.hydrants.push(place(s, 'hydrant', 'tang-1', 4, 1));
  s = { ...s, crew: [place<never>(s, 'crew', 'tang-1', 18, 2, 'nozzle'), ({ ...place<Json>(s, 'crew', 'tang-1', 21, 2, 'rescue'), id: 'ff-2' } as never)] };
  return withRubric({ ...s, competencies: ['interiorAttack', 'searchRescue'], difficulty: 3 });
}

function block(id: string, author: string): Scenario {
  const storey = (ground: boolean): string[] => {
    const p = new PlanBuilder(34, 26).room(2, 2, 31, 23).fill(3, 11, 30, 14, '.').fill(2, 10, 31, 10, '#').fill(2, 15, 31, 15, '#').fill(16, 2, 16, 10, '#').fill(16, 15, 16, 23, '#').fill(28, 11, 29, 14, 'S');
    p.at(9, 10, 'D').at(23, 10, 'D').at(9, 15, 'D').at(23, 15, 'D');
    if (ground) p.at(2, 12, 'D');
    else p.at(8, 2, 'G').at(24, 2, 'W');
    return p.rows;
  };
  const floors = [0, 1, 2, 3, 4].map((lv) => floor(`tang-${lv + 1}`, lv, `Tầng ${lv + 1}`, lv === 0 ? 'Ground floor' : `Floor ${lv}`, storey(lv === 0)));
  let s = newDraft(id, L('Cháy chung cư mini', 'Mini apartment block fire'), 'structureFire', { floors }, [], author);
  const w = s.world;
  w.items.push(place(s, 'item', 'tang-2', 6, 5, 'sofa', { ignitedAtS: 0, preburnS: 30 }));
  w.items.push(place(s, 'item', 'tang-2', 12, 4, 'bed'));
  w.victims.push(place(s, 'victim', 'tang-4', 20, 18));
  w.vehicles.push(place(s, 'vehicle', 'tang-1', 0, 20));
  s = { ...s, crew: [place<never>(s, 'crew', 'tang-1', 0, 12, 'nozzle'), ({ ...place<Json>(s, 'crew', 'tang-1', 0, 13, 'rescue'), id: 'ff-2' } as never), ({ ...place<Json>(s, 'crew', 'tang-1', 1, 24, 'commander'), id: 'ic-1' } as never)] };
  return withRubric({ ...s, competencies: ['searchRescue', 'interiorAttack', 'breathingApparatus'], difficulty: 4 });
}

const BUILDERS: Record<TemplateId, (id: string, author: string) => Scenario> = { apartment, tubeHouse, road, shophouse, block };

/** A new draft from template `t`, with the scenario id `id`. */
export function fromTemplate(t: TemplateId, id: string, author: string): Scenario {
  return BUILDERS[t](id, author);
}

export { STANDARD_BREATHING_SET };
