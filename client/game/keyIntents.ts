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
      // E stops a discharge on a fire that still burns; on one that has gone out it turns to the next.
      const current = c.dischargingAt === null ? undefined : w.items.find((i) => i.id === c.dischargingAt);
      if (current?.burning) return { type: 'stopDischarge', crewId };
      const range = c.equipment[c.selected]?.rangeCells ?? 0;
      const fires = w.items.filter((i) => i.burning && i.floor === c.floor).sort((a, b) => d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y));
      // Out of range, still ask for the nearest: the refusal tells the player to move closer.
      const target = fires.find((i) => d2(i.x, i.y, c.x, c.y) <= range * range) ?? fires[0];
      if (target) return { type: 'startDischarge', crewId, itemId: target.id };
      return c.dischargingAt === null ? null : { type: 'stopDischarge', crewId };
    }
    case 'KeyF': {
      const g = w.floors[c.floor];
      if (!g) return null;
      let best: { x: number; y: number; d: number } | null = null;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = c.x + dx;
          const y = c.y + dy;
          if ((dx === 0 && dy === 0) || x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
          const d = dx * dx + dy * dy;
          if (isDoor(g.cells[y * g.width + x] ?? 0) && (!best || d < best.d)) best = { x, y, d };
        }
      }
      return best ? { type: 'toggleDoor', crewId, x: best.x, y: best.y } : null;
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
