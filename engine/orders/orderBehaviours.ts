/** What a crew member under orders does next, by the same doctrine the expert bot follows: search a
 *  floor (carry out the people on it, then sweep its rooms), attack one fire, pitch a ladder to one
 *  window, set up water supply, triage the casualties around it, withdraw to the street. Each behaviour
 *  returns the intents for this tick ([] while waiting), or null once the order is done. Reads the world
 *  only; the run applies what it returns. */
import { attackWithExtinguisher, attackWithHose, evacuate, forceWayIn, goTo, isolateHazards } from '../bots/expertBot';
import { approach, near, towardsFloor } from '../bots/navigation';
import type { Intent } from '../intents/Intent';
import { AGENT_MATRIX } from '../world/agents';
import { Cell, cellAt } from '../world/grid';
import { startTag } from '../world/startTriage';
import type { CrewState, OrderState, WorldState } from '../world/WorldState';

type Victim = WorldState['victims'][number];
type Behaviour<K extends OrderState['kind']> = (w: WorldState, c: CrewState, order: Extract<OrderState, { kind: K }>) => Intent[] | null;

const d2 = (ax: number, ay: number, bx: number, by: number): number => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
const ground = (w: WorldState): number => w.levels.indexOf(0);

function outdoors(w: WorldState, floor: number, x: number, y: number): boolean {
  const g = w.floors[floor];
  return g !== undefined && cellAt(g, x, y) === Cell.outdoor;
}

/** People on `floor` who need carrying out: in the incident, alive, not yet safe, free to move. */
function toRescue(w: WorldState, floor: number): Victim[] {
  return w.victims.filter((v) => v.floor === floor && !v.hidden && v.status !== 'dead' && !v.safe && v.carriedBy === null && !v.trapped && !outdoors(w, v.floor, v.x, v.y));
}

const search: Behaviour<'search'> = (w, c, order) => {
  if (c.carrying) return evacuate(w, c);
  const f = order.floor;
  const v = toRescue(w, f).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y))[0];
  if (v) {
    if (c.floor !== f) return towardsFloor(w, c, f);
    if (near(v.x, v.y)(c.x, c.y)) return [{ type: 'carry', crewId: c.id, victimId: v.id }];
    const walk = approach(w, c, near(v.x, v.y));
    return walk.length > 0 || c.path.length > 0 || c.stepCooldown > 0 ? walk : (forceWayIn(w, c) ?? []);
  }
  // Everyone found is out: sweep each room of the floor once, nearest first.
  if (c.floor !== f) return towardsFloor(w, c, f);
  const rooms = w.compartments[f];
  const g = w.floors[f];
  if (!rooms || !g) return null;
  const swept = (order.swept ??= []);
  const here = rooms.cellRoom[c.y * g.width + c.x] ?? -1;
  if (here >= 0 && !swept.includes(here)) swept.push(here);
  const left = rooms.rooms.filter((r) => !swept.includes(r.id)).sort((a, b) => d2((a.box.x0 + a.box.x1) / 2, (a.box.y0 + a.box.y1) / 2, c.x, c.y) - d2((b.box.x0 + b.box.x1) / 2, (b.box.y0 + b.box.y1) / 2, c.x, c.y));
  const next = left[0];
  if (!next) return null;
  if (c.path.length > 0 || c.stepCooldown > 0) return [];
  const walk = approach(w, c, (x, y) => rooms.cellRoom[y * g.width + x] === next.id);
  // A room nobody can walk into (no door, or only a locked one) counts as swept from its threshold.
  if (walk.length === 0) swept.push(next.id);
  return walk;
};

const attack: Behaviour<'attack'> = (w, c, order) => {
  const fire = w.items.find((i) => i.id === order.itemId);
  if (!fire || !fire.burning) return c.dischargingAt ? [{ type: 'stopDischarge', crewId: c.id }] : null;
  if (fire.fireClass === 'C' && fire.valve === 'open') {
    if (c.floor === fire.floor && near(fire.x, fire.y)(c.x, c.y)) return [{ type: 'closeValve', crewId: c.id, itemId: fire.id }];
    return goTo(w, c, fire.floor, near(fire.x, fire.y));
  }
  // Doctrine: gas shut and power cut in the fire's room before any water goes in.
  const isolate = isolateHazards(w, c);
  if (isolate) return isolate;
  const engine = w.vehicles.find((v) => !v.dry);
  if (!c.hose && engine && AGENT_MATRIX.water[fire.fireClass] === 'effective' && (!c.allowed || c.allowed.includes('takeHose'))) {
    if (c.floor === engine.floor && near(engine.x, engine.y)(c.x, c.y)) return [{ type: 'takeHose', crewId: c.id, vehicleId: engine.id }];
    return goTo(w, c, engine.floor, near(engine.x, engine.y));
  }
  return attackWithHose(w, c, fire) ?? attackWithExtinguisher(w, c, fire) ?? null;
};

