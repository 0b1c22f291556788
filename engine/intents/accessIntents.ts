/** Getting in: forcible entry (a halligan on a locked door, a cutter on a window grille), pitching a
 *  ladder from the street to a window and climbing it. Each checks position and tools. */
import { Cell, cellAt } from '../world/grid';
import type { CrewState, WorldEvent, WorldState } from '../world/WorldState';
import type { Intent, RefusalReason } from './Intent';

/** A locked door with a halligan: about 20 s; a window grille with a cutter: about 40 s. */
export const FORCE_DOOR_TICKS = 20 * 5;
export const CUT_GRILLE_TICKS = 40 * 5;
/** Clearing the glass from a window frame. */
export const BREAK_GLASS_TICKS = 5 * 5;
/** A 10.5 m ladder reaches the fourth storey. */
const LADDER_MAX_LEVEL = 4;
/** Climbing one storey with kit. */
const CLIMB_TICKS_PER_LEVEL = 4 * 5;

type AccessIntent = Extract<Intent, { type: 'force' | 'placeLadder' | 'climb' }>;

export function applyAccessIntent(w: WorldState, c: CrewState, intent: AccessIntent, refuse: (r: RefusalReason) => WorldEvent[]): WorldEvent[] {
  const g = w.floors[c.floor];
  if (!g) return refuse('unknownCrew');
  switch (intent.type) {
    case 'force': {
      let floor = c.floor;
      if (intent.level !== undefined) {
        const fromLadder = w.ladders.some((l) => l.footX === c.x && l.footY === c.y && l.x === intent.x && l.y === intent.y);
        if (!fromLadder) return refuse('noLadder');
        floor = w.levels.indexOf(intent.level);
        if (floor < 0) return refuse('noFloorThere');
      } else if (Math.abs(c.x - intent.x) > 1 || Math.abs(c.y - intent.y) > 1) {
        return refuse('notAdjacent');
      }
      const target = w.floors[floor];
      const kind = target ? cellAt(target, intent.x, intent.y) : Cell.wall;
      if (kind === Cell.doorLocked) {
        if (!c.tools.includes('halligan')) return refuse('needsTool');
        c.busy = { kind: 'force', floor, x: intent.x, y: intent.y, ticksLeft: FORCE_DOOR_TICKS };
      } else if (kind === Cell.windowGrille) {
        if (!c.tools.includes('cutter')) return refuse('needsTool');
        c.busy = { kind: 'force', floor, x: intent.x, y: intent.y, ticksLeft: CUT_GRILLE_TICKS };
      } else if (kind === Cell.window) {
        if (!c.tools.includes('halligan') && !c.tools.includes('cutter')) return refuse('needsTool');
        c.busy = { kind: 'force', floor, x: intent.x, y: intent.y, ticksLeft: BREAK_GLASS_TICKS };
      } else {
        return refuse('cannotForce');
      }
      c.path = [];
      return [];
    }
    case 'placeLadder': {
      if (!c.tools.includes('ladder')) return refuse('needsTool');
      if ((w.levels[c.floor] ?? 0) !== 0 || cellAt(g, c.x, c.y) !== Cell.outdoor) return refuse('notOutside');
      if (Math.abs(c.x - intent.x) > 1 || Math.abs(c.y - intent.y) > 1) return refuse('notAdjacent');
      w.ladders.push({ x: intent.x, y: intent.y, footX: c.x, footY: c.y });
      return [];
    }
    case 'climb': {
      const onGround = (w.levels[c.floor] ?? 0) === 0;
      const ladder = onGround ? w.ladders.find((l) => l.footX === c.x && l.footY === c.y) : w.ladders.find((l) => l.x === c.x && l.y === c.y);
      if (!ladder) return refuse('noLadder');
      if (!onGround) {
        // Down to the foot of the ladder, whatever level was asked: a ladder has two ends.
        const ground = w.levels.indexOf(0);
        c.floor = ground;
        c.x = ladder.footX;
        c.y = ladder.footY;
        c.stepCooldown = CLIMB_TICKS_PER_LEVEL * (w.levels[c.floor] ?? 1);
        return [{ tick: w.tick, type: 'FLOOR_CHANGED', crewId: c.id, floor: ground }];
      }
      if (intent.level < 1 || intent.level > LADDER_MAX_LEVEL) return refuse('ladderTooShort');
      const target = w.levels.indexOf(intent.level);
      const up = w.floors[target];
      if (target < 0 || !up) return refuse('noFloorThere');
      if (cellAt(up, ladder.x, ladder.y) !== Cell.windowOpen) return refuse('windowClosed');
      c.floor = target;
      c.x = ladder.x;
      c.y = ladder.y;
      c.path = [];
      c.stepCooldown = CLIMB_TICKS_PER_LEVEL * intent.level;
      return [{ tick: w.tick, type: 'FLOOR_CHANGED', crewId: c.id, floor: target }];
    }
  }
}
