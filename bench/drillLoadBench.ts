/** Drill load benchmark: simulated crew written with @colyseus/sdk 0.18, in rooms of five, against the
 *  drill server in its own process (server and generator on different cores where taskset exists), each
 *  figure the median of repeated runs beside a minimal Colyseus room with the same clients, run in turn
 *  with it on the same server. Prints nothing itself; never asserts. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import { compared, type Figure } from './measure';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ROOM_SIZE = 5;

interface Sample {
  patchGaps: number[];
  /** Send -> the state shows the move taken (the crew member's goal set; the minimal room's position). */
  accepted: number[];
  /** Send -> the crew member stands in the new cell (at least one 400 ms walking step in the drill). */
  roundTrips: number[];
  bytes: number;
  cpuMs: number;
  seconds: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The server on core 0 and this generator on core 1, so that neither takes the other's time. Not while
 *  profiling: the profiler's sampling thread would then share the server's core and sample mostly idle. */
const PIN = existsSync('/usr/bin/taskset') && cpus().length >= 2 && !process.env.DRILL_BENCH_PROFILE;

async function startServer(): Promise<{ child: ChildProcess; url: string; cpu: () => Promise<number> }> {
  const pin = PIN ? ['/usr/bin/taskset', '-c', '0'] : [];
  // DRILL_BENCH_PROFILE=<folder> writes the server's V8 CPU profile there, to see where its time goes.
  const profile = process.env.DRILL_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-interval', '250', '--cpu-prof-dir', process.env.DRILL_BENCH_PROFILE] : [];
  const [cmd, ...args] = [...pin, process.execPath, ...profile, '--import', 'tsx', 'bench/drillLoadServer.ts'];
  const child = spawn(cmd ?? process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: unknown) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const cpu = (): Promise<number> =>
    new Promise((resolve) => {
      child.once('message', (m: unknown) => {
        const { user, system } = (m as { cpu: { user: number; system: number } }).cpu;
        resolve((user + system) / 1000);
      });
      child.send('cpu');
    });
  return { child, url, cpu };
}

interface Crew {
  room: Room;
  move(x: number): void;
  position(): number | undefined;
  /** The cell the crew member is heading for, as the state shows it. */
  goal(): number | undefined;
}

/** Opens rooms of five for `crewCount` simulated crew, each with a sixth client that only watches: the
 *  drill's instructor, and an observer in the minimal room so both serve the same connections. */
async function openRooms(client: Client, kind: 'drill' | 'minimal', crewCount: number): Promise<{ crew: Crew[]; others: Room[] }> {
  const crew: Crew[] = [];
  const others: Room[] = [];
  for (let r = 0; r < crewCount / ROOM_SIZE; r++) {
    if (kind === 'minimal') {
      // The same six connections as a drill room: an observer in the instructor's place, then the crew.
      const observer = await client.create('minimal');
      others.push(observer);
      const rooms = await Promise.all(Array.from({ length: ROOM_SIZE }, () => client.joinById(observer.roomId)));
      for (const room of rooms) {
        const me = (): { x: number } | undefined => (room.state as { players?: Map<string, { x: number }> }).players?.get(room.sessionId);
        // The minimal room moves a player on the message itself: accepted and arrived are one patch.
        crew.push({ room, move: (x) => room.send('move', { x }), position: () => me()?.x, goal: () => me()?.x });
      }
      continue;
    }
    const instructor = await client.create('drill', { scenarioId: 'bench-five-crew', instructorKey: randomBytes(16).toString('hex'), name: 'bench' });
    instructor.onMessage('fields', () => undefined);
    others.push(instructor);
    const rooms = await Promise.all(Array.from({ length: ROOM_SIZE }, (_, i) => client.joinById(instructor.roomId, { name: `crew ${i + 1}` })));
    rooms.forEach((room, i) => instructor.send('assignRole', { participantId: room.sessionId, crewId: `ff-${i + 1}` }));
    instructor.send('start');
    rooms.forEach((room, i) => {
      // Heat and smoke frames count towards the bytes; nothing here draws them.
      room.onMessage('fields', () => undefined);
      const crewId = `ff-${i + 1}`;
      const view = (): { x: number; goalX: number } | undefined => (room.state as { crew?: Map<string, { x: number; goalX: number }> }).crew?.get(crewId);
      crew.push({ room, move: (x) => room.send('intent', { type: 'moveTo', crewId, x, y: 13 }), position: () => view()?.x, goal: () => view()?.goalX });
    });
  }
  return { crew, others };
}

/** Each crew member moves one cell back and forth once a second, timing send -> move accepted and
 *  send -> its own position changed. */
