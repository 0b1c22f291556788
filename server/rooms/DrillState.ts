/** The synced state of a drill room: a projection of the engine run for clients to draw. Written only
 *  by DrillRoom's projection; clients never write it and it is never fed back into the engine. */
import { schema, t, type SchemaType } from '@colyseus/schema';

export const CrewView = schema(
  {
    x: t.uint16().default(0),
    y: t.uint16().default(0),
    floor: t.uint8().default(0),
    /** Session id of the player controlling this crew member; empty while unassigned. */
    occupant: t.string().default(''),
  },
  'CrewView',
);
export type CrewView = SchemaType<typeof CrewView>;

export const ItemView = schema(
  {
    burning: t.boolean().default(false),
    hrrKW: t.float32().default(0),
  },
  'ItemView',
);
export type ItemView = SchemaType<typeof ItemView>;

export const DrillState = schema(
  {
    scenarioId: t.string().default(''),
    tick: t.uint32().default(0),
    phase: t.string().default(''),
    ended: t.boolean().default(false),
    endReason: t.string().default(''),
    /** Intents dropped because they named someone else's crew member (or none). */
    ignoredIntents: t.uint32().default(0),
    crew: t.map(CrewView),
    items: t.map(ItemView),
  },
  'DrillState',
);
export type DrillState = SchemaType<typeof DrillState>;
