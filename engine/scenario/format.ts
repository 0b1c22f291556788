/** The scenario file format, version 1, as zod schemas. The single source of truth for what a
 *  scenario may contain; scenarios/scenario.schema.json is generated from it. No semantics here:
 *  cross-references and reachability are checked in checkScenario. */
import { z } from 'zod';
import { AGENTS, TOOLS, CATEGORIES, COMPETENCIES, EVENT_TYPES, FIRE_CLASSES, GROWTH_CLASSES, ITEM_KINDS, VEHICLE_KINDS, ZONE_KINDS } from './vocabulary';

export const SCENARIO_FORMAT = 'fireground-scenario';
export const SCENARIO_VERSION = 1;

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a kebab-case id such as "kitchen-1"' });
const Seconds = z.int().min(0);

export const LocalizedText = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** Map legend: one character per 0.5 m cell. */
export const MAP_LEGEND = {
  '#': 'wall',
  '.': 'floor',
  ',': 'outdoor',
  D: 'doorClosed',
  d: 'doorOpen',
  L: 'doorLocked',
  W: 'window',
  G: 'windowGrille',
  S: 'stairs',
  O: 'windowOpen',
} as const;

export const Floor = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** Storey: 0 is the ground floor. Stairs join cells at the same x, y on adjacent levels. */
  level: z.int().min(-3).max(80).default(0),
  /** Ceiling height in metres (the MQH hot layer and AT depend on it). */
  ceilingM: z.number().min(1.8).max(20).default(2.7),
  /** Wall lining conductance hk in kW/m^2K; 0.0134 is 12.7 mm gypsum board. */
  wallHk: z.number().positive().max(1).default(0.0134),
  rows: z
    .array(z.string().regex(/^[#.,DdLWGSO]+$/, { error: 'map rows may only use the legend characters # . , D d L W G S O' }))
    .min(3),
});

const Position = { floor: Id, x: z.int().min(0), y: z.int().min(0) };

export const Item = z.strictObject({
  id: Id,
  kind: z.enum(ITEM_KINDS),
  name: LocalizedText,
  ...Position,
  fireClass: z.enum(FIRE_CLASSES),
  growth: z.enum(GROWTH_CLASSES),
  peakKW: z.number().positive(),
  fuelMJ: z.number().positive(),
  /** Seconds after the run starts at which the item ignites; absent: only heat or an inject ignites it. */
  ignitedAtS: Seconds.optional(),
  /** Seconds of growth the fire already has when it ignites: the crew arrive to a developed fire. */
  preburnS: Seconds.optional(),
  /** Hot-gas temperature (degC) at the item's cell that sets it alight; absent: the class default. */
  ignitionC: z.number().min(100).max(1000).optional(),
  /** Items with a gas valve (LPG cylinders) can be shut. */
  valve: z.enum(['open', 'closed']).optional(),
  /** Seconds a gas cylinder can stand gas above 150 degC around it before it fails. */
  failureS: z.int().min(5).optional(),
  /** Live electrics (a panel, a meter): water used in the same room shocks the user until isolated. */
  electrics: z.enum(['live', 'isolated']).optional(),
});

export const Zone = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** What the place is: the play surface furnishes and floors it to match (a kitchen's counters, a
   *  bedroom's wardrobe, a shop's shelves), so a trainer recognises it at a glance. */
  kind: z.enum(ZONE_KINDS).optional(),
  /** For outdoor zones such as alleys: the clear width in metres that limits which vehicles get in. */
  accessWidthM: z.number().positive().optional(),
  floor: Id,
  x: z.int().min(0),
  y: z.int().min(0),
  w: z.int().min(1),
  h: z.int().min(1),
});

export const Equipment = z.strictObject({
  id: Id,
  kind: z.literal('extinguisher'),
  agent: z.enum(AGENTS),
  /** Continuous discharge time of a full extinguisher. */
  dischargeS: z.int().min(1),
  /** Throw: how far the agent reaches, in metres. */
  rangeM: z.number().positive(),
});

/** The warning rule of a breathing set: EN 137 whistle at a pressure, or NFPA's share remaining. */
export const AirAlarm = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pressure'), bar: z.number().min(10).max(150) }),
  z.strictObject({ kind: z.literal('fraction'), remaining: z.number().min(0.1).max(0.6) }),
]);

export const BreathingSet = z.strictObject({
  /** Cylinder water capacity in litres (6.8 typical). */
  cylinderL: z.number().min(1).max(15),
  /** Full pressure in bar (300 typical). */
  fullBar: z.number().min(150).max(350),
  /** Pressure at the start of the run; absent: full. */
  startBar: z.number().min(0).max(350).optional(),
  alarm: AirAlarm.default({ kind: 'pressure', bar: 55 }),
});

