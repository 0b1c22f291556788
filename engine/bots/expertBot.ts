/** The expert: a doctrine-following crew. Every crew member takes the first task its role calls for:
 *  rescue crews save life first (triage, free, carry out, by stairs or ladder), attack crews isolate
 *  hazards, then put the fire out with the right agent or a hose line; the commander stays put. Intents only. */
import type { Intent } from '../intents/Intent';
import type { Run } from '../run/Run';
import { AGENT_MATRIX } from '../world/agents';
import { HOSE_RANGE_CELLS } from '../world/discharge';
import { Cell, cellAt } from '../world/grid';
import { inLineOfFire } from '../world/lineOfFire';
import { startTag } from '../world/startTriage';
import type { CrewState, ItemState, VictimState, WorldState } from '../world/WorldState';
import { COMMANDER_ROLE } from '../scenario/vocabulary';
import { approach, near, reachable, towardsFloor, type Goal } from './navigation';

type Task = (run: Run, c: CrewState) => Intent[] | null;


/** Walks to a goal on floor `floor`, taking the stairs first when it is another storey. */
export function goTo(w: WorldState, c: CrewState, floor: number, goal: Goal): Intent[] {
  return c.floor === floor ? approach(w, c, goal) : towardsFloor(w, c, floor);
}

/** When the goal cannot be walked to, force the nearest locked door or window grille in the way. */
export function forceWayIn(w: WorldState, c: CrewState): Intent[] | null {
  const g = w.floors[c.floor];
  if (!g || !c.tools.includes('halligan')) return null;
  for (let i = 0; i < g.cells.length; i++) {
    if (g.cells[i] !== Cell.doorLocked) continue;
    const x = i % g.width;
    const y = (i - x) / g.width;
    if (!reachable(w, c, near(x, y))) continue;
    if (near(x, y)(c.x, c.y)) return [{ type: 'force', crewId: c.id, x, y }];
    return approach(w, c, near(x, y));
  }
  return null;
}

const alive = (v: VictimState): boolean => v.status !== 'dead';

// ---- rescue ---------------------------------------------------------------------------------

/** Carries a casualty out: down the ladder it came up, or the stairs, to the street. */
export function evacuate(w: WorldState, c: CrewState): Intent[] {
  const g = w.floors[c.floor];
  if (!g) return [];
  const level = w.levels[c.floor] ?? 0;
  if (level === 0) {
    if (cellAt(g, c.x, c.y) === Cell.outdoor) return [{ type: 'putDown', crewId: c.id }];
    return approach(w, c, (x, y) => cellAt(g, x, y) === Cell.outdoor);
  }
  const ladder = w.ladders.find((l) => cellAt(g, l.x, l.y) === Cell.windowOpen);
  if (ladder) {
    if (c.x === ladder.x && c.y === ladder.y) return [{ type: 'climb', crewId: c.id, level: 0 }];
    return approach(w, c, (x, y) => x === ladder.x && y === ladder.y);
  }
  return towardsFloor(w, c, w.levels.indexOf(0));
}

/** A window on floor `f` that a ladder from the street can reach: street cell in front of it on level 0. */
function ladderPoint(w: WorldState, f: number): { x: number; y: number; footX: number; footY: number } | null {
  const g = w.floors[f];
  const ground = w.floors[w.levels.indexOf(0)];
  if (!g || !ground) return null;
  for (let i = 0; i < g.cells.length; i++) {
    const k = g.cells[i];
    if (k !== Cell.window && k !== Cell.windowGrille && k !== Cell.windowOpen) continue;
    const x = i % g.width;
    const y = (i - x) / g.width;
    for (const [fx, fy] of [[x, y - 1], [x, y + 1], [x - 1, y], [x + 1, y]] as const) {
      if (cellAt(ground, fx, fy) === Cell.outdoor) return { x, y, footX: fx, footY: fy };
    }
  }
  return null;
}

/** Reaches a casualty on an upper floor from outside: pitch a ladder, open the window, climb. */
function byLadder(w: WorldState, c: CrewState, v: VictimState): Intent[] | null {
  const point = ladderPoint(w, v.floor);
  if (!c.tools.includes('ladder') && !w.crew.some((m) => m.tools.includes('ladder'))) return null;
  if (!point) return null;
  const ground = w.levels.indexOf(0);
  if (c.floor !== ground) return towardsFloor(w, c, ground);
  if (c.x !== point.footX || c.y !== point.footY) return approach(w, c, (x, y) => x === point.footX && y === point.footY);
  if (!w.ladders.some((l) => l.x === point.x && l.y === point.y)) return c.tools.includes('ladder') ? [{ type: 'placeLadder', crewId: c.id, x: point.x, y: point.y }] : [];
  const level = w.levels[v.floor] ?? 0;
  const head = w.floors[v.floor];
  if (head && cellAt(head, point.x, point.y) !== Cell.windowOpen) {
    return c.tools.includes('cutter') || c.tools.includes('halligan') ? [{ type: 'force', crewId: c.id, x: point.x, y: point.y, level }] : null;
  }
  return [{ type: 'climb', crewId: c.id, level }];
}

