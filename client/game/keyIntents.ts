/** Maps a key press to the intent a player means, looking at the world only to pick the target
 *  (nearest door, valve or fire). It proposes; the engine still decides whether the intent is allowed. */
import { isDoor, type Intent, type WorldState } from '../../engine/index';

const STEPS: Record<string, 'N' | 'E' | 'S' | 'W'> = {
  ArrowUp: 'N',
  KeyW: 'N',
  ArrowRight: 'E',
  KeyD: 'E',
  ArrowDown: 'S',
  KeyS: 'S',
  ArrowLeft: 'W',
  KeyA: 'W',
};

const d2 = (ax: number, ay: number, bx: number, by: number): number => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);

/** What E means, shared with the drill page: stop a discharge on a fire that still burns; when the
 *  sprayed fire has gone out (or nothing is sprayed) aim at `target`; with no fire left, stop. */
export function nozzleIntent(crewId: string, dischargingAt: string | null, burning: readonly { id: string }[], target: { id: string } | undefined): Intent | null {
  if (dischargingAt !== null && burning.some((f) => f.id === dischargingAt)) return { type: 'stopDischarge', crewId };
  if (target) return { type: 'startDischarge', crewId, itemId: target.id };
  return dischargingAt === null ? null : { type: 'stopDischarge', crewId };
}

/** The nearest door cell (open or shut) among the eight around (x, y); shared with the drill page. */
export function nearestDoor(g: { width: number; height: number; cells: ArrayLike<number> }, x: number, y: number): { x: number; y: number } | null {
  let best: { x: number; y: number; d: number } | null = null;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= g.width || ny >= g.height) continue;
      const d = dx * dx + dy * dy;
      if (isDoor(g.cells[ny * g.width + nx] ?? 0) && (!best || d < best.d)) best = { x: nx, y: ny, d };
    }
  }
  return best ? { x: best.x, y: best.y } : null;
}

/** The intent for `code` (KeyboardEvent.code, so it works on any keyboard layout), or null. */
export function keyIntent(code: string, w: WorldState, crewId: string): Intent | null {
  const c = w.crew.find((m) => m.id === crewId);
  if (!c) return null;
  const dir = STEPS[code];
  if (dir) return { type: 'step', crewId, dir };
  switch (code) {
    case 'Digit1':
    case 'Numpad1':
    case 'Digit2':
    case 'Numpad2': {
      const eq = c.equipment[code.endsWith('1') ? 0 : 1];
      return eq ? { type: 'selectEquipment', crewId, equipmentId: eq.id } : null;
    }
    case 'KeyE': {
      const range = c.equipment[c.selected]?.rangeCells ?? 0;
      const fires = w.items.filter((i) => i.burning && i.floor === c.floor).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y));
      // Out of range, still ask for the nearest: the refusal tells the player to move closer.
      const target = fires.find((i) => d2(i.x, i.y, c.x, c.y) <= range * range) ?? fires[0];
      return nozzleIntent(crewId, c.dischargingAt, fires, target);
    }
    case 'KeyF': {
      const g = w.floors[c.floor];
      const door = g ? nearestDoor(g, c.x, c.y) : null;
      return door ? { type: 'toggleDoor', crewId, x: door.x, y: door.y } : null;
    }
    case 'KeyV': {
      const valves = w.items.filter((i) => i.valve === 'open' && i.floor === c.floor).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y));
      const v = valves[0];
      return v ? { type: 'closeValve', crewId, itemId: v.id } : null;
    }
    case 'Escape':
      return { type: 'endRun' };
    default:
      return null;
  }
}
