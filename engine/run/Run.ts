/** A run: scenario + seed + intents, stepped on the fixed tick. Owns the world, the statechart
 *  snapshot and the event log; interprets statechart actions as world effects. No clocks, no I/O. */
import { createActor, initialTransition, type ActorScope, type AnyStateMachine, type ExecutableActionObject, type MachineSnapshot } from 'xstate';
import { applyIntent } from '../intents/applyIntent';
import { carryOutOrders } from '../orders/applyOrder';
import type { Intent } from '../intents/Intent';
import { buildMachine, type MachineEvent, type WorldFacts } from '../machine/buildMachine';
import { ACTION_PARAMS, isActionName, type InjectAction } from '../machine/catalogue';
import type { Scenario } from '../scenario/format';
import { contentHash } from '../hash';
import { TICKS_PER_SECOND } from '../world/constants';
import { cloneWorld, createWorld, type WorldEvent, type WorldState } from '../world/WorldState';
import { collapse } from '../world/hazards';
import { stepWorld } from '../world/stepWorld';
import type { LoggedInject, LoggedIntent } from './RunRecord';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a machine built from JSON has no static context or event types
type Snapshot = MachineSnapshot<any, MachineEvent, any, any, any, any, any, any>;

export type EndReason = 'complete' | 'timeUp' | 'abandoned';

export interface Run {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly contentHash: string;
  readonly machine: AnyStateMachine;
  snapshot: Snapshot;
  world: WorldState;
  /** Every world event and effect, in order: the log scoring and the debrief read. */
  events: WorldEvent[];
  /** Accepted-for-processing intents with the tick they were applied on. */
  intents: LoggedIntent[];
  pending: Intent[];
  /** Instructor injects applied, with their tick, and those waiting for the next tick. */
  injects: LoggedInject[];
  pendingInjects: InjectAction[];
  /** Injects that arrived after an intent was applied ahead of this tick's step: they wait one more tick,
   *  because a tick applies its injects before its intents and replay must see the same order. */
  laterInjects: InjectAction[];
  /** Where this tick's events begin in `events`: intents applied ahead of the step add to them. */
  tickEventsFrom: number;
  phase: string;
  phaseEnteredTick: number;
  endReason: EndReason | null;
}

function phaseOf(snapshot: Snapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value as object)[0] ?? '';
}

/** Counted with loops rather than filters: it runs for every event of every tick, in every drill room. */
function facts(run: Run): WorldFacts {
  const w = run.world;
  let burningItems = 0;
  let openValves = 0;
  for (const i of w.items) {
    if (i.burning) burningItems += 1;
    if (i.valve === 'open') openValves += 1;
  }
  let victimsAtRisk = 0;
  let victimsUntriaged = 0;
  let victimsTrapped = 0;
  for (const v of w.victims) {
    if (v.hidden) continue;
    if (v.status !== 'dead' && !v.safe) victimsAtRisk += 1;
    if (v.tag === null) victimsUntriaged += 1;
    if (v.trapped) victimsTrapped += 1;
  }
  return {
    elapsedS: w.tick / TICKS_PER_SECOND,
    phaseElapsedS: (w.tick - run.phaseEnteredTick) / TICKS_PER_SECOND,
    burningItems,
    openValves,
    victimsAtRisk,
    victimsUntriaged,
    victimsTrapped,
  };
}

/** Carries out the statechart's actions on the world; unknown names cannot occur after checkScenario. */
function perform(run: Run, actions: readonly { type: string; params?: unknown }[], tick: number): void {
  for (const a of actions) {
    if (!isActionName(a.type)) continue;
    switch (a.type) {
      case 'radio': {
        const p = ACTION_PARAMS.radio.parse(a.params);
        run.events.push({ tick, type: 'RADIO', text: p.text, from: p.from, reason: p.from.en });
        break;
      }
      case 'igniteItem': {
        const p = ACTION_PARAMS.igniteItem.parse(a.params);
        const item = run.world.items.find((i) => i.id === p.item);
        if (item && !item.burning) item.igniteAtTick = run.world.tick;
        break;
      }
      case 'failHydrant': {
        const p = ACTION_PARAMS.failHydrant.parse(a.params);
        const h = run.world.hydrants.find((x) => x.id === p.hydrant);
        if (h?.working) {
          h.working = false;
          run.events.push({ tick, type: 'HYDRANT_FAILED', reason: h.id });
        }
        break;
      }
      case 'collapse':
        collapse(run.world, ACTION_PARAMS.collapse.parse(a.params).hazard, run.events);
        break;
      case 'revealVictim': {
        const p = ACTION_PARAMS.revealVictim.parse(a.params);
        const v = run.world.victims.find((x) => x.id === p.victim);
        if (v?.hidden) {
          v.hidden = false;
          run.events.push({ tick, type: 'VICTIM_REPORTED', victimId: v.id });
        }
        break;
      }
    }
  }
}

