/** What the author can place on the plan: the scenario's collections of positioned things, where each
 *  lives in the document, and a valid new entry of each kind. Field lists come from the engine's schema
 *  (panels/schemaFields.ts); this file only knows where things are and what a new one starts as. */
import type { Scenario } from '../../../engine/index';
import { ITEM_PRESETS } from './itemPresets';
import { asText, getIn, uniqueId, type Path } from './paths';

export const THING_KINDS = ['item', 'victim', 'crew', 'vehicle', 'hydrant', 'hazard', 'zone'] as const;
export type ThingKind = (typeof THING_KINDS)[number];

export const THING_PATH: Record<ThingKind, Path> = {
  item: ['world', 'items'],
  victim: ['world', 'victims'],
  crew: ['crew'],
  vehicle: ['world', 'vehicles'],
  hydrant: ['world', 'hydrants'],
  hazard: ['world', 'hazards'],
  zone: ['world', 'zones'],
};

/** Things that cover an area (x, y, w, h) rather than a cell. */
export const AREA_KINDS: ReadonlySet<ThingKind> = new Set(['hazard', 'zone']);

export interface Placed {
  kind: ThingKind;
  index: number;
  id: string;
  floor: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function kindOfPath(path: Path): ThingKind | null {
  return THING_KINDS.find((k) => THING_PATH[k].join('.') === path.join('.')) ?? null;
}

const int = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) ? v : -1);

/** Every positioned thing of the draft on `floorId`, skipping entries too broken to place. */
export function thingsOn(s: Scenario, floorId: string): Placed[] {
  const out: Placed[] = [];
  for (const kind of THING_KINDS) {
    const list = getIn(s, THING_PATH[kind]);
    if (!Array.isArray(list)) continue;
    list.forEach((raw: unknown, index) => {
      const t = raw as Record<string, unknown> | null;
      if (!t || t.floor !== floorId || int(t.x) < 0 || int(t.y) < 0) return;
      out.push({ kind, index, id: asText(t.id), floor: floorId, x: int(t.x), y: int(t.y), w: AREA_KINDS.has(kind) ? Math.max(1, int(t.w)) : 1, h: AREA_KINDS.has(kind) ? Math.max(1, int(t.h)) : 1 });
    });
  }
  return out;
}

function ids(s: Scenario, kind: ThingKind): string[] {
  const list = getIn(s, THING_PATH[kind]);
  return Array.isArray(list) ? list.map((t: unknown) => asText((t as { id?: unknown } | null)?.id)) : [];
}

const text = (vi: string, en: string) => ({ vi, en });

/** Variants offered when placing: item kinds, crew roles, vehicle kinds. */
export const CREW_PRESETS = {
  nozzle: { role: 'nozzle', tools: ['halligan'], name: text('Chiến sĩ chữa cháy', 'Firefighter') },
  rescue: { role: 'rescue', tools: ['halligan', 'ladder'], name: text('Chiến sĩ CNCH', 'Rescue firefighter') },
  commander: { role: 'commander', tools: [], name: text('Chỉ huy chữa cháy', 'Fire commander') },
} as const;

/** A breathing set as Vietnamese crews wear it: 6.8 L at 300 bar, EN 137 whistle at 55 bar. */
export const STANDARD_BREATHING_SET = { cylinderL: 6.8, fullBar: 300, alarm: { kind: 'pressure', bar: 55 } } as const;

/** A valid new thing of `kind` at (x, y) on `floor`; `variant` picks an item kind or crew role. */
export function newThing(s: Scenario, kind: ThingKind, floor: string, x: number, y: number, variant?: string): Record<string, unknown> {
  const at = { floor, x, y };
  switch (kind) {
    case 'item': {
      const k = variant && ITEM_PRESETS[variant] ? variant : 'sofa';
      const p = ITEM_PRESETS[k] ?? ITEM_PRESETS.sofa;
      if (!p) throw new Error('no sofa preset');
      return { id: uniqueId(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ids(s, kind)), kind: k, name: { ...p.name }, ...at, fireClass: p.fireClass, growth: p.growth, peakKW: p.peakKW, fuelMJ: p.fuelMJ, ...(p.extra ?? {}) };
    }
    case 'victim': {
      const n = ids(s, kind).length + 1;
      return { id: uniqueId('victim', ids(s, kind)), name: text(`Nạn nhân ${n}`, `Casualty ${n}`), ...at, mobility: 'nonAmbulatory', findings: { breathing: true, breathesAfterAirway: false, respiratoryRate: 20, poorPerfusion: false, pulse: true, obeysCommands: true } };
    }
    case 'crew': {
      const preset = CREW_PRESETS[(variant ?? 'nozzle') as keyof typeof CREW_PRESETS] ?? CREW_PRESETS.nozzle;
      const n = ids(s, kind).length + 1;
      return { id: uniqueId(preset.role === 'commander' ? 'ic' : 'ff', ids(s, kind)), role: preset.role, name: text(`${preset.name.vi} ${n}`, `${preset.name.en} ${n}`), ...at, equipment: [], tools: [...preset.tools], ...(preset.role === 'commander' ? {} : { breathingSet: structuredClone(STANDARD_BREATHING_SET) }) };
    }
    case 'vehicle':
      return { id: uniqueId('engine', ids(s, kind)), name: text('Xe chữa cháy', 'Fire engine'), kind: 'engine', ...at, tankL: 3000, pumpLpm: 400, hoseM: 100 };
    case 'hydrant':
      return { id: uniqueId('hydrant', ids(s, kind)), name: text('Trụ nước', 'Hydrant'), kind: 'hydrant', ...at, flowLpm: 1200, working: true };
    case 'hazard':
      return { id: uniqueId('weak-floor', ids(s, kind)), kind: 'weakFloor', name: text('Sàn yếu', 'Weak floor'), ...at, w: 4, h: 4, collapseAfterS: 120 };
    case 'zone':
      return { id: uniqueId('zone', ids(s, kind)), name: text('Khu vực', 'Zone'), ...at, w: 6, h: 6 };
  }
}
