/** The synced state of a drill room: a projection of the engine run for clients to draw. Written only
 *  by DrillRoom's projection; clients never write it and it is never fed back into the engine. Grid
 *  fields (heat, smoke) are not here: they travel as compact delta frames (drills/fieldFrames.ts).
 *  Entity maps are view-tagged: each client gets only what its seat sees (drills/sight.ts). */
import { schema, t, type SchemaType } from '@colyseus/schema';

export const CrewView = schema(
  {
    x: t.uint16().default(0),
    y: t.uint16().default(0),
    floor: t.uint8().default(0),
    /** The scenario role of this crew member (nozzle, search...). */
    role: t.string().default(''),
    /** Participant (session id) steering this crew member; empty while the doctrine bot plays it. */
    occupant: t.string().default(''),
    bot: t.boolean().default(true),
    /** Item being sprayed, or empty. */
    dischargingAt: t.string().default(''),
    selected: t.uint8().default(0),
    /** Breathing-set pressure in whole bar; 0 without a set. */
    airBar: t.uint16().default(0),
    airAlarm: t.boolean().default(false),
    /** Where the crew member is walking to (its own cell when standing): set the tick a move is accepted. */
    goalX: t.uint16().default(0),
    goalY: t.uint16().default(0),
    /** Casualty carried, or empty. */
    carrying: t.string().default(''),
    /** Vehicle whose attack line is held, or empty (the client lays the line along the steps it sees). */
    hose: t.string().default(''),
    /** The kind of timed task under way (force, free, triage, airway), or empty. */
    busy: t.string().default(''),
  },
  'CrewView',
);
export type CrewView = SchemaType<typeof CrewView>;

export const ItemView = schema(
  {
    burning: t.boolean().default(false),
    hrrKW: t.float32().default(0),
    valve: t.string().default('none'),
    /** live, isolated or none. */
    electrics: t.string().default('none'),
    /** Burnt out: no fuel left. */
    spent: t.boolean().default(false),
  },
  'ItemView',
);
export type ItemView = SchemaType<typeof ItemView>;

export const VictimView = schema(
  {
    x: t.uint16().default(0),
    y: t.uint16().default(0),
    floor: t.uint8().default(0),
    /** ok, incapacitated or dead. */
    status: t.string().default('ok'),
    trapped: t.boolean().default(false),
    /** Crew member carrying this casualty, or empty. */
    carriedBy: t.string().default(''),
    safe: t.boolean().default(false),
    /** START tag given by a crew member, or empty. */
    tag: t.string().default(''),
    airwayOpened: t.boolean().default(false),
  },
  'VictimView',
);
export type VictimView = SchemaType<typeof VictimView>;

export const HazardView = schema(
  {
    collapsed: t.boolean().default(false),
  },
  'HazardView',
);
export type HazardView = SchemaType<typeof HazardView>;

/** A door or window on the plan, keyed `floor:x:y`; the plan itself comes from the scenario. */
export const DoorView = schema(
  {
    open: t.boolean().default(false),
    locked: t.boolean().default(false),
    /** The cell's kind now (engine Cell): a window forced open or a grille cut shows as it is. */
    kind: t.uint8().default(0),
  },
  'DoorView',
);
export type DoorView = SchemaType<typeof DoorView>;

/** A vehicle's pump and tank: seen by every seat (the pump operator calls it on the radio). */
export const VehicleView = schema(
  {
    waterL: t.uint32().default(0),
    hydrantId: t.string().default(''),
    dry: t.boolean().default(false),
  },
  'VehicleView',
);
export type VehicleView = SchemaType<typeof VehicleView>;

/** A ladder pitched against the building: foot in the street, head at a window above. */
export const LadderView = schema(
  {
    x: t.uint16().default(0),
    y: t.uint16().default(0),
    footX: t.uint16().default(0),
    footY: t.uint16().default(0),
  },
  'LadderView',
);
export type LadderView = SchemaType<typeof LadderView>;

export const ParticipantView = schema(
  {
    name: t.string().default(''),
    instructor: t.boolean().default(false),
    /** Crew member this participant steers; empty in the lobby until assigned, or as a spectator. */
    crewId: t.string().default(''),
    connected: t.boolean().default(true),
  },
  'ParticipantView',
);
export type ParticipantView = SchemaType<typeof ParticipantView>;

export const InjectView = schema(
  {
    id: t.string().default(''),
    kind: t.string().default(''),
    labelVi: t.string().default(''),
    labelEn: t.string().default(''),
  },
  'InjectView',
);
export type InjectView = SchemaType<typeof InjectView>;

export const RadioLine = schema(
  {
    tick: t.uint32().default(0),
    fromVi: t.string().default(''),
    fromEn: t.string().default(''),
    textVi: t.string().default(''),
    textEn: t.string().default(''),
    /** A line of the scenario's script, not someone in the drill or the instructor. */
    scripted: t.boolean().default(false),
  },
  'RadioLine',
);
export type RadioLine = SchemaType<typeof RadioLine>;

export const DrillState = schema(
  {
    scenarioId: t.string().default(''),
    /** The join code, which is also the room id. */
    code: t.string().default(''),
    /** lobby -> running <-> paused -> ended. */
    status: t.string().default('lobby'),
    tick: t.uint32().default(0),
    phase: t.string().default(''),
    ended: t.boolean().default(false),
    endReason: t.string().default(''),
    /** The stored run's id, set when the drill ends. */
    runId: t.string().default(''),
    /** Well-formed intents dropped because the sender may not give them (someone else's crew member). */
    ignoredIntents: t.uint32().default(0),
    /** Messages refused as malformed, oversized or out of role. */
    rejectedMessages: t.uint32().default(0),
    /** Per client: a crew member sees those in its sight, the commander and instructor all. */
    crew: t.map(CrewView).view(),
    /** Per client: victims a crew member sees; the commander those any crew has found; the instructor all. */
    victims: t.map(VictimView).view(),
    items: t.map(ItemView).view(),
    hazards: t.map(HazardView).view(),
    /** Doors and windows as a seat last saw them open or shut. */
    doors: t.map(DoorView).view(),
    vehicles: t.map(VehicleView),
    ladders: t.array(LadderView),
    participants: t.map(ParticipantView),
    /** The instructor's list only: trainees do not learn what is coming. */
    injects: t.array(InjectView).view(),
    /** The last radio lines, newest last. */
    radio: t.array(RadioLine),
  },
  'DrillState',
);
export type DrillState = SchemaType<typeof DrillState>;
