/** Crew orders: every order a player can give (search this floor, attack this fire, pitch a ladder, set
 *  up water supply, triage these casualties, withdraw) is carried out by the engine's doctrine
 *  behaviours to its end, reported done, and a replay of the record reaches the same state hash. A
 *  player's own intent for a member takes it back under direct control. */
import { describe, expect, it } from 'vitest';
import { Cell, createRun, forkRun, loadScenario, ORDER_KINDS, replayRecord, stateHash, stepRun, submitIntent, toRunRecord, type Intent, type Run, type WorldEvent } from '../../../engine/index';
import { makeRun, readScenarioJson, TEST_SEED } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';
const CRASH = 'road-crash-triage';

function stepUntil(run: Run, done: (run: Run) => boolean, maxTicks: number): void {
  for (let t = 0; t < maxTicks && run.endReason === null && !done(run); t++) stepRun(run);
}

const events = (run: Run, type: WorldEvent['type'], crewId?: string): WorldEvent[] => run.events.filter((e) => e.type === type && (crewId === undefined || e.crewId === crewId));

/** Plays `intents` from the start (each on the tick given), steps until `crewId`'s order is reported done,
 *  and checks that the record replays to the same hash. */
function carryOut(id: string | Record<string, unknown>, intents: { tick: number; intent: Intent }[], crewId: string, maxTicks: number): Run {
  const run = typeof id === 'string' ? makeRun(id) : createRun(loadScenario(id), TEST_SEED);
  const queue = [...intents];
  for (let t = 0; t < maxTicks && run.endReason === null && events(run, 'ORDER_DONE', crewId).length === 0; t++) {
    while (queue[0] && queue[0].tick <= run.world.tick) submitIntent(run, queue.shift()!.intent);
    stepRun(run);
  }
  expect(events(run, 'ORDER_GIVEN', crewId), 'the order was taken').toHaveLength(1);
  expect(events(run, 'ORDER_DONE', crewId), 'the order was carried out to its end').toHaveLength(1);
  expect(run.world.crew.find((c) => c.id === crewId)?.order).toBeNull();
  // Ending the run here makes a complete record; replaying it reaches the very same state.
  const ended = forkRun(run);
  submitIntent(ended, { type: 'endRun' });
  stepRun(ended);
  const replayed = replayRecord(run.scenario, toRunRecord(ended, 'orders-test'));
  if (!replayed.ok) throw new Error(`replay failed: ${JSON.stringify(replayed.error)}`);
  expect(stateHash(replayed.run)).toBe(stateHash(ended));
  return run;
}