export const CrewMember = z.strictObject({
  id: Id,
  role: Id,
  name: LocalizedText,
  ...Position,
  /** Extinguishers, selected with selectEquipment. */
  equipment: z.array(Equipment),
  /** Breathing apparatus worn and on air from the start; absent: no set. */
  breathingSet: BreathingSet.optional(),
  /** Tools carried: forcible entry (halligan for locked doors, cutter for grilles), extrication
   *  (hydraulic spreader), ladder, thermal camera. */
  tools: z.array(z.enum(TOOLS)).default([]),
});

const ParamValue = z.union([z.string(), z.number(), z.boolean(), LocalizedText]);
const Params = z.record(z.string(), ParamValue);

/** A guard or action as XState writes it: a catalogue name, optionally with params. */
export const BehaviourRef = z.union([z.string().min(1), z.strictObject({ type: z.string().min(1), params: Params.optional() })]);

export const TransitionDef = z.strictObject({
  target: z.string().min(1).optional(),
  guard: BehaviourRef.optional(),
  actions: z.array(BehaviourRef).optional(),
  description: z.string().optional(),
});

export const StateDef = z.strictObject({
  type: z.literal('final').optional(),
  description: z.string().optional(),
  entry: z.array(BehaviourRef).optional(),
  on: z.record(z.string(), z.union([TransitionDef, z.array(TransitionDef)])).optional(),
  /** XState's free-form `meta`; Fireground reads `intents`: when given, the only intent types players
   *  may send in this phase (e.g. nothing but moving while the crew is still en route). */
  meta: z
    .strictObject({
      intents: z.array(z.string().min(1)).optional(),
      /** The phase's name as players read it in the HUD, in both languages. */
      title: LocalizedText.optional(),
    })
    .optional(),
});

/** A flat statechart in XState's JSON vocabulary: phases as top-level states. */
export const Statechart = z.strictObject({
  initial: z.string().min(1),
  states: z.record(z.string(), StateDef),
});

const EventName = z.enum(EVENT_TYPES);

/** Narrows which events count for a criterion: every field given must match the event's. */
export const EventFilter = z.strictObject({
  crewId: z.string().optional(),
  itemId: z.string().optional(),
  zoneId: z.string().optional(),
  victimId: z.string().optional(),
  agent: z.enum(AGENTS).optional(),
  tag: z.enum(['green', 'yellow', 'red', 'black']).optional(),
  correct: z.boolean().optional(),
  reason: z.string().optional(),
});
export type EventFilter = z.infer<typeof EventFilter>;

const CriterionBase = {
  id: Id,
  title: LocalizedText,
  weight: z.number().positive(),
  competency: z.enum(COMPETENCIES),
  doctrine: z.string().min(1),
  feedback: z.strictObject({ pass: LocalizedText, fail: LocalizedText }),
  /** Only events matching this filter count (for every event the criterion names). */
  where: EventFilter.optional(),
};


export const Criterion = z.discriminatedUnion('kind', [
  z.strictObject({ ...CriterionBase, kind: z.literal('time'), event: EventName, withinS: z.int().min(1) }),
  z.strictObject({ ...CriterionBase, kind: z.literal('forbidden'), event: EventName }),
  z.strictObject({ ...CriterionBase, kind: z.literal('critical'), event: EventName }),
  z.strictObject({ ...CriterionBase, kind: z.literal('order'), first: EventName, then: EventName }),
  z.strictObject({ ...CriterionBase, kind: z.literal('count'), event: EventName, atLeast: z.int().min(1), withinS: z.int().min(1).optional() }),
  /** Fails when a crew member (matching `where`) stays in a hazardous atmosphere longer than `maxS` at a stretch. */
  z.strictObject({ ...CriterionBase, kind: z.literal('dwell'), maxS: z.int().min(1) }),
  /** Fails when a crew member (matching `where`) is still in a hazardous atmosphere `withinS` after its air alarm. */
  z.strictObject({ ...CriterionBase, kind: z.literal('outAfterAlarm'), withinS: z.int().min(1) }),
]);

export const Rubric = z.strictObject({
  /** Percentage of the weighted total needed to pass. */
  passPercent: z.number().min(0).max(100),
  /** Percentages for one, two and three stars. */
  starsPercent: z.tuple([z.number(), z.number(), z.number()]),
  criteria: z.array(Criterion).min(1),
});

export const VictimFindings = z.strictObject({
  breathing: z.boolean(),
  breathesAfterAirway: z.boolean().default(false),
  respiratoryRate: z.int().min(0).max(80),
  poorPerfusion: z.boolean(),
  pulse: z.boolean().default(true),
  obeysCommands: z.boolean(),
});

