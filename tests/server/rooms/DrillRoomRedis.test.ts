/** Two real server processes (`node --import tsx server/main.ts`) sharing rooms through the real
 *  redis-server (REDIS_URL, default 127.0.0.1:6379): a drill opened through one, a trainee joining
 *  through the other, and the drill running to its debrief. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KITCHEN } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, waitForState, type DrillClient } from './drillClients';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Proc {
  child: ChildProcess;
  url: string;
  dataDir: string;
}

/** Starts one server process on `port` and resolves once it says it is running. */
function startProcess(port: number): Promise<Proc> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fireground-drill-'));
  // Each process keeps results in its own embedded store; the rooms are what they share.
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, REDIS_URL, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Fireground is running at')) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, dataDir });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}:\n${output}`)));
  });
}

function stopProcess(p: Proc | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.child.once('exit', () => {
      rmSync(p.dataDir, { recursive: true, force: true });
      resolve();
    });
    p.child.kill('SIGTERM');
  });
}

/** A port the system has just handed out as free: listen on port 0, read it, let it go. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('the system gave no port'))));
    });
  });
}

let a: Proc | undefined;
let b: Proc | undefined;
beforeAll(async () => {
  // Each process must know its port before it starts (it announces it as its public address).
  const [portA, portB] = [await freePort(), await freePort()];
  [a, b] = await Promise.all([startProcess(portA), startProcess(portB)]);
}, 90_000);
afterAll(async () => {
  await Promise.all([stopProcess(a), stopProcess(b)]);
});

describe('drills across two processes over Redis', () => {
  it('opens a drill through one process, takes a trainee in through the other, and finishes it', { timeout: 90_000 }, async () => {
    if (!a || !b) throw new Error('servers did not start');
    const instructor = await openDrill(new Client(a.url), KITCHEN);
    const rooms: DrillClient[] = [instructor.room];
    try {
      const trainee = await joinDrill(new Client(b.url), instructor.room.roomId, 'Lan');
      rooms.push(trainee.room);
      expect(trainee.room.roomId).toBe(instructor.room.roomId);
      await waitForState(instructor.room, (s) => s.participants.size === 2, 'the trainee in the lobby');

      instructor.room.send('assignRole', { participantId: trainee.room.sessionId, crewId: 'ff-1' });
      await waitForState(trainee.room, () => crewOf(trainee.room) === 'ff-1', 'ff-1 to the trainee');
      instructor.room.send('start');
      await waitForState(trainee.room, (s) => s.status === 'running' && s.tick > 1, 'the drill to run');
      const goal = { x: (trainee.room.state.crew.get('ff-1')?.x ?? 0) - 2, y: trainee.room.state.crew.get('ff-1')?.y ?? 0 };
      trainee.room.send('intent', { type: 'moveTo', crewId: 'ff-1', ...goal });
      await waitForState(instructor.room, (s) => s.crew.get('ff-1')?.x === goal.x, 'the trainee to move ff-1');

      // The trainee steps back and the doctrine bot finishes the job: the drill completes on its own.
      instructor.room.send('assignRole', { participantId: trainee.room.sessionId, crewId: null });
      const [d1, d2] = await Promise.all([instructor.inbox.nextDebrief(60_000), trainee.inbox.nextDebrief(60_000)]);
      expect(d1).toEqual(d2);
      expect(d1).toMatchObject({ stored: true, status: 'verified' });
      expect(d1.team?.passed).toBe(true);
      expect(d1.scores[trainee.room.sessionId]).toBeTruthy();
      await waitForState(trainee.room, (s) => s.endReason === 'complete', 'complete');
    } finally {
      await leaveAll(rooms);
    }
  });
});