/** One inert actor scope per statechart, whose executor collects the actions of a transition.
 *  xstate's `transition()` builds a new actor (and its initial snapshot) on every call, which was about
 *  40 % of a step; a run's machine has no children, delays or side effects, so the same
 *  scope serves every event. Its `defer` drops work exactly as `transition()`'s own scope does. */
interface TransitionScope {
  scope: ActorScope<Snapshot, MachineEvent>;
  collected: ExecutableActionObject[];
}
const transitionScopes = new WeakMap<AnyStateMachine, TransitionScope>();

function transitionScope(machine: AnyStateMachine): TransitionScope {
  const cached = transitionScopes.get(machine);
  if (cached) return cached;
  const self = createActor(machine);
  const made: TransitionScope = {
    collected: [],
    scope: {
      self,
      id: '',
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      system: self.system,
      stopChild: () => undefined,
      actionExecutor: (action) => made.collected.push(action),
    },
  };
  transitionScopes.set(machine, made);
  return made;
}

function send(run: Run, event: MachineEvent, tick: number): void {
  const t = transitionScope(run.machine);
  t.collected = [];
  run.snapshot = run.machine.transition(run.snapshot, event, t.scope) as Snapshot;
  perform(run, t.collected, tick);
  const phase = phaseOf(run.snapshot);
  if (phase !== run.phase) {
    run.phase = phase;
    run.phaseEnteredTick = tick;
    run.events.push({ tick, type: 'PHASE_ENTERED', phase });
  }
  if (run.snapshot.status === 'done' && run.endReason === null) end(run, 'complete', tick);
}

function end(run: Run, reason: EndReason, tick: number): void {
  run.endReason = reason;
  run.events.push({ tick, type: 'RUN_ENDED', reason });
}

/** Starts a run of `scenario` (already parsed and checked) with a 32-bit `seed`. */
export function createRun(scenario: Scenario, seed: number): Run {
  const machine = buildMachine(scenario);
  const [snapshot, actions] = initialTransition(machine);
  const run: Run = {
    scenario,
    seed,
    contentHash: contentHash(scenario),
    machine,
    snapshot: snapshot as Snapshot,
    world: createWorld(scenario, seed),
    events: [],
    intents: [],
    pending: [],
    injects: [],
    pendingInjects: [],
    laterInjects: [],
    tickEventsFrom: 0,
    phase: phaseOf(snapshot as Snapshot),
    phaseEnteredTick: 0,
    endReason: null,
  };
  run.events.push({ tick: 0, type: 'RUN_STARTED' }, { tick: 0, type: 'PHASE_ENTERED', phase: run.phase });
  perform(run, actions, 0);
  run.tickEventsFrom = run.events.length;
  return run;
}

/** Queues an intent for the next tick. Ignored once the run has ended. */
export function submitIntent(run: Run, intent: Intent): void {
  if (run.endReason === null) run.pending.push(intent);
}

/** Applies an intent now, logged on the coming tick, exactly as that tick's step would apply it first:
 *  nothing changes the world between two steps, so a replay that queues it gives the same state. Its
 *  effect (a walking route, a door swung, a nozzle opened) shows before the step instead of after.
 *  It is queued instead when the coming tick already has queued injects or intents, which go first, or
 *  when it ends the run, which only a step does. Returns the intent's events. */
export function applyIntentNow(run: Run, intent: Intent): WorldEvent[] {
  if (run.endReason !== null) return [];
  if (intent.type === 'endRun' || run.pending.length > 0 || run.pendingInjects.length > 0) {
    run.pending.push(intent);
    return [];
  }
  const from = run.events.length;
  applyLogged(run, intent, run.world.tick);
  return run.events.slice(from);
}

