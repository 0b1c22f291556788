/** The mutable state of one simulated incident and how it is created from a scenario. Plain data and
 *  typed arrays only, so it can be hashed, copied for a fork and projected into views. */
import type { Order } from '../intents/Intent';
import type { Scenario } from '../scenario/format';
import type { Agent, EventType, FireClass, GrowthClass, Tool } from '../scenario/vocabulary';
import { seedState } from '../prng';
import { AMBIENT_DECI_C, CELL_SIZE_M, TICKS_PER_SECOND } from './constants';
import { alarmPressure } from './breathingAir';
import type { CasualtyFindings, TriageTag } from './startTriage';
import type { ThermalClass } from './thermalClasses';
import { deriveCompartments, type FloorCompartments } from './compartments';
import { buildFloorGrid, type FloorGrid } from './grid';
import { linkRooms, type GasLink } from './roomGases';
import { linkStairs, type StairLink } from './stairs';

export interface ItemState {
  id: string;
  kind: string;
  floor: number;
  x: number;
  y: number;
  fireClass: FireClass;
  growth: GrowthClass;
  peakKW: number;
  /** Ticks of t-squared growth the fire has: suppression takes them back. */
  growthTicks: number;
  /** Remaining fuel energy in kJ. */
  fuelKJ: number;
  burning: boolean;
  /** Tick at which a scenario-set ignition happens; -1 when none is pending. */
  igniteAtTick: number;
  hrrKW: number;
  valve: 'open' | 'closed' | 'none';
  electrics: 'live' | 'isolated' | 'none';
  /** Heat a gas cylinder has taken up, in ticks of exposure to gas above 150 degC (fractional: water
   *  and still air take it away); it fails at failureTicks (0: never, or failed already). */
  heatedTicks: number;
  failureTicks: number;
  /** Water reaching the cylinder's shell this tick, L/min (set by discharge, spent by the hazard step). */
  coolingLpm: number;
  /** The shell has failed: the content escapes and burns whatever the valve says. */
  ruptured: boolean;
  /** Ticks left of an eruption (water on burning oil), and the heat it adds above the curve (kW). */
  eruptionTicks: number;
  eruptionKW: number;
  /** Ticks during which a just-extinguished item stays soaked and cannot rekindle. */
  wetTicks: number;
  /** Compartment on its floor, or -1 outdoors. */
  room: number;
  /** Hot-gas temperature that ignites it, tenths of a degree; 0 for items heat never ignites. */
  ignitionDeciC: number;
}

/** What each compartment's fire is doing this tick (derived) and what it has done (kept). */
export interface RoomState {
  hrrKW: number;
  /** Hot-layer temperature of the fire in this room (ambient without fire): MQH with a door or window
   *  open, the shut-room energy balance (kept from tick to tick) with all shut. */
  hotLayerC: number;
  /** Ticks during which the room has had a fire: the linings' loss falls as they heat through. */
  burningTicks: number;
  /** Corridors only: the cell the smoke front started from (-1: clear) and how far it has run (m). */
  frontOrigin: number;
  frontM: number;
  /** Gas temperature in the room from its own fire and from gas arriving from others. */
  gasC: number;
  /** Smoke density, 0 clear to 1000 opaque, well mixed under the ceiling. */
  smoke: number;
  ventLimitKW: number;
  flashoverKW: number;
  rolloverWarned: boolean;
  flashedOver: boolean;
}

export interface ExtinguisherState {
  id: string;
  agent: Agent;
  remainingTicks: number;
  rangeCells: number;
}

export interface VictimState {
  id: string;
  floor: number;
  x: number;
  y: number;
  child: boolean;
  mobility: 'walks' | 'nonAmbulatory' | 'unconscious';
  findings: CasualtyFindings;
  /** Fractional effective dose: incapacitated at 1, dead at 2 if it keeps rising. */
  dose: number;
  status: 'ok' | 'incapacitated' | 'dead';
  trapped: boolean;
  /** Not yet part of the incident (revealed by an inject). */
  hidden: boolean;
  carriedBy: string | null;
  /** Out of the hazard: put down outdoors, or walked out. */
  safe: boolean;
  reached: boolean;
  airwayOpened: boolean;
  /** The tag on the casualty now (the latest given). */
  tag: TriageTag | null;
  /** Every tag given, in order; the first is the one triage is credited with. */
  tags: { tag: TriageTag; tick: number; correct: boolean }[];
  path: number[];
  stepCooldown: number;
}

