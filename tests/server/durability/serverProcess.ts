/** Starts the real server (`node --import tsx server/main.ts`) as a child process on a free port, for
 *  tests that kill it. Never kills anything it did not start. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the server prints that it is running. */
  ready: Promise<string>;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>;
  output(): string;
}

/** `env` is added to this process's environment; PORT=0 and HOST=127.0.0.1 unless given. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  // process.execPath: the Node that runs the tests (the project pins Node 24), not whatever is on PATH.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    // The durability tests send hundreds of uploads from one address; the upload limits are not what they test.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', UPLOADS_PER_ADDRESS: '100000', UPLOADS_PER_ACCOUNT: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      const match = /Fireground is running at (\S+)/.exec(log);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the server exited before it was ready (code ${String(child.exitCode)}, signal ${String(child.signalCode)}):\n${log}`)));
  });
  // A kill before readiness is a normal outcome for callers that only await `exited`.
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => log };
}

/** SIGKILL: no handler runs, nothing is flushed or closed; then waits for the exit. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** SIGTERM: main.ts closes the server and the store cleanly. */
export async function stopGently(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}
