/** Intents that act on a casualty: carry, put down, triage (compared with START), open the airway,
 *  free a trapped person; a downed crew member is carried out like any casualty. Each checks reach and
 *  state and refuses with a reason. */
import { Cell, cellAt } from '../world/grid';
import type { CrewState, WorldEvent, WorldState } from '../world/WorldState';
import type { Intent, RefusalReason } from './Intent';

/** Freeing a person trapped in a crushed car with a hydraulic spreader takes about a minute. */
const FREE_TICKS = 60 * 5;
/** A START assessment: walk, breathing, rate, perfusion, commands; doctrine aims for under 30 s. */
const TRIAGE_TICKS = 15 * 5;
/** Head tilt, chin lift and a look for breathing. */
const AIRWAY_TICKS = 5 * 5;

type CasualtyIntent = Extract<Intent, { type: 'carry' | 'putDown' | 'triage' | 'openAirway' | 'freeVictim' }>;

/** A downed crew member is lifted like a casualty (the rapid intervention crew's job). */
function carryMate(c: CrewState, mate: CrewState, refuse: (r: RefusalReason) => WorldEvent[]): WorldEvent[] {
  if (mate.floor !== c.floor || Math.abs(mate.x - c.x) > 1 || Math.abs(mate.y - c.y) > 1) return refuse('notAdjacent');
  if (c.carrying || mate.carriedBy) return refuse('alreadyCarrying');
  mate.carriedBy = c.id;
  c.carrying = mate.id;
  // No VICTIM_CARRIED: rubrics count occupants carried, and a colleague is not one.
  return [];
}

/** Put down outdoors, a downed crew member is out of danger. */
function putDownMate(w: WorldState, c: CrewState, mate: CrewState): WorldEvent[] {
  mate.carriedBy = null;
  c.carrying = null;
  const g = w.floors[c.floor];
  if (!g || cellAt(g, c.x, c.y) !== Cell.outdoor) return [];
  return [{ tick: w.tick, type: 'CREW_RESCUED', crewId: mate.id, reason: c.id }];
}

export function applyCasualtyIntent(w: WorldState, c: CrewState, intent: CasualtyIntent, refuse: (r: RefusalReason) => WorldEvent[]): WorldEvent[] {
  const t = w.tick;
  if (intent.type === 'putDown') {
    const mate = w.crew.find((m) => m.id === c.carrying);
    if (mate) return putDownMate(w, c, mate);
    const v = w.victims.find((x) => x.id === c.carrying);
    if (!v) return refuse('notCarrying');
    v.carriedBy = null;
    c.carrying = null;
    const g = w.floors[c.floor];
    if (g && cellAt(g, c.x, c.y) === Cell.outdoor && v.status !== 'dead') {
      v.safe = true;
      return [{ tick: t, type: 'VICTIM_RESCUED', crewId: c.id, victimId: v.id }];
    }
    return [];
  }
  const down = intent.type === 'carry' ? w.crew.find((m) => m.id === intent.victimId && m !== c && m.status === 'down') : undefined;
  if (down) return carryMate(c, down, refuse);
  const v = w.victims.find((x) => x.id === intent.victimId && !x.hidden);
  if (!v) return refuse('unknownVictim');
  if (v.floor !== c.floor || Math.abs(v.x - c.x) > 1 || Math.abs(v.y - c.y) > 1) return refuse('notAdjacent');
  switch (intent.type) {
    case 'carry':
      if (c.carrying) return refuse('alreadyCarrying');
      if (v.trapped) return refuse('victimTrapped');
      if (v.carriedBy) return refuse('alreadyCarrying');
      v.carriedBy = c.id;
      c.carrying = v.id;
      v.path = [];
      return [{ tick: t, type: 'VICTIM_CARRIED', crewId: c.id, victimId: v.id }];
    case 'triage':
      c.busy = { kind: 'triage', victimId: v.id, tag: intent.tag, ticksLeft: TRIAGE_TICKS };
      c.path = [];
      return [];
    case 'openAirway':
      if (v.status === 'dead') return refuse('victimDead');
      c.busy = { kind: 'airway', victimId: v.id, ticksLeft: AIRWAY_TICKS };
      c.path = [];
      return [];
    case 'freeVictim':
      if (!v.trapped) return refuse('notTrapped');
      if (!c.tools.includes('hydraulicSpreader')) return refuse('needsTool');
      c.busy = { kind: 'free', victimId: v.id, ticksLeft: FREE_TICKS };
      c.path = [];
      return [];
  }
}