export type BusyTask =
  | { kind: 'force'; floor: number; x: number; y: number; ticksLeft: number }
  | { kind: 'free'; victimId: string; ticksLeft: number }
  | { kind: 'triage'; victimId: string; tag: TriageTag; ticksLeft: number }
  | { kind: 'airway'; victimId: string; ticksLeft: number };

export interface VehicleState {
  id: string;
  floor: number;
  x: number;
  y: number;
  waterL: number;
  tankL: number;
  pumpLpm: number;
  hoseCells: number;
  hydrantId: string | null;
  /** Set when the tank ran dry, so the event is logged once until it refills. */
  dry: boolean;
}

export interface HydrantState {
  id: string;
  floor: number;
  x: number;
  y: number;
  flowLpm: number;
  working: boolean;
}

export interface HazardState {
  id: string;
  floor: number;
  x: number;
  y: number;
  w: number;
  h: number;
  exposedTicks: number;
  collapseTicks: number;
  collapsed: boolean;
}

export interface AirState {
  cylinderL: number;
  bar: number;
  alarmBar: number;
  alarmed: boolean;
  empty: boolean;
}

export interface CrewState {
  id: string;
  role: string;
  floor: number;
  x: number;
  y: number;
  /** Remaining path as cell indices on the crew member's floor, next step first. */
  path: number[];
  stepCooldown: number;
  equipment: ExtinguisherState[];
  selected: number;
  /** Item the crew member is discharging at, or null. */
  dischargingAt: string | null;
  zoneId: string | null;
  /** Victim being carried, or null. */
  carrying: string | null;
  /** The attack line held: which vehicle feeds it and the cells it lies along (floor * 2^20 + cell). */
  hose: { vehicleId: string; laid: number[]; maxCells: number } | null;
  tools: Tool[];
  /** In a hazardous atmosphere at the end of the last tick (for two-in/two-out). */
  inHazard: boolean;
  /** Intent types this crew member's role may send; null: any. */
  allowed: string[] | null;
  /** A task that takes time (forcing a door, cutting a grille, freeing a trapped victim). */
  busy: BusyTask | null;
  /** Breathing apparatus, or null without one. */
  air: AirState | null;
  /** The order it is carrying out by doctrine (engine/orders), or null under direct control. */
  order: OrderState | null;
  /** ok; injured (burned or shocked, still working); down (cannot act, must be carried out); dead. */
  status: 'ok' | 'injured' | 'down' | 'dead';
  /** Heat taken by the protective clothing, as a share of its endurance (crewHarm.ts): burn at 1. */
  exposure: number;
  /** Thermal class of where it stood last tick. */
  thermalClass: ThermalClass;
  /** Whether the heat warning has been given and not yet re-armed by cooling down. */
  heatWarned: boolean;
  /** Fractional effective dose from smoke breathed without air: down at 1. */
  smokeDose: number;
  /** Whether it has called a MAYDAY. */
  mayday: boolean;
  /** The crew member carrying it out when down, or null. */
  carriedBy: string | null;
}

/** An order as it stands: what was asked, and for a search the rooms of the floor swept so far. */
export type OrderState = Order & { swept?: number[] };

export interface WorldEvent {
  tick: number;
  type: EventType;
  crewId?: string;
  itemId?: string;
  zoneId?: string;
  agent?: Agent;
  phase?: string;
  /** Radio and refusal texts are keys or bilingual text, never free player input. */
  text?: { vi: string; en: string };
  /** Radio: who speaks, in both languages (`reason` keeps the English name, as it always has). */
  from?: { vi: string; en: string };
  reason?: string;
  /** Compartment index on the event's floor (fire behaviour events). */
  room?: number;
  /** Floor index (FLOOR_CHANGED; AGENT_FLARE_UP, with `room`: where the fireball is). */
  floor?: number;
  victimId?: string;
  /** Triage: the tag given and whether START agrees. */
  tag?: TriageTag;
  correct?: boolean;
}