describe('crew orders', () => {
  it('covers every order kind below', () => {
    expect([...ORDER_KINDS].sort()).toEqual(['attack', 'ladder', 'search', 'supply', 'triage', 'withdraw']);
  });

  it('set up water supply: the member walks to the hydrant and connects the engine', () => {
    const run = carryOut(TUBE, [{ tick: 0, intent: { type: 'order', crewId: 'ff-1', order: { kind: 'supply' } } }], 'ff-1', 600);
    expect(events(run, 'HYDRANT_CONNECTED', 'ff-1')).toHaveLength(1);
    expect(run.world.vehicles[0]?.hydrantId).toBe('hydrant-alley');
  });

  it('attack this fire: the member takes the attack line, advances into reach and puts the fire out', () => {
    // The motorbikes catch at the start of the scenario's fire; the order goes in once they burn.
    const probe = makeRun(TUBE);
    stepUntil(probe, (r) => r.world.items.some((i) => i.id === 'motorbike-1' && i.burning), 600);
    const at = probe.world.tick;
    const run = carryOut(TUBE, [{ tick: at, intent: { type: 'order', crewId: 'ff-1', order: { kind: 'attack', itemId: 'motorbike-1' } } }], 'ff-1', 4000);
    expect(events(run, 'HOSE_TAKEN', 'ff-1').length + events(run, 'WATER_ON', 'ff-1').length).toBeGreaterThan(0);
    expect(events(run, 'AGENT_APPLIED', 'ff-1').some((e) => e.itemId === 'motorbike-1' && e.agent === 'water')).toBe(true);
    expect(run.world.items.find((i) => i.id === 'motorbike-1')?.burning).toBe(false);
  });

  it('pitch a ladder to this window: the member carries the ladder to the foot below it and pitches it', () => {
    const run = carryOut(TUBE, [{ tick: 0, intent: { type: 'order', crewId: 'ff-2', order: { kind: 'ladder', x: 126, y: 6 } } }], 'ff-2', 2000);
    expect(run.world.ladders).toEqual([{ x: 126, y: 6, footX: 126, footY: 5 }]);
  });

  it('search this floor: the member climbs to it, carries out everyone on it and sweeps its rooms', () => {
    // A fire held small (300 kW at most): at full size the stair passes a ground floor that flashes over,
    // and the searcher carrying the casualties down through it is burned (crews can be harmed).
    const held = readScenarioJson(TUBE) as { world: { items: { peakKW: number }[] } };
    for (const it of held.world.items) it.peakKW = Math.min(it.peakKW, 300);
    const run = carryOut(held, [{ tick: 0, intent: { type: 'order', crewId: 'ff-3', order: { kind: 'search', floor: 2 } } }], 'ff-3', 4000);
    expect(events(run, 'VICTIM_CARRIED', 'ff-3').map((e) => e.victimId).sort()).toEqual(['child', 'grandmother', 'mother']);
    // Nobody is left on the searched floor.
    expect(run.world.victims.filter((v) => v.floor === 2)).toEqual([]);
  });

  it('triage these casualties: the member assesses each by START and tags them as START says', () => {
    const run = carryOut(CRASH, [{ tick: 0, intent: { type: 'order', crewId: 'rescue-1', order: { kind: 'triage' } } }], 'rescue-1', 3000);
    const tagged = events(run, 'VICTIM_TRIAGED', 'rescue-1');
    expect(tagged).toHaveLength(run.world.victims.filter((v) => !v.hidden).length);
    expect(tagged.every((e) => e.correct === true)).toBe(true);
  });

  it('withdraw: a member inside comes out to the street and stops spraying', () => {
    // The kitchen's firefighter walks in first (a player's own orders), then is told to withdraw.
    const run = carryOut(
      'apartment-kitchen-oil',
      [
        { tick: 0, intent: { type: 'moveTo', crewId: 'ff-1', x: 12, y: 5 } },
        { tick: 60, intent: { type: 'order', crewId: 'ff-1', order: { kind: 'withdraw' } } },
      ],
      'ff-1',
      1000,
    );
    const c = run.world.crew.find((m) => m.id === 'ff-1');
    expect(c && run.world.floors[c.floor]?.cells[c.y * (run.world.floors[c.floor]?.width ?? 0) + c.x]).toBe(Cell.outdoor);
    expect(c?.dischargingAt).toBeNull();
  });

  it('a player taking direct control of a member ends its order there', () => {
    const run = makeRun(TUBE);
    submitIntent(run, { type: 'order', crewId: 'ff-3', order: { kind: 'search', floor: 2 } });
    stepUntil(run, (r) => r.world.tick >= 20, 20);
    expect(run.world.crew.find((c) => c.id === 'ff-3')?.order?.kind).toBe('search');
    submitIntent(run, { type: 'step', crewId: 'ff-3', dir: 'S' });
    stepRun(run);
    expect(run.world.crew.find((c) => c.id === 'ff-3')?.order).toBeNull();
    // And a null order hands a member back without any other intent.
    submitIntent(run, { type: 'order', crewId: 'ff-2', order: { kind: 'supply' } });
    stepRun(run);
    submitIntent(run, { type: 'order', crewId: 'ff-2', order: null });
    stepRun(run);
    expect(run.world.crew.find((c) => c.id === 'ff-2')?.order).toBeNull();
  });

  it('an order the member cannot carry out is refused with the reason', () => {
    const run = makeRun(TUBE);
    submitIntent(run, { type: 'order', crewId: 'ff-3', order: { kind: 'ladder', x: 126, y: 6 } });
    submitIntent(run, { type: 'order', crewId: 'ic-1', order: { kind: 'attack', itemId: 'motorbike-1' } });
    submitIntent(run, { type: 'order', crewId: 'ff-2', order: { kind: 'ladder', x: 5, y: 3 } });
    stepRun(run);
    expect(events(run, 'INTENT_REFUSED').map((e) => `${e.crewId}:${e.reason}`)).toEqual(['ff-3:needsTool', 'ic-1:notInRole', 'ff-2:notAWindow']);
  });

  it('a standing order is part of the state hash', () => {
    const a = makeRun(TUBE);
    const b = makeRun(TUBE);
    submitIntent(b, { type: 'order', crewId: 'ff-2', order: { kind: 'supply' } });
    stepRun(a);
    stepRun(b);
    expect(stateHash(a)).not.toBe(stateHash(b));
  });
});
