/** Controlled vocabularies shared by the scenario format, the world and the rubric: categories,
 *  competencies, fire classes (TCVN 4878:2009 / ISO 3941), growth classes, agents and event names. */

export const CATEGORIES = [
  'structureFire',
  'rescue',
  'hazmat',
  'waterRescue',
  'vehicle',
  'collapse',
  'massCasualty',
  'wildland',
] as const;

/** Competency ids follow NFPA 1001 skill areas, the vocabulary dashboards roll scores up by. */
export const COMPETENCIES = [
  'safetyPpe',
  'breathingApparatus',
  'communications',
  'fireBehaviour',
  'sizeUp',
  'forcibleEntry',
  'ladders',
  'searchRescue',
  'interiorAttack',
  'ventilation',
  'waterSupply',
  'salvageOverhaul',
  'vehicleFires',
  'portableExtinguishers',
  'triage',
  'hazardControl',
] as const;

/** TCVN 4878:2009 classes. There is deliberately no electrical class: live electrics are a hazard to
 *  isolate, not a class of fire. */
export const FIRE_CLASSES = ['A', 'B', 'C', 'D', 'F'] as const;

/** t-squared growth classes by time to reach 1055 kW. */
export const GROWTH_CLASSES = ['slow', 'medium', 'fast', 'ultraFast'] as const;

export const AGENTS = ['water', 'foam', 'co2', 'powderABC', 'wetChemical'] as const;

/** The crew role of the incident commander (người chỉ huy chữa cháy): directs from the command post and
 *  keeps the crew accounted for. Bots give it no task; a drill gives its seat the overview and the team's score. */
export const COMMANDER_ROLE = 'commander';

/** Kinds of item a scenario places; the play surface draws each kind as itself. */
export const ITEM_KINDS = ['panOil', 'stove', 'sofa', 'bed', 'cartons', 'motorbike', 'car', 'lpgCylinder', 'cabinet', 'electricalPanel', 'foamPanels', 'goods'] as const;

export const VEHICLE_KINDS = ['engine', 'smallEngine', 'portablePump'] as const;

/** Kinds of place a zone can be; the play surface keys its floors and furnishings on them. */
export const ZONE_KINDS = ['kitchen', 'bedroom', 'living', 'shop', 'karaoke', 'stair', 'corridor', 'bathroom', 'office', 'warehouse', 'garage', 'landing', 'alley', 'street', 'road'] as const;

export const TOOLS = ['halligan', 'cutter', 'hydraulicSpreader', 'ladder', 'thermalCamera', 'stretcher'] as const;

/** Events the world and the run write into the log; statecharts and rubrics refer to them by name. */
export const EVENT_TYPES = [
  'RUN_STARTED',
  'PHASE_ENTERED',
  'RADIO',
  'ZONE_ENTERED',
  'FLOOR_CHANGED',
  'DOOR_OPENED',
  'DOOR_CLOSED',
  'ITEM_IGNITED',
  'ROLLOVER_WARNING',
  'FLASHOVER',
  'AGENT_APPLIED',
  'AGENT_FLARE_UP',
  'FIRE_OUT',
  'ALL_FIRES_OUT',
  'VALVE_CLOSED',
  'LPG_FAILURE',
  'POWER_ISOLATED',
  'ELECTRIC_SHOCK',
  'COLLAPSE',
  'CREW_INJURED',
  'CREW_HEAT_WARNING',
  'CREW_BEYOND_GEAR_LIMIT',
  'CREW_BURNED',
  'CREW_INCAPACITATED',
  'MAYDAY',
  'CREW_DIED',
  'CREW_RESCUED',
  'HOSE_TAKEN',
  'HOSE_SHORT',
  'WATER_ON',
  'TANK_EMPTY',
  'HYDRANT_CONNECTED',
  'HYDRANT_FAILED',
  'EXTINGUISHER_EMPTY',
  'ENTERED_HAZARD',
  'LEFT_HAZARD',
  'TWO_IN_TWO_OUT_BREACH',
  'AIR_ALARM',
  'AIR_EMPTY',
  'FORCED_OPEN',
  'VICTIM_FREED',
  'VICTIM_REACHED',
  'VICTIM_TRIAGED',
  'VICTIM_RETAGGED',
  'AIRWAY_OPENED',
  'VICTIM_CARRIED',
  'VICTIM_RESCUED',
  'VICTIM_ESCAPED',
  'VICTIM_INCAPACITATED',
  'VICTIM_DIED',
  'VICTIM_REPORTED',
  'INJECT',
  'ORDER_GIVEN',
  'ORDER_DONE',
  'INTENT_REFUSED',
  'TIME_UP',
  'RUN_ENDED',
] as const;

export type Category = (typeof CATEGORIES)[number];
export type Competency = (typeof COMPETENCIES)[number];
export type FireClass = (typeof FIRE_CLASSES)[number];
export type GrowthClass = (typeof GROWTH_CLASSES)[number];
export type Agent = (typeof AGENTS)[number];
export type Tool = (typeof TOOLS)[number];
export type ZoneKind = (typeof ZONE_KINDS)[number];
export type ItemKind = (typeof ITEM_KINDS)[number];
export type VehicleKind = (typeof VEHICLE_KINDS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