export const Vehicle = z.strictObject({
  id: Id,
  name: LocalizedText,
  kind: z.enum(VEHICLE_KINDS),
  floor: Id,
  x: z.int().min(0),
  y: z.int().min(0),
  tankL: z.number().min(0),
  pumpLpm: z.number().positive(),
  /** Attack hose carried, in metres. */
  hoseM: z.number().positive(),
  /** Width in metres, for the access rule: a vehicle cannot stand in a zone narrower than itself. */
  widthM: z.number().positive().optional(),
});

/** Typical widths when a scenario does not give one: a full engine, a small urban engine, a pump. */
export const VEHICLE_WIDTH_M = { engine: 2.5, smallEngine: 1.9, portablePump: 0.8 } as const;

export const Hydrant = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** A street hydrant, or open water (a lake, a river, a tank) that a pump draws from. */
  kind: z.enum(['hydrant', 'openWater']).default('hydrant'),
  floor: Id,
  x: z.int().min(0),
  y: z.int().min(0),
  flowLpm: z.number().positive(),
  working: z.boolean().default(true),
});

/** A weakened floor or ceiling that collapses after enough exposure to hot gas. */
export const Hazard = z.strictObject({
  id: Id,
  kind: z.literal('weakFloor'),
  name: LocalizedText,
  floor: Id,
  x: z.int().min(0),
  y: z.int().min(0),
  w: z.int().min(1),
  h: z.int().min(1),
  /** Seconds of gas above 300 degC over it before it gives way. */
  collapseAfterS: z.int().min(1),
});

export const Victim = z.strictObject({
  id: Id,
  name: LocalizedText,
  floor: Id,
  x: z.int().min(0),
  y: z.int().min(0),
  child: z.boolean().default(false),
  /** walks: finds its own way out if it can see; others wait for rescue. */
  mobility: z.enum(['walks', 'nonAmbulatory', 'unconscious']),
  /** The START truth the triage intent is compared with. */
  findings: VictimFindings,
  /** Fractional effective dose already taken before the crew arrive. */
  startDose: z.number().min(0).max(0.99).default(0),
  /** Trapped (e.g. in a crushed car): cannot be carried until freed with a cutting tool. */
  trapped: z.boolean().default(false),
  /** Held back until an inject (revealVictim) brings this casualty into the incident. */
  hidden: z.boolean().default(false),
});
export type Victim = z.infer<typeof Victim>;

/** A role a player can take in a drill: who may fill it and what it may do. */
export const Role = z.strictObject({
  id: Id,
  name: LocalizedText,
  minPlayers: z.int().min(0).default(0),
  maxPlayers: z.int().min(1).default(1),
  /** Intent types this role may send; absent: all of them. */
  may: z.array(z.string().min(1)).optional(),
});

/** What the debrief teaches after the score: lessons and where to read more. */
export const Debrief = z.strictObject({
  lessons: z.array(LocalizedText).min(1),
  handbook: z.array(z.strictObject({ title: LocalizedText, reference: z.string().min(1) })).default([]),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  category: z.enum(CATEGORIES),
  difficulty: z.int().min(1).max(5),
  estimatedMinutes: z.int().min(1),
  competencies: z.array(z.enum(COMPETENCIES)).min(1),
  doctrine: z.array(z.string().min(1)),
  author: z.string().min(1),
  notes: z.string().optional(),
  timeLimitS: z.int().min(10),
  world: z.strictObject({
    cellSizeM: z.literal(0.5),
    /** Night: the scene is dark but for the fire's own light, the engines' lamps and the crews' torches. */
    lighting: z.enum(['day', 'night']).optional(),
    floors: z.array(Floor).min(1),
    zones: z.array(Zone),
    items: z.array(Item),
    victims: z.array(Victim).default([]),
    hazards: z.array(Hazard).default([]),
    vehicles: z.array(Vehicle).default([]),
    hydrants: z.array(Hydrant).default([]),
  }),
  roles: z.array(Role).default([]),
  crew: z.array(CrewMember).min(1),
  statechart: Statechart,
  rubric: Rubric,
  debrief: Debrief,
});
export type Role = z.infer<typeof Role>;
export type Debrief = z.infer<typeof Debrief>;

export type LocalizedText = z.infer<typeof LocalizedText>;
export type Floor = z.infer<typeof Floor>;
export type Item = z.infer<typeof Item>;
export type Zone = z.infer<typeof Zone>;
export type Equipment = z.infer<typeof Equipment>;
export type CrewMember = z.infer<typeof CrewMember>;
export type BehaviourRef = z.infer<typeof BehaviourRef>;
export type TransitionDef = z.infer<typeof TransitionDef>;
export type StateDef = z.infer<typeof StateDef>;
export type Statechart = z.infer<typeof Statechart>;
export type Criterion = z.infer<typeof Criterion>;
export type Rubric = z.infer<typeof Rubric>;
export type Scenario = z.infer<typeof Scenario>;