/** Logs an intent on `tick` and applies it, or records why the phase refused it. A player's own intent
 *  for a crew member under orders takes direct control of it: the order ends there. */
function applyLogged(run: Run, intent: Intent, tick: number): void {
  run.intents.push({ tick, intent });
  if (!phaseAllows(run, intent)) {
    run.events.push({ tick, type: 'INTENT_REFUSED', reason: 'notInPhase', ...('crewId' in intent ? { crewId: intent.crewId } : {}) });
    return;
  }
  if (intent.type !== 'order' && 'crewId' in intent) {
    const c = run.world.crew.find((m) => m.id === intent.crewId);
    if (c?.order) c.order = null;
  }
  run.events.push(...applyIntent(run.world, intent));
}

/** Each standing order's next step, checked like a player's intent (the phase included) but not logged:
 *  the order in the record is what replays it. A step the phase does not allow waits. */
function carryOut(run: Run): void {
  run.events.push(...carryOutOrders(run.world, (intent) => (phaseAllows(run, intent) ? applyIntent(run.world, intent) : [])));
}

/** Whether an intent has been applied ahead of the coming tick's step. */
function appliedAhead(run: Run): boolean {
  return run.intents[run.intents.length - 1]?.tick === run.world.tick;
}

/** Whether the current phase lets players send this kind of intent (the phase's `meta.intents`). */
function phaseAllows(run: Run, intent: Intent): boolean {
  const allowed = run.scenario.statechart.states[run.phase]?.meta?.intents;
  return allowed === undefined || allowed.includes(intent.type);
}

/** Queues an instructor's inject for the next tick, ahead of that tick's intents, or for the one after
 *  when an intent was already applied ahead of the next. Returns the tick it will apply on (null: the run has ended). */
export function submitInject(run: Run, action: InjectAction): number | null {
  if (run.endReason !== null) return null;
  if (appliedAhead(run)) {
    run.laterInjects.push(action);
    return run.world.tick + 1;
  }
  run.pendingInjects.push(action);
  return run.world.tick;
}

/** Advances one tick: pending injects and intents, then the world, then the statechart. Returns the new events. */
export function stepRun(run: Run): WorldEvent[] {
  if (run.endReason !== null) return [];
  const tick = run.world.tick;
  const from = run.tickEventsFrom;
  for (const action of run.pendingInjects) {
    run.injects.push({ tick, action });
    run.events.push({ tick, type: 'INJECT', reason: action.type });
    perform(run, [action], tick);
  }
  run.pendingInjects = [];
  const pending = run.pending;
  run.pending = [];
  let abandon = false;
  for (const intent of pending) {
    if (intent.type === 'endRun') {
      run.intents.push({ tick, intent });
      abandon = true;
    } else applyLogged(run, intent, tick);
  }
  carryOut(run);
  run.events.push(...stepWorld(run.scenario, run.world));
  const worldEvents = run.events.slice(from);
  for (const e of worldEvents) {
    if (run.endReason !== null) break;
    if (e.type === 'INTENT_REFUSED') continue;
    send(run, { type: e.type, facts: facts(run), zoneId: e.zoneId, itemId: e.itemId, crewId: e.crewId }, tick);
  }
  if (run.endReason === null) send(run, { type: 'TICK', facts: facts(run) }, tick);
  // Abandoning still completes the tick, so a record's end tick is always one past its last intent.
  if (abandon && run.endReason === null) end(run, 'abandoned', tick);
  if (run.endReason === null && run.world.tick >= run.scenario.timeLimitS * TICKS_PER_SECOND) {
    run.events.push({ tick, type: 'TIME_UP' });
    end(run, 'timeUp', tick);
  }
  run.pendingInjects = run.laterInjects;
  run.laterInjects = [];
  run.tickEventsFrom = run.events.length;
  return run.events.slice(from);
}

/** A deep copy that can be stepped independently: the basis of "what if" forks. */
export function forkRun(run: Run): Run {
  return {
    ...run,
    world: cloneWorld(run.world),
    events: run.events.map((e) => ({ ...e })),
    intents: run.intents.slice(),
    pending: run.pending.slice(),
    injects: run.injects.slice(),
    pendingInjects: run.pendingInjects.slice(),
    laterInjects: run.laterInjects.slice(),
  };
}