export interface WorldState {
  tick: number;
  rng: number;
  /** Whether any hose line has flowed yet (WATER_ON is logged once). */
  waterOn: boolean;
  floors: FloorGrid[];
  /** Hot-gas temperature per cell, tenths of a degree Celsius. */
  heat: Int32Array[];
  /** Smoke density per cell, 0 (clear) to 1000 (opaque). */
  smoke: Int32Array[];
  items: ItemState[];
  crew: CrewState[];
  victims: VictimState[];
  vehicles: VehicleState[];
  hydrants: HydrantState[];
  hazards: HazardState[];
  /** Compartments per floor: derived once from the walls (doors and windows are their boundaries). */
  compartments: FloorCompartments[];
  rooms: RoomState[][];
  /** Storey of each floor, and the stair links between them (derived once from the maps). */
  levels: number[];
  stairs: StairLink[];
  /** Paths gas takes between rooms and outdoors (derived once). */
  gasLinks: GasLink[];
  /** Ladders pitched against the building: the foot on the ground floor, the head at (x, y) above. */
  ladders: { x: number; y: number; footX: number; footY: number }[];
}

/** Solids ignite when the gas around them passes about 350 degC; gas cylinders only by failure. */
function ignitionDeciC(fireClass: FireClass, explicit: number | undefined): number {
  if (explicit !== undefined) return Math.round(explicit * 10);
  return fireClass === 'C' ? 0 : 3500;
}

export function createWorld(scenario: Scenario, seed: number): WorldState {
  const floorIndex = new Map(scenario.world.floors.map((f, i) => [f.id, i]));
  const floors = scenario.world.floors.map(buildFloorGrid);
  const compartments = floors.map((g, f) => deriveCompartments(g, f, scenario.world.floors[f]?.ceilingM ?? 2.7, scenario.world.floors[f]?.wallHk ?? 0.0134));
  const levels = scenario.world.floors.map((f) => f.level);
  const stairs = linkStairs(floors, levels);
  return {
    levels,
    stairs,
    gasLinks: linkRooms(floors, compartments, stairs),
    ladders: [],
    compartments,
    victims: scenario.world.victims.map((v) => ({
      id: v.id,
      floor: floorIndex.get(v.floor) ?? 0,
      x: v.x,
      y: v.y,
      child: v.child,
      mobility: v.mobility,
      findings: { child: v.child, walks: v.mobility === 'walks', ...v.findings },
      dose: v.startDose,
      status: 'ok' as const,
      trapped: v.trapped,
      hidden: v.hidden,
      carriedBy: null,
      safe: false,
      reached: false,
      airwayOpened: false,
      tag: null,
      tags: [],
      path: [],
      stepCooldown: 0,
    })),
    vehicles: scenario.world.vehicles.map((v) => ({
      id: v.id,
      floor: floorIndex.get(v.floor) ?? 0,
      x: v.x,
      y: v.y,
      waterL: v.tankL,
      tankL: v.tankL,
      pumpLpm: v.pumpLpm,
      hoseCells: Math.floor(v.hoseM / CELL_SIZE_M),
      hydrantId: null,
      dry: false,
    })),
    hydrants: scenario.world.hydrants.map((h) => ({ id: h.id, floor: floorIndex.get(h.floor) ?? 0, x: h.x, y: h.y, flowLpm: h.flowLpm, working: h.working })),
    hazards: scenario.world.hazards.map((h) => ({
      id: h.id,
      floor: floorIndex.get(h.floor) ?? 0,
      x: h.x,
      y: h.y,
      w: h.w,
      h: h.h,
      exposedTicks: 0,
      collapseTicks: h.collapseAfterS * TICKS_PER_SECOND,
      collapsed: false,
    })),
    rooms: compartments.map((c) => c.rooms.map(() => ({ hrrKW: 0, hotLayerC: AMBIENT_DECI_C / 10, burningTicks: 0, frontOrigin: -1, frontM: 0, gasC: AMBIENT_DECI_C / 10, smoke: 0, ventLimitKW: 0, flashoverKW: 0, rolloverWarned: false, flashedOver: false }))),
    tick: 0,
    rng: seedState(seed),
    waterOn: false,
    floors,
    heat: floors.map((f) => new Int32Array(f.width * f.height).fill(AMBIENT_DECI_C)),
    smoke: floors.map((f) => new Int32Array(f.width * f.height)),
    items: scenario.world.items.map((it) => ({
      id: it.id,
      kind: it.kind,
      floor: floorIndex.get(it.floor) ?? 0,
      x: it.x,
      y: it.y,
      fireClass: it.fireClass,
      growth: it.growth,
      peakKW: it.peakKW,
      growthTicks: (it.preburnS ?? 0) * TICKS_PER_SECOND,
      fuelKJ: it.fuelMJ * 1000,
      burning: false,
      igniteAtTick: it.ignitedAtS === undefined ? -1 : it.ignitedAtS * TICKS_PER_SECOND,
      hrrKW: 0,
      valve: it.valve ?? 'none',
      electrics: it.electrics ?? 'none',
      heatedTicks: 0,
      coolingLpm: 0,
      ruptured: false,
      eruptionTicks: 0,
      eruptionKW: 0,
      wetTicks: 0,
      failureTicks: (it.failureS ?? 0) * TICKS_PER_SECOND,
      room: compartments[floorIndex.get(it.floor) ?? 0]?.cellRoom[it.y * (floors[floorIndex.get(it.floor) ?? 0]?.width ?? 0) + it.x] ?? -1,
      ignitionDeciC: ignitionDeciC(it.fireClass, it.ignitionC),
    })),
    crew: scenario.crew.map((c) => ({
      id: c.id,
      role: c.role,
      floor: floorIndex.get(c.floor) ?? 0,
      x: c.x,
      y: c.y,
      path: [],
      stepCooldown: 0,
      equipment: c.equipment.map((e) => ({
        id: e.id,
        agent: e.agent,
        remainingTicks: e.dischargeS * TICKS_PER_SECOND,
        rangeCells: Math.floor(e.rangeM * 2),
      })),
      selected: 0,
      dischargingAt: null,
      zoneId: null,
      carrying: null,
      hose: null,
      tools: [...c.tools],
      inHazard: false,
      allowed: scenario.roles.find((r) => r.id === c.role)?.may ?? null,
      busy: null,
      air: c.breathingSet
        ? {
            cylinderL: c.breathingSet.cylinderL,
            bar: c.breathingSet.startBar ?? c.breathingSet.fullBar,
            alarmBar: alarmPressure({ volumeL: c.breathingSet.cylinderL, fullBar: c.breathingSet.fullBar }, c.breathingSet.alarm),
            alarmed: false,
            empty: false,
          }
        : null,
      order: null,
      status: 'ok' as const,
      exposure: 0,
      thermalClass: 'none' as const,
      heatWarned: false,
      smokeDose: 0,
      mayday: false,
      carriedBy: null,
    })),
  };
}

