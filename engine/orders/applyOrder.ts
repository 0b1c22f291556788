/** Accepting or refusing an order for a crew member, and carrying out every standing order each tick.
 *  An order is an intent in the record; what it makes the crew member do is worked out here from the
 *  world each tick, so a replay of the same record does exactly the same. */
import type { Intent, RefusalReason } from '../intents/Intent';
import { Cell } from '../world/grid';
import type { CrewState, WorldEvent, WorldState } from '../world/WorldState';
import { ORDER_NEEDS, orderIntents } from './orderBehaviours';

type OrderIntent = Extract<Intent, { type: 'order' }>;

const isWindow = (k: number | undefined): boolean => k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;

/** Why `intent`'s order cannot be given to `c`, or null when it can. */
function orderProblem(w: WorldState, c: CrewState, intent: OrderIntent): RefusalReason | null {
  const order = intent.order;
  if (!order) return null;
  if (c.allowed && !c.allowed.includes(ORDER_NEEDS[order.kind])) return 'notInRole';
  switch (order.kind) {
    case 'search':
      return w.floors[order.floor] ? null : 'noFloorThere';
    case 'attack': {
      const item = w.items.find((i) => i.id === order.itemId);
      return !item ? 'unknownItem' : item.burning ? null : 'notBurning';
    }
    case 'ladder': {
      if (!c.tools.includes('ladder')) return 'needsTool';
      const above = w.floors.some((g, f) => (w.levels[f] ?? 0) > 0 && isWindow(g.cells[order.y * g.width + order.x]) && order.x < g.width && order.y < g.height);
      return above ? null : 'notAWindow';
    }
    case 'supply':
      return w.vehicles.length > 0 && w.hydrants.some((h) => h.working) ? null : 'noHydrant';
    case 'triage':
    case 'withdraw':
      return null;
  }
}

/** Gives (or with a null order, takes back) an order; returns its events. */
export function applyOrder(w: WorldState, c: CrewState, intent: OrderIntent, refuse: (r: RefusalReason) => WorldEvent[]): WorldEvent[] {
  const problem = orderProblem(w, c, intent);
  if (problem) return refuse(problem);
  c.order = intent.order ? { ...intent.order } : null;
  return intent.order ? [{ tick: w.tick, type: 'ORDER_GIVEN', crewId: c.id, reason: intent.order.kind }] : [];
}

/** Each tick, after the players' intents: every crew member under orders and free to act takes its
 *  order's next step through `apply` (the same checks as a player's intent); a finished order is
 *  reported and dropped. */
export function carryOutOrders(w: WorldState, apply: (intent: Intent) => WorldEvent[]): WorldEvent[] {
  const out: WorldEvent[] = [];
  for (const c of w.crew) {
    const order = c.order;
    if (!order || c.busy) continue;
    const intents = orderIntents(w, c, order);
    if (intents === null) {
      c.order = null;
      out.push({ tick: w.tick, type: 'ORDER_DONE', crewId: c.id, reason: order.kind });
      continue;
    }
    for (const intent of intents) {
      if ('crewId' in intent && c.allowed && !c.allowed.includes(intent.type)) continue;
      out.push(...apply(intent));
    }
  }
  return out;
}
