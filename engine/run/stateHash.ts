/** The state hash of a run at its current tick: world arrays, items, crew, phase and log length.
 *  Equal hashes mean equal runs; Node and browsers must agree on it bit for bit. */
import { Hasher } from '../hash';
import type { Run } from './Run';

export function stateHash(run: Run): string {
  const h = new Hasher();
  const w = run.world;
  h.int(w.tick).int(w.rng).string(run.phase).int(run.phaseEnteredTick).int(run.events.length);
  h.string(run.endReason ?? '').int(w.waterOn ? 1 : 0);
  for (const f of w.floors) h.ints(f.cells);
  for (const a of w.heat) h.ints(a);
  for (const a of w.smoke) h.ints(a);
  for (const i of w.items) {
    h.string(i.id).int(i.growthTicks).number(i.fuelKJ).int(i.burning ? 1 : 0).int(i.igniteAtTick).number(i.hrrKW).string(i.valve);
  }
  // Only a corridor's smoke front under way adds to the hash, so runs without one hash as before fronts existed.
  for (const rooms of w.rooms) for (const r of rooms) if (r.frontOrigin >= 0) h.int(r.frontOrigin).number(r.frontM);
  for (const rooms of w.rooms) for (const r of rooms) h.int(r.flashedOver ? 1 : 0).int(r.rolloverWarned ? 1 : 0).number(r.hrrKW).number(r.gasC).number(r.smoke);
  for (const c of w.crew) {
    h.string(c.id).int(c.floor).int(c.x).int(c.y).ints(c.path).int(c.stepCooldown).int(c.selected);
    h.string(c.dischargingAt ?? '').string(c.zoneId ?? '');
    for (const e of c.equipment) h.string(e.id).int(e.remainingTicks);
    if (c.air) h.number(c.air.bar).int(c.air.alarmed ? 1 : 0).int(c.air.empty ? 1 : 0);
    h.int(c.inHazard ? 1 : 0).string(c.carrying ?? '').string(c.busy ? JSON.stringify(c.busy) : '');
  }
  for (const v of w.victims) {
    h.int(v.hidden ? 1 : 0);
    h.string(v.id).int(v.floor).int(v.x).int(v.y).number(v.dose).string(v.status).string(v.mobility);
    h.int(v.trapped ? 1 : 0).string(v.carriedBy ?? '').int(v.safe ? 1 : 0).int(v.reached ? 1 : 0).int(v.airwayOpened ? 1 : 0).string(v.tag ?? '').ints(v.path).int(v.stepCooldown);
  }
  for (const v of w.victims) for (const t of v.tags) h.string(t.tag).int(t.tick).int(t.correct ? 1 : 0);
  for (const l of w.ladders) h.int(l.x).int(l.y).int(l.footX).int(l.footY);
  // Only an eruption under way adds to the hash, so runs without one hash as they did before it existed.
  for (const i of w.items) if (i.eruptionTicks > 0) h.string(i.id).int(i.eruptionTicks).number(i.eruptionKW);
  for (const i of w.items) h.string(i.electrics).number(i.heatedTicks).int(i.failureTicks).int(i.wetTicks).int(i.ruptured ? 1 : 0);
  for (const v of w.vehicles) h.string(v.id).number(v.waterL).string(v.hydrantId ?? '').int(v.dry ? 1 : 0);
  for (const x of w.hydrants) h.string(x.id).int(x.working ? 1 : 0);
  for (const z of w.hazards) h.string(z.id).int(z.exposedTicks).int(z.collapsed ? 1 : 0);
  for (const c of w.crew) h.ints(c.hose?.laid ?? []).string(c.hose?.vehicleId ?? '');
  // Only crew under orders add to the hash, so runs that give none hash as they did before orders existed.
  for (const c of w.crew) if (c.order) h.string(c.id).string(JSON.stringify(c.order));
  for (const c of w.crew) h.string(c.status).number(c.exposure).number(c.smokeDose).int(c.mayday ? 1 : 0).string(c.carriedBy ?? '');
  return h.digest();
}
