/** The actions that make sense for one crew member right now (take a hose at the engine, carry the
 *  victim beside them, force the locked door ahead...), each with its key and its intent. It only
 *  proposes: the engine still decides, and a refusal comes back through the HUD. */
import { Cell, HOSE_RANGE_CELLS, type Intent, type WorldState } from '../../engine/index';
import { keyIntent } from './keyIntents';

export type ActionId =
  | 'takeHose'
  | 'dropHose'
  | 'stairsUp'
  | 'stairsDown'
  | 'carry'
  | 'putDown'
  | 'triage'
  | 'openAirway'
  | 'free'
  | 'force'
  | 'placeLadder'
  | 'climb'
  | 'isolatePower'
  | 'connectHydrant'
  | 'openDoor'
  | 'closeDoor'
  | 'closeValve'
  | 'select'
  | 'spray'
  | 'stopSpray';

export interface ContextAction {
  id: ActionId;
  /** KeyboardEvent.code that triggers it. */
  code: string;
  /** The label's i18n parameter (a level for climbing), when it needs one. */
  level?: number;
  /** Null for actions that need one more choice (the triage tag). */
  intent: Intent | null;
  /** The victim a triage tag would go to. */
  victimId?: string;
  /** The item it acts on (the fire sprayed, the valve shut), for the label. */
  itemId?: string;
  /** Which extinguisher (1 or 2) and its agent, for the label. */
  slot?: number;
  agent?: string;
}

/** Keys by action, shown on the buttons and in the legend. */
export const ACTION_KEYS: Record<ActionId, string> = {
  takeHose: 'KeyH',
  dropHose: 'KeyH',
  stairsUp: 'KeyU',
  stairsDown: 'KeyJ',
  carry: 'KeyC',
  putDown: 'KeyC',
  triage: 'KeyT',
  openAirway: 'KeyO',
  free: 'KeyG',
  force: 'KeyX',
  placeLadder: 'KeyL',
  climb: 'KeyK',
  isolatePower: 'KeyP',
  connectHydrant: 'KeyY',
  openDoor: 'KeyF',
  closeDoor: 'KeyF',
  closeValve: 'KeyV',
  select: 'Digit1',
  spray: 'KeyE',
  stopSpray: 'KeyE',
};

const near = (ax: number, ay: number, bx: number, by: number): boolean => Math.abs(ax - bx) <= 1 && Math.abs(ay - by) <= 1;
const d2 = (ax: number, ay: number, bx: number, by: number): number => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);

function act(id: ActionId, intent: Intent | null, extra: Partial<ContextAction> = {}): ContextAction {
  return { id, code: ACTION_KEYS[id], intent, ...extra };
}

/** The label's parameters: a storey by its index (`level`, as English floor names count) and by its
 *  Vietnamese number (`storey`: the ground floor is tầng 1), a context for the ladder's variants, and
 *  the extinguisher's number. */
export function actionLabelParams(a: ContextAction): { level: number; storey: number; context?: string; n?: number } {
  const level = a.level ?? 0;
  const context = a.level === undefined ? undefined : a.id === 'force' ? 'ladder' : a.id === 'climb' && level === 0 ? 'ground' : undefined;
  return { level, storey: level + 1, ...(context ? { context } : {}), ...(a.slot ? { n: a.slot } : {}) };
}

/** The actions the solo game once offered only as keys (doors, valves, extinguishers, the nozzle), as
 *  buttons too: the same intents the keys send, so every action is reachable by touch. */
function keyActions(w: WorldState, crewId: string): ContextAction[] {
  const out: ContextAction[] = [];
  const c = w.crew.find((m) => m.id === crewId);
  const g = c ? w.floors[c.floor] : undefined;
  if (!c || !g) return out;
  const door = keyIntent('KeyF', w, crewId);
  if (door?.type === 'toggleDoor') {
    const k = g.cells[door.y * g.width + door.x];
    // A locked door is forced, not swung: the force action covers it.
    if (k === Cell.doorClosed) out.push(act('openDoor', door));
    else if (k === Cell.doorOpen) out.push(act('closeDoor', door));
  }
  const valve = keyIntent('KeyV', w, crewId);
  if (valve?.type === 'closeValve' && w.items.some((i) => i.id === valve.itemId && Math.abs(i.x - c.x) <= 1 && Math.abs(i.y - c.y) <= 1)) out.push(act('closeValve', valve, { itemId: valve.itemId }));
  // With more than one extinguisher, the one not in hand can be taken up.
  if (c.equipment.length > 1 && !c.hose) {
    c.equipment.forEach((e, k) => {
      if (k !== c.selected) out.push({ id: 'select', code: k === 0 ? 'Digit1' : 'Digit2', intent: { type: 'selectEquipment', crewId, equipmentId: e.id }, slot: k + 1, agent: e.agent });
    });
  }
  const nozzle = c.hose || c.equipment.length > 0 ? keyIntent('KeyE', w, crewId) : null;
  // The key asks even out of reach (the refusal says to close in); a button is offered only in reach.
  const reach = c.hose ? HOSE_RANGE_CELLS : (c.equipment[c.selected]?.rangeCells ?? 0);
  const fire = nozzle?.type === 'startDischarge' ? w.items.find((i) => i.id === nozzle.itemId) : undefined;
  const inReach = fire !== undefined && fire.floor === c.floor && d2(fire.x, fire.y, c.x, c.y) <= reach * reach;
  if (nozzle?.type === 'startDischarge' && inReach) out.push(act('spray', nozzle, { itemId: nozzle.itemId }));
  else if (nozzle?.type === 'stopDischarge') out.push(act('stopSpray', nozzle));
  return out;
}

