/** Re-simulates a stored run through the engine's replay (its intents and a drill's injects, on their
 *  ticks, exactly as the server replays it) and samples what the debrief charts: the fire room's heat
 *  release against its flashover threshold, its hot layer, each crew member's air, each victim's dose,
 *  plus the key actions to mark. Pure; never steps a run any other way than the engine's replay. */
import { z } from 'zod';
import { jsonPath, RunRecord, startReplay, TICKS_PER_SECOND, type LocalizedText, type ReplayLog, type Run, type Scenario } from '../../engine/index';

export interface Series {
  id: string;
  name: LocalizedText;
  /** One value per sample, aligned with RunSeries.seconds. */
  values: number[];
}

export interface KeyMark {
  second: number;
  type: string;
}

export interface RunSeries {
  seconds: number[];
  hrr: Series;
  flashover: Series;
  hotLayer: Series;
  air: Series[];
  airAlarm: number | null;
  dose: Series[];
  marks: KeyMark[];
  /** The finished re-simulation, for scoring and for the event list. */
  run: Run;
}

/** What a replay needs from a stored record: the engine's log (seed, intents, injects) and its end. */
export type StoredRecord = ReplayLog & Pick<RunRecord, 'endTick'>;

const StoredLog = z.object({ seed: RunRecord.shape.seed, endTick: RunRecord.shape.endTick, intents: RunRecord.shape.intents, injects: RunRecord.shape.injects });

/** Reads the replayable part of a stored record (plain JSON from this device or the server) with the
 *  engine's own schema, or says where it is damaged. */
export function readStoredRecord(json: unknown): { ok: true; record: StoredRecord } | { ok: false; where: string; message: string } {
  const parsed = StoredLog.safeParse(json);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, where: jsonPath(issue?.path ?? []), message: issue?.message ?? '' };
}

const MARKED = ['DOOR_OPENED', 'WATER_ON', 'AGENT_APPLIED', 'VICTIM_REACHED', 'FLASHOVER', 'VALVE_CLOSED', 'ALL_FIRES_OUT'];

/** Steps a fresh run to `endTick`, sampling once per incident second. */
export function runSeries(scenario: Scenario, record: StoredRecord): RunSeries {
  const replay = startReplay(scenario, record);
  const run = replay.run;
  const per: { t: number; rooms: { f: number; r: number; hrr: number; fo: number; hot: number }[]; air: number[]; dose: number[] }[] = [];
  const sample = (): void => {
    const w = run.world;
    per.push({
      t: w.tick / TICKS_PER_SECOND,
      rooms: w.rooms.flatMap((floor, f) => floor.map((room, r) => ({ f, r, hrr: room.hrrKW, fo: room.flashoverKW, hot: room.hotLayerC }))),
      air: w.crew.map((c) => c.air?.bar ?? 0),
      dose: w.victims.map((v) => v.dose),
    });
  };
  sample();
  while (run.world.tick < record.endTick && run.endReason === null) {
    replay.advanceTo(run.world.tick + 1);
    if (run.world.tick % TICKS_PER_SECOND === 0 || run.endReason !== null) sample();
  }
  // The fire room is the one whose heat release peaked highest over the run.
  let best = { f: 0, r: 0, peak: -1 };
  for (const s of per) for (const room of s.rooms) if (room.hrr > best.peak) best = { f: room.f, r: room.r, peak: room.hrr };
  const pickRoom = (s: (typeof per)[number]) => s.rooms.find((x) => x.f === best.f && x.r === best.r);
  const text = (vi: string, en: string): LocalizedText => ({ vi, en });
  const breathingAlarm = run.world.crew.find((c) => c.air)?.air?.alarmBar ?? null;
  const firsts = new Map<string, number>();
  for (const e of run.events) if (MARKED.includes(e.type) && !firsts.has(e.type)) firsts.set(e.type, e.tick / TICKS_PER_SECOND);
  return {
    seconds: per.map((s) => s.t),
    hrr: { id: 'hrr', name: text('Công suất tỏa nhiệt', 'Heat release'), values: per.map((s) => pickRoom(s)?.hrr ?? 0) },
    flashover: { id: 'flashover', name: text('Ngưỡng bùng phát', 'Flashover threshold'), values: per.map((s) => pickRoom(s)?.fo ?? 0) },
    hotLayer: { id: 'hot', name: text('Lớp khói nóng', 'Hot layer'), values: per.map((s) => pickRoom(s)?.hot ?? 0) },
    air: scenario.crew.filter((c) => c.breathingSet).map((c) => {
      const k = scenario.crew.indexOf(c);
      return { id: c.id, name: c.name, values: per.map((s) => s.air[k] ?? 0) };
    }),
    airAlarm: breathingAlarm,
    dose: scenario.world.victims.map((v, k) => ({ id: v.id, name: v.name, values: per.map((s) => s.dose[k] ?? 0) })),
    marks: [...firsts.entries()].map(([type, second]) => ({ type, second })).sort((a, b) => a.second - b.second),
    run,
  };
}