/** Whether the stairs are passable for a rescue: the stairwell is not thick with smoke. */
function stairsTenable(w: WorldState): boolean {
  return w.stairs.every((l) => (w.smoke[l.lower]?.[l.lowerCell] ?? 0) < 300 && (w.smoke[l.upper]?.[l.upperCell] ?? 0) < 300);
}

/** Fire burning on a storey below `floor`: the stair above it is a chimney, not a way out. */
function fireBelow(w: WorldState, floor: number): boolean {
  const level = w.levels[floor] ?? 0;
  return w.items.some((i) => i.burning && (w.levels[i.floor] ?? 0) < level);
}

const rescue: Task = ({ world: w }, c) => {
  if (c.carrying) return evacuate(w, c);
  // Casualties already in the open need treatment, not carrying; those who can walk out do so.
  const outside = (v: VictimState): boolean => w.floors[v.floor] !== undefined && cellAt(w.floors[v.floor] as NonNullable<(typeof w.floors)[number]>, v.x, v.y) === Cell.outdoor;
  const waiting = w.victims.filter((v) => !v.hidden && alive(v) && !v.safe && !v.carriedBy && !v.trapped && !outside(v) && !(v.mobility === 'walks' && (w.levels[v.floor] ?? 0) === 0));
  const v = waiting.find((x) => x.floor === c.floor) ?? waiting[0];
  if (!v) return null;
  if (v.floor === c.floor) {
    if (near(v.x, v.y)(c.x, c.y)) return [{ type: 'carry', crewId: c.id, victimId: v.id }];
    if (reachable(w, c, near(v.x, v.y))) return approach(w, c, near(v.x, v.y));
  }
  const ladderOnScene = w.crew.some((m) => m.tools.includes('ladder'));
  const viaLadder = ladderOnScene && (fireBelow(w, v.floor) || !stairsTenable(w));
  if (v.floor !== c.floor && !viaLadder && w.stairs.length > 0) return towardsFloor(w, c, v.floor);
  return byLadder(w, c, v) ?? forceWayIn(w, c);
};

const needsTriage = (run: Run): boolean => run.scenario.rubric.criteria.some((k) => 'event' in k && k.event === 'VICTIM_TRIAGED');

const triage: Task = (run, c) => {
  if (!needsTriage(run)) return null;
  const w = run.world;
  // Crews split the casualties: nobody assesses one another crew member is already with.
  const taken = new Set(w.crew.flatMap((m) => (m.busy && 'victimId' in m.busy ? [m.busy.victimId] : [])));
  const v = w.victims.find((x) => !x.hidden && x.tag === null && x.floor === c.floor && !taken.has(x.id));
  if (!v) return null;
  if (!near(v.x, v.y)(c.x, c.y)) return approach(w, c, near(v.x, v.y));
  // START: open the airway of anyone not breathing before giving a tag (black only if still not breathing).
  if (!v.findings.breathing && !v.airwayOpened) return [{ type: 'openAirway', crewId: c.id, victimId: v.id }];
  return [{ type: 'triage', crewId: c.id, victimId: v.id, tag: startTag(v.findings) }];
};

const free: Task = ({ world: w }, c) => {
  if (!c.tools.includes('hydraulicSpreader')) return null;
  const v = w.victims.find((x) => !x.hidden && x.trapped && alive(x) && x.floor === c.floor);
  if (!v) return null;
  return near(v.x, v.y)(c.x, c.y) ? [{ type: 'freeVictim', crewId: c.id, victimId: v.id }] : approach(w, c, near(v.x, v.y));
};

// ---- hazards and fire -----------------------------------------------------------------------

/** Whether a fire burns (or is about to) in the same room as `item`: only then is it this crew's hazard. */
function fireInRoom(w: WorldState, item: ItemState): boolean {
  return w.items.some((i) => i !== item && i.floor === item.floor && i.room === item.room && (i.burning || i.igniteAtTick >= 0));
}

/** Shuts the gas or cuts the power in a burning room before water goes near it: intents, or null when nothing needs it. */
export function isolateHazards(w: WorldState, c: CrewState): Intent[] | null {
  const valve = w.items.find((i) => i.valve === 'open' && i.floor === c.floor && !i.burning && fireInRoom(w, i));
  const panel = w.items.find((i) => i.electrics === 'live' && i.floor === c.floor && fireInRoom(w, i));
  const target = valve ?? panel;
  if (!target || !reachable(w, c, near(target.x, target.y))) return null;
  if (!near(target.x, target.y)(c.x, c.y)) return approach(w, c, near(target.x, target.y));
  return [target === valve ? { type: 'closeValve', crewId: c.id, itemId: target.id } : { type: 'isolatePower', crewId: c.id, itemId: target.id }];
}