/** Every action available to `crewId` in `w`, in a stable order. */
export function contextActions(w: WorldState, crewId: string): ContextAction[] {
  const c = w.crew.find((m) => m.id === crewId);
  const g = c ? w.floors[c.floor] : undefined;
  if (!c || !g) return [];
  const out: ContextAction[] = [];
  const here = g.cells[c.y * g.width + c.x];
  const level = w.levels[c.floor] ?? 0;

  if (c.hose) out.push(act('dropHose', { type: 'dropHose', crewId }));
  else {
    const v = w.vehicles.find((x) => x.floor === c.floor && near(x.x, x.y, c.x, c.y));
    if (v) out.push(act('takeHose', { type: 'takeHose', crewId, vehicleId: v.id }));
  }

  if (here === Cell.stairs) {
    const cell = c.y * g.width + c.x;
    if (w.stairs.some((l) => l.lower === c.floor && l.lowerCell === cell)) out.push(act('stairsUp', { type: 'useStairs', crewId, dir: 'up' }));
    if (w.stairs.some((l) => l.upper === c.floor && l.upperCell === cell)) out.push(act('stairsDown', { type: 'useStairs', crewId, dir: 'down' }));
  }

  if (c.carrying) out.push(act('putDown', { type: 'putDown', crewId }));
  // Walking wounded who got themselves clear are safe but still need a START tag.
  const victims = w.victims
    .filter((v) => v.floor === c.floor && v.carriedBy === null && (!v.safe || v.tag === null) && near(v.x, v.y, c.x, c.y))
    .sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y));
  const victim = victims[0];
  if (victim) {
    if (victim.trapped) out.push(act('free', { type: 'freeVictim', crewId, victimId: victim.id }));
    else if (!c.carrying && !victim.safe && victim.status !== 'dead') out.push(act('carry', { type: 'carry', crewId, victimId: victim.id }));
    out.push(act('triage', null, { victimId: victim.id }));
    if (!victim.airwayOpened && victim.status !== 'dead') out.push(act('openAirway', { type: 'openAirway', crewId, victimId: victim.id }));
  }

  // At a ladder's foot the storeys at its head come first: force a shut window or grille there (the
  // ladder rescue), or climb to the lowest open one; the ground's own doors come after.
  const foot = level === 0 ? w.ladders.find((l) => l.footX === c.x && l.footY === c.y) : undefined;
  const storeys = foot
    ? w.floors
        .map((f, i) => ({ lv: w.levels[i] ?? 0, cell: f.cells[foot.y * f.width + foot.x] }))
        .filter((f) => f.lv > 0)
        .sort((a, b) => a.lv - b.lv)
    : [];
  const openAtHead = storeys.find((f) => f.cell === Cell.windowOpen);
  // Every shut storey is offered (its own button), lowest first: the player knows where the people are.
  const shutAtHead = openAtHead ? [] : storeys.filter((f) => f.cell === Cell.windowGrille || f.cell === Cell.window);

  const forcible = (k: number | undefined): boolean => k === Cell.doorLocked || k === Cell.windowGrille || k === Cell.window;
  const target = neighbours(c.x, c.y, g.width, g.height).find(([x, y]) => forcible(g.cells[y * g.width + x]));
  if (foot && shutAtHead.length > 0) for (const f of shutAtHead) out.push(act('force', { type: 'force', crewId, x: foot.x, y: foot.y, level: f.lv }, { level: f.lv }));
  else if (target) out.push(act('force', { type: 'force', crewId, x: target[0], y: target[1] }));

  if (level === 0 && here === Cell.outdoor && c.tools.includes('ladder') && !w.ladders.some((l) => l.footX === c.x && l.footY === c.y)) {
    const head = neighbours(c.x, c.y, g.width, g.height).find(([x, y]) => w.floors.some((f, i) => (w.levels[i] ?? 0) > 0 && isWindow(f.cells[y * f.width + x])));
    if (head) out.push(act('placeLadder', { type: 'placeLadder', crewId, x: head[0], y: head[1] }));
  }
  if (foot) {
    if (openAtHead) out.push(act('climb', { type: 'climb', crewId, level: openAtHead.lv }, { level: openAtHead.lv }));
  } else if (level > 0 && w.ladders.some((l) => l.x === c.x && l.y === c.y)) {
    out.push(act('climb', { type: 'climb', crewId, level: 0 }, { level: 0 }));
  }

  const live = w.items.find((i) => i.floor === c.floor && i.electrics === 'live' && near(i.x, i.y, c.x, c.y));
  if (live) out.push(act('isolatePower', { type: 'isolatePower', crewId, itemId: live.id }));

  const hydrant = w.hydrants.find((h) => h.floor === c.floor && near(h.x, h.y, c.x, c.y));
  const engine = w.vehicles.filter((v) => v.floor === c.floor && v.hydrantId === null).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y))[0];
  if (hydrant && engine) out.push(act('connectHydrant', { type: 'connectHydrant', crewId, vehicleId: engine.id, hydrantId: hydrant.id }));
  out.push(...keyActions(w, crewId));
  // What the crew member's role may not do is not offered (the engine would refuse it).
  return c.allowed ? out.filter((a) => c.allowed?.includes(a.intent?.type ?? a.id)) : out;
}

function isWindow(k: number | undefined): boolean {
  return k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;
}

/** The eight neighbours inside the grid, orthogonal ones first (doors are usually straight ahead). */
function neighbours(x: number, y: number, w: number, h: number): [number, number][] {
  const order: [number, number][] = [[0, -1], [1, 0], [0, 1], [-1, 0], [-1, -1], [1, -1], [1, 1], [-1, 1]];
  return order.map(([dx, dy]): [number, number] => [x + dx, y + dy]).filter(([a, b]) => a >= 0 && b >= 0 && a < w && b < h);
}