async function measure(crew: Crew[], seconds: number, cpu: () => Promise<number>): Promise<Sample> {
  const sample: Sample = { patchGaps: [], accepted: [], roundTrips: [], bytes: 0, cpuMs: 0, seconds };
  const detach: (() => void)[] = [];
  for (const c of crew) {
    let last = 0;
    let pending: { x: number; at: number; accepted: boolean } | null = null;
    const listener = (): void => {
      const now = performance.now();
      if (last > 0) sample.patchGaps.push(now - last);
      last = now;
      if (pending && !pending.accepted && c.goal() === pending.x) {
        sample.accepted.push(now - pending.at);
        pending.accepted = true;
      }
      if (pending && c.position() === pending.x) {
        sample.roundTrips.push(now - pending.at);
        pending = null;
      }
    };
    c.room.onStateChange(listener);
    const ws = (c.room.connection.transport as { ws?: { addEventListener?: (t: string, f: (e: { data: unknown }) => void) => void } }).ws;
    ws?.addEventListener?.('message', (e) => {
      const d = e.data as { byteLength?: number; length?: number };
      sample.bytes += d.byteLength ?? d.length ?? 0;
    });
    const start = c.position() ?? 0;
    const timer = setInterval(() => {
      const x = c.position() === start ? start + 1 : start;
      pending = { x, at: performance.now(), accepted: false };
      c.move(x);
    }, 1000 + Math.floor(Math.random() * 100));
    detach.push(() => {
      clearInterval(timer);
      c.room.onStateChange.remove(listener);
    });
  }
  const cpu0 = await cpu();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  sample.cpuMs = (await cpu()) - cpu0;
  for (const d of detach) d();
  sample.bytes /= crew.length;
  return sample;
}

async function run(url: string, kind: 'drill' | 'minimal', crewCount: number, seconds: number, cpu: () => Promise<number>): Promise<Sample> {
  const client = new Client(url);
  const { crew, others } = await openRooms(client, kind, crewCount);
  // Let joins and the first full states settle before measuring.
  await new Promise((r) => setTimeout(r, 2000));
  const sample = await measure(crew, seconds, cpu);
  await Promise.all([...crew.map((c) => c.room), ...others].map((r) => r.leave().catch(() => undefined)));
  return sample;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

/** Figures for 200 and 500 crew, each the median over `repeats` runs of each room. The two rooms take
 *  turns (minimal, drill, drill, minimal, ...) so that load from elsewhere on a shared machine, rising or
 *  falling, weighs on both alike: one run of each was seen to move the CPU ratio by 0.8 on its own. */
export async function drillLoadBench(crewCounts: readonly number[] = [200, 500], seconds = 15, repeats = Number(process.env.DRILL_BENCH_REPEATS ?? 3)): Promise<Figure[]> {
  // Keep the generator off the server's core; -a moves this process's threads that already run.
  if (PIN) execFileSync('/usr/bin/taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  const server = await startServer();
  const figures: Figure[] = [];
  try {
    for (const n of crewCounts) {
      const samples: Record<'minimal' | 'drill', Sample[]> = { minimal: [], drill: [] };
      for (let r = 0; r < Math.max(1, repeats); r++) {
        const order: ('minimal' | 'drill')[] = r % 2 === 0 ? ['minimal', 'drill'] : ['drill', 'minimal'];
        for (const kind of order) samples[kind].push(await run(server.url, kind, n, seconds, server.cpu));
      }
      const both = (f: (s: Sample) => number): [number, number] => [median(samples.drill.map(f)), median(samples.minimal.map(f))];
      const cpu = (s: Sample): number => (s.cpuMs / (s.seconds * 1000)) * 100;
      const pairs = samples.drill.map((d, i) => cpu(d) / cpu(samples.minimal[i] ?? d));
      const note = `${n / ROOM_SIZE} rooms of ${ROOM_SIZE}; baseline: minimal room, same clients; median of ${samples.drill.length} runs each`;
      figures.push(
        compared(`drill ${n} crew: server CPU`, ...both(cpu), '% of a core', `${note}; ratio in each pair: ${pairs.map((p) => p.toFixed(2)).join(', ')}`),
        compared(`drill ${n} crew: patch interval p50`, ...both((s) => percentile(s.patchGaps, 50)), 'ms', note),
        compared(`drill ${n} crew: patch interval p99`, ...both((s) => percentile(s.patchGaps, 99)), 'ms', note),
        compared(`drill ${n} crew: intent accepted p99`, ...both((s) => percentile(s.accepted, 99)), 'ms', note),
        compared(`drill ${n} crew: intent accepted p50`, ...both((s) => percentile(s.accepted, 50)), 'ms', note),
        compared(`drill ${n} crew: position changed p99`, ...both((s) => percentile(s.roundTrips, 99)), 'ms', note),
        compared(`drill ${n} crew: bytes per client`, ...both((s) => s.bytes / s.seconds), 'B/s', note),
      );
    }
  } finally {
    server.child.send('stop');
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.table(await drillLoadBench(counts.length > 0 ? counts : undefined));
}