const isolate: Task = ({ world: w }, c) => isolateHazards(w, c);

function fireToFight(w: WorldState, c: CrewState): ItemState | undefined {
  const burning = w.items.filter((i) => i.burning);
  return burning.find((i) => i.floor === c.floor) ?? burning[0];
}

/** Establish a water supply first: connect the engine to a hydrant within reach of it. */
const supply: Task = ({ world: w }, c) => {
  const v = w.vehicles[0];
  if (!v || v.hydrantId !== null || c.hose) return null;
  const h = w.hydrants.find((x) => x.working && x.floor === v.floor && (x.x - v.x) * (x.x - v.x) + (x.y - v.y) * (x.y - v.y) <= 80 * 80);
  if (!h) return null;
  if (c.floor === h.floor && near(h.x, h.y)(c.x, c.y)) return [{ type: 'connectHydrant', crewId: c.id, vehicleId: v.id, hydrantId: h.id }];
  return goTo(w, c, h.floor, near(h.x, h.y));
};

/** Take the attack line from the engine before going in, when water is the agent for this fire. */
const takeHose: Task = ({ world: w }, c) => {
  const v = w.vehicles[0];
  const fire = fireToFight(w, c) ?? w.items.find((i) => i.igniteAtTick >= 0);
  if (!v || c.hose || !fire || AGENT_MATRIX.water[fire.fireClass] !== 'effective') return null;
  if (c.floor === v.floor && near(v.x, v.y)(c.x, c.y)) return [{ type: 'takeHose', crewId: c.id, vehicleId: v.id }];
  return goTo(w, c, v.floor, near(v.x, v.y));
};

/** Cells on the fire's floor from which a stream of `rangeCells` has a clear line to it. */
const lineOfFire = (w: WorldState, fire: ItemState, rangeCells: number): Goal => (x, y) => inLineOfFire(w, fire.floor, x, y, fire, rangeCells);

export function attackWithHose(w: WorldState, c: CrewState, fire: ItemState): Intent[] | null {
  const v = w.vehicles.find((x) => x.id === c.hose?.vehicleId);
  if (!v || AGENT_MATRIX.water[fire.fireClass] !== 'effective' || v.dry) return null;
  const inReach = lineOfFire(w, fire, HOSE_RANGE_CELLS - 4);
  if (c.floor === fire.floor && inReach(c.x, c.y)) return c.dischargingAt === fire.id ? [] : [{ type: 'startDischarge', crewId: c.id, itemId: fire.id }];
  if (c.floor === fire.floor && !reachable(w, c, inReach)) return forceWayIn(w, c);
  return goTo(w, c, fire.floor, inReach);
}

export function attackWithExtinguisher(w: WorldState, c: CrewState, fire: ItemState): Intent[] | null {
  const best = c.equipment.findIndex((e) => e.remainingTicks > 0 && AGENT_MATRIX[e.agent][fire.fireClass] === 'effective');
  const ext = c.equipment[best];
  if (!ext) return null;
  if (c.selected !== best) return [{ type: 'selectEquipment', crewId: c.id, equipmentId: ext.id }];
  // Close in a cell inside the throw before squeezing, as an operator would.
  const inReach = lineOfFire(w, fire, Math.max(1, ext.rangeCells - 1));
  if (c.floor === fire.floor && inReach(c.x, c.y)) return c.dischargingAt === fire.id ? [] : [{ type: 'startDischarge', crewId: c.id, itemId: fire.id }];
  return goTo(w, c, fire.floor, inReach);
}

const fight: Task = ({ world: w }, c) => {
  const fire = fireToFight(w, c);
  if (!fire) return null;
  // A gas fire is fought at its valve.
  if (fire.fireClass === 'C' && fire.valve === 'open') {
    if (c.floor === fire.floor && near(fire.x, fire.y)(c.x, c.y)) return [{ type: 'closeValve', crewId: c.id, itemId: fire.id }];
    return goTo(w, c, fire.floor, near(fire.x, fire.y));
  }
  return attackWithHose(w, c, fire) ?? attackWithExtinguisher(w, c, fire);
};

const RESCUE_FIRST: Task[] = [triage, free, rescue];
const ATTACK_FIRST: Task[] = [supply, takeHose, isolate, fight, triage, free, rescue];

export function expertBot(run: Run): Intent[] {
  return run.world.crew.flatMap((c) => {
    if (c.busy || c.role === COMMANDER_ROLE) return [];
    for (const task of c.role === 'rescue' ? RESCUE_FIRST : ATTACK_FIRST) {
      const intents = task(run, c);
      if (intents !== null) return intents;
    }
    return [];
  });
}
