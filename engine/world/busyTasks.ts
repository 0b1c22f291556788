/** Tasks that take time (forcing a door, cutting a grille, freeing a casualty, triage, an airway): counted down
 *  each tick and carried out when done. The crew member cannot do anything else meanwhile. Every triage tag
 *  given is kept; the first is the one credited. */
import { Cell, cellAt, setCell } from './grid';
import { startTag } from './startTriage';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

export function stepBusy(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const task = c.busy;
  if (!task) return;
  task.ticksLeft -= 1;
  if (task.ticksLeft > 0) return;
  c.busy = null;
  if (task.kind === 'force') {
    const g = w.floors[task.floor];
    if (!g) return;
    const kind = cellAt(g, task.x, task.y);
    setCell(g, task.x, task.y, kind === Cell.windowGrille || kind === Cell.window ? Cell.windowOpen : Cell.doorOpen);
    events.push({ tick: w.tick, type: 'FORCED_OPEN', crewId: c.id });
    return;
  }
  const v = w.victims.find((x) => x.id === task.victimId);
  if (!v) return;
  if (task.kind === 'free') {
    v.trapped = false;
    events.push({ tick: w.tick, type: 'VICTIM_FREED', crewId: c.id, victimId: v.id });
  } else if (task.kind === 'airway') {
    v.airwayOpened = true;
    events.push({ tick: w.tick, type: 'AIRWAY_OPENED', crewId: c.id, victimId: v.id });
  } else {
    // START: a casualty who does not breathe is black only if still not breathing once the airway is opened.
    const correct = task.tag === startTag(v.findings) && (task.tag !== 'black' || v.airwayOpened);
    const first = v.tags.length === 0;
    v.tags.push({ tag: task.tag, tick: w.tick, correct });
    v.tag = task.tag;
    // Only the first tag is credited: a re-tag is logged for the debrief, never scored as a triage.
    events.push({ tick: w.tick, type: first ? 'VICTIM_TRIAGED' : 'VICTIM_RETAGGED', crewId: c.id, victimId: v.id, tag: task.tag, correct });
  }
}