/** A deep copy, for snapshots and "what if" forks. */
export function cloneWorld(w: WorldState): WorldState {
  return {
    tick: w.tick,
    rng: w.rng,
    waterOn: w.waterOn,
    floors: w.floors.map((f) => ({ id: f.id, width: f.width, height: f.height, cells: f.cells.slice(), version: f.version })),
    heat: w.heat.map((h) => h.slice()),
    smoke: w.smoke.map((s) => s.slice()),
    items: w.items.map((i) => ({ ...i })),
    crew: w.crew.map((c) => ({ ...c, path: c.path.slice(), equipment: c.equipment.map((e) => ({ ...e })), air: c.air ? { ...c.air } : null, hose: c.hose ? { ...c.hose, laid: c.hose.laid.slice() } : null, tools: [...c.tools], busy: c.busy ? { ...c.busy } : null, order: c.order ? { ...c.order, ...(c.order.swept ? { swept: c.order.swept.slice() } : {}) } : null })),
    compartments: w.compartments,
    victims: w.victims.map((v) => ({ ...v, path: v.path.slice(), tags: v.tags.map((t) => ({ ...t })) })),
    vehicles: w.vehicles.map((v) => ({ ...v })),
    hydrants: w.hydrants.map((h) => ({ ...h })),
    hazards: w.hazards.map((h) => ({ ...h })),
    levels: w.levels,
    stairs: w.stairs,
    gasLinks: w.gasLinks,
    ladders: w.ladders.map((l) => ({ ...l })),
    rooms: w.rooms.map((f) => f.map((r) => ({ ...r }))),
  };
}
