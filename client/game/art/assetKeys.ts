/** Which asset key draws what: crew by role and pose, casualties by age and state, items and vehicles by
 *  kind, floors and furnishings by zone kind, doors and windows by cell kind, effects and sounds. Keyed by
 *  data, never by scenario, so a new scenario is drawn from the vocabulary it uses. `usedAssetKeys` lists
 *  every key the client can ask for; tests/client/game/assetManifest.test.ts holds it equal to
 *  assets/manifest.json. */
import { ITEM_KINDS, VEHICLE_KINDS, ZONE_KINDS, type ZoneKind } from '../../../engine/index';

/** Crew roles drawn in their own kit; any other role is drawn as a firefighter. */
export const CREW_ART_ROLES = ['nozzle', 'rescue', 'commander'] as const;
export const CREW_POSES = ['stand', 'walk1', 'walk2', 'carry', 'spray', 'down'] as const;
export type CrewPose = (typeof CREW_POSES)[number];

export const VICTIM_STATES = ['ok', 'down', 'dead', 'safe'] as const;
export type VictimArtState = (typeof VICTIM_STATES)[number];

export const FLAME_FRAMES = 4;

/** "lpgCylinder" -> "lpg-cylinder". */
const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function crewKey(role: string, pose: CrewPose): string {
  const art = (CREW_ART_ROLES as readonly string[]).includes(role) ? role : 'firefighter';
  return `crew-${art}-${pose}`;
}

export function victimKey(child: boolean, state: VictimArtState, frame = 0): string {
  return `victim-${child ? 'child' : 'adult'}-${state}${state === 'ok' ? `-${(frame % 2) + 1}` : ''}`;
}

export const itemKey = (kind: string): string => `item-${kebab(kind)}`;
export const vehicleKey = (kind: string): string => `vehicle-${kebab(kind)}`;
export const flameKey = (frame: number): string => `fx-flame-${(frame % FLAME_FRAMES) + 1}`;

/** The floor finish of a zone kind; cells in no zone take the plain ceramic of most Vietnamese homes. */
export const FLOOR_BY_ZONE: Record<ZoneKind, string> = {
  kitchen: 'tile-floor-kitchen',
  bedroom: 'tile-floor-wood',
  living: 'tile-floor-ceramic',
  shop: 'tile-floor-concrete',
  karaoke: 'tile-floor-carpet',
  stair: 'tile-floor-terrazzo',
  corridor: 'tile-floor-terrazzo',
  bathroom: 'tile-floor-kitchen',
  office: 'tile-floor-ceramic',
  warehouse: 'tile-floor-concrete',
  garage: 'tile-floor-concrete',
  landing: 'tile-floor-terrazzo',
  alley: 'tile-alley',
  street: 'tile-road',
  road: 'tile-road',
};
export const FLOOR_INDOOR = 'tile-floor-ceramic';
export const FLOOR_OUTDOOR = 'tile-road';

/** Furnishings that say what a room is, placed along its walls (art/furnish.ts), most telling first. */
export const DECOR_BY_ZONE: Record<ZoneKind, readonly string[]> = {
  kitchen: ['decor-counter', 'decor-sink', 'decor-fridge', 'decor-table'],
  bedroom: ['decor-wardrobe', 'decor-rug', 'decor-plant'],
  living: ['decor-altar', 'decor-tv', 'decor-low-table', 'decor-plant'],
  shop: ['decor-shelf', 'decor-shop-counter', 'decor-shelf'],
  karaoke: ['decor-karaoke-screen', 'decor-karaoke-sofa', 'decor-low-table'],
  stair: ['decor-shoe-rack'],
  corridor: ['decor-shoe-rack', 'decor-plant'],
  bathroom: ['decor-toilet'],
  office: ['decor-desk', 'decor-plant'],
  warehouse: ['decor-pallet', 'decor-pallet', 'decor-shelf'],
  garage: ['decor-shoe-rack'],
  landing: ['decor-shoe-rack', 'decor-plant'],
  alley: ['decor-power-pole', 'decor-plant'],
  street: ['decor-power-pole', 'decor-tree'],
  road: ['decor-tree'],
};

export const DOOR_KEYS = { closed: 'tile-door-closed', open: 'tile-door-open', locked: 'tile-door-locked', shutter: 'tile-shutter' } as const;
export const WINDOW_KEYS = { glass: 'tile-window', grille: 'tile-window-grille', open: 'tile-window-open' } as const;
export const STAIRS_KEY = 'tile-stairs';

export const FX = {
  smoke: 'fx-smoke',
  steam: 'fx-steam',
  droplet: 'fx-droplet',
  ember: 'fx-ember',
  glow: 'fx-glow',
  powder: 'fx-powder',
  spark: 'fx-spark',
  burst: 'fx-burst',
  airAlarm: 'fx-air-alarm',
} as const;
export const KIT = { hydrant: 'kit-hydrant', ladder: 'kit-ladder' } as const;

export const SOUNDS = {
  stationAlarm: 'sfx-station-alarm',
  radio: 'sfx-radio-squelch',
  alert: 'sfx-alert',
  fire: 'sfx-fire',
  airAlarm: 'sfx-ba-alarm',
  pump: 'sfx-pump',
  water: 'sfx-water',
} as const;

/** Every image key the client can draw, from the vocabularies it draws by. */
export function usedImageKeys(): Set<string> {
  const keys = new Set<string>();
  for (const role of [...CREW_ART_ROLES, 'firefighter']) for (const pose of CREW_POSES) keys.add(crewKey(role, pose));
  for (const child of [false, true]) for (const state of VICTIM_STATES) for (const f of state === 'ok' ? [0, 1] : [0]) keys.add(victimKey(child, state, f));
  for (const k of ITEM_KINDS) keys.add(itemKey(k));
  for (const k of VEHICLE_KINDS) keys.add(vehicleKey(k));
  for (let f = 0; f < FLAME_FRAMES; f++) keys.add(flameKey(f));
  for (const z of ZONE_KINDS) {
    keys.add(FLOOR_BY_ZONE[z]);
    for (const d of DECOR_BY_ZONE[z]) keys.add(d);
  }
  for (const k of [FLOOR_INDOOR, FLOOR_OUTDOOR, STAIRS_KEY, ...Object.values(DOOR_KEYS), ...Object.values(WINDOW_KEYS), ...Object.values(FX), ...Object.values(KIT)]) keys.add(k);
  return keys;
}

export function usedSoundKeys(): Set<string> {
  return new Set(Object.values(SOUNDS));
}
