/** A real server for the studio's browser tests, on its own port and data folder, with one station,
 *  an instructor and a trainee, so /studio can be signed in to. Start it in beforeAll, stop it after. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { hashPassword } from '../../server/auth/passwordHash';
import { openPgliteRunStore } from '../../server/store/PgliteRunStore';

export const STUDIO_PASSWORD = 'studio-e2e-2025';

export interface StudioServer {
  base: string;
  stop: () => Promise<void>;
}

/** A port nothing listens on now: the OS picks it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startStudioServer(): Promise<StudioServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fireground-studio-e2e-'));
  const store = await openPgliteRunStore(join(dataDir, 'pglite'));
  await store.migrate();
  await store.accounts.createUnit({ id: 'station', parentId: null, kind: 'department', name: 'Đội PCCC và CNCH Cầu Giấy' });
  const passwordHash = await hashPassword(STUDIO_PASSWORD);
  await store.accounts.createUser({ username: 'hlv', displayName: 'Huấn luyện viên Lê Văn Hùng', role: 'instructor', unitId: 'station', passwordHash });
  await store.accounts.createUser({ username: 'hocvien', displayName: 'Học viên Trần An', role: 'trainee', unitId: 'station', passwordHash });
  await store.close();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('Fireground is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`studio e2e server exited:\n${log}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens /studio in `lang` and signs in as `username`. */
export async function signInToStudio(page: Page, base: string, username: string, lang: 'vi' | 'en'): Promise<void> {
  await page.goto(`${base}/`);
  await page.evaluate((l) => localStorage.setItem('fireground.lang', l), lang);
  await page.goto(`${base}/studio`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(STUDIO_PASSWORD);
  await page.locator('form.dashboard-signin button[type="submit"]').click();
}