const ladder: Behaviour<'ladder'> = (w, c, order) => {
  if (w.ladders.some((l) => l.x === order.x && l.y === order.y)) return null;
  const g = ground(w);
  const street = w.floors[g];
  if (!street) return null;
  const feet = [[order.x, order.y - 1], [order.x, order.y + 1], [order.x - 1, order.y], [order.x + 1, order.y]].filter(([x, y]) => cellAt(street, x ?? -1, y ?? -1) === Cell.outdoor);
  if (feet.length === 0) return null;
  const atFoot = (x: number, y: number): boolean => feet.some(([fx, fy]) => fx === x && fy === y);
  if (c.floor !== g) return towardsFloor(w, c, g);
  if (atFoot(c.x, c.y)) return [{ type: 'placeLadder', crewId: c.id, x: order.x, y: order.y }];
  return approach(w, c, atFoot);
};

const supply: Behaviour<'supply'> = (w, c) => {
  const v = w.vehicles.find((x) => x.hydrantId === null);
  if (!v) return null;
  const h = w.hydrants.filter((x) => x.working && x.floor === v.floor).sort((a, b) => d2(a.x, a.y, v.x, v.y) - d2(b.x, b.y, v.x, v.y))[0];
  if (!h) return null;
  if (c.floor === h.floor && near(h.x, h.y)(c.x, c.y)) return [{ type: 'connectHydrant', crewId: c.id, vehicleId: v.id, hydrantId: h.id }];
  return goTo(w, c, h.floor, near(h.x, h.y));
};

const triage: Behaviour<'triage'> = (w, c) => {
  // Crews split the casualties: nobody assesses one another crew member is already with.
  const taken = new Set(w.crew.flatMap((m) => (m !== c && m.busy && 'victimId' in m.busy ? [m.busy.victimId] : [])));
  const v = w.victims.filter((x) => !x.hidden && x.tag === null && x.floor === c.floor && !taken.has(x.id)).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y))[0];
  if (!v) return null;
  if (!near(v.x, v.y)(c.x, c.y)) return approach(w, c, near(v.x, v.y));
  // START: open the airway of anyone not breathing before giving a tag (black only if still not breathing).
  if (!v.findings.breathing && !v.airwayOpened) return [{ type: 'openAirway', crewId: c.id, victimId: v.id }];
  return [{ type: 'triage', crewId: c.id, victimId: v.id, tag: startTag(v.findings) }];
};

const withdraw: Behaviour<'withdraw'> = (w, c) => {
  if (c.dischargingAt) return [{ type: 'stopDischarge', crewId: c.id }];
  if (c.floor === ground(w) && outdoors(w, c.floor, c.x, c.y)) return c.carrying ? [{ type: 'putDown', crewId: c.id }] : null;
  // Out the way it came: the ladder it stands at, else the stairs, else the nearest way to the street.
  if ((w.levels[c.floor] ?? 0) !== 0 && w.ladders.some((l) => l.x === c.x && l.y === c.y)) return [{ type: 'climb', crewId: c.id, level: 0 }];
  return evacuate(w, c);
};

/** The intents `c` sends for its order this tick, or null when the order is done. */
export function orderIntents(w: WorldState, c: CrewState, order: OrderState): Intent[] | null {
  switch (order.kind) {
    case 'search':
      return search(w, c, order);
    case 'attack':
      return attack(w, c, order);
    case 'ladder':
      return ladder(w, c, order);
    case 'supply':
      return supply(w, c, order);
    case 'triage':
      return triage(w, c, order);
    case 'withdraw':
      return withdraw(w, c, order);
  }
}

/** The intent type an order cannot go without: a role that may not send it cannot be given the order. */
export const ORDER_NEEDS: Record<OrderState['kind'], Intent['type']> = {
  search: 'carry',
  attack: 'startDischarge',
  ladder: 'placeLadder',
  supply: 'connectHydrant',
  triage: 'triage',
  withdraw: 'moveTo',
};
