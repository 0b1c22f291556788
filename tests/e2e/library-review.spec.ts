/** The scenario library end to end, in Chromium against a real server: an instructor copies a scenario
 *  in the studio, proves it and submits it; a reviewer returns it with a comment on /review; the
 *  instructor sees the comment, fixes the draft and resubmits; the reviewer publishes it to the
 *  station's province; a trainee there finds it in the catalogue, opens it and uploads a run that
 *  the server verifies; a trainee in another province never sees it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createRun, expertBot, playWithBot, toRunRecord, validateScenario } from '../../engine/index';
import { hashPassword } from '../../server/auth/passwordHash';
import { openPgliteRunStore } from '../../server/store/PgliteRunStore';

const PASSWORD = 'library-e2e-2025';
/** The studio names a copy `<id>-ban-sao-<suffix>`. */
const COPY_PREFIX = 'apartment-kitchen-oil-ban-sao';
let base = '';
let child: ChildProcess | null = null;
let dataDir = '';

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

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'fireground-library-e2e-'));
  const store = await openPgliteRunStore(join(dataDir, 'pglite'));
  await store.migrate();
  const a = store.accounts;
  await a.createUnit({ id: 'c07', parentId: null, kind: 'department', name: 'Cục Cảnh sát PCCC và CNCH' });
  await a.createUnit({ id: 'pc07-hn', parentId: 'c07', kind: 'provincial', name: 'Phòng PCCC và CNCH Hà Nội' });
  await a.createUnit({ id: 'hn-cau-giay', parentId: 'pc07-hn', kind: 'station', name: 'Đội Cầu Giấy' });
  await a.createUnit({ id: 'pc07-hcm', parentId: 'c07', kind: 'provincial', name: 'Phòng PCCC và CNCH Hồ Chí Minh' });
  await a.createUnit({ id: 'hcm-quan-1', parentId: 'pc07-hcm', kind: 'station', name: 'Đội Quận 1' });
  const passwordHash = await hashPassword(PASSWORD);
  await a.createUser({ username: 'hlv', displayName: 'Huấn luyện viên Hùng', role: 'instructor', unitId: 'hn-cau-giay', passwordHash });
  await a.createUser({ username: 'quanly', displayName: 'Quản lý Hà Nội', role: 'manager', unitId: 'pc07-hn', passwordHash });
  await a.createUser({ username: 'hocvien', displayName: 'Học viên An', role: 'trainee', unitId: 'hn-cau-giay', passwordHash });
  await a.createUser({ username: 'hocvien.xa', displayName: 'Học viên Xa', role: 'trainee', unitId: 'hcm-quan-1', passwordHash });
  await store.close();
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('Fireground is running')) resolve();
    };
    started.stdout.on('data', onData);
    started.stderr.on('data', onData);
    started.once('exit', () => reject(new Error(`library e2e server exited:\n${log}`)));
  });
  base = `http://127.0.0.1:${port}`;
});
test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page in its own browser context (its own cookies), English, signed in as `username`. */
async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.evaluate(() => localStorage.setItem('fireground.lang', 'en'));
  const login = await page.request.post(`${base}/api/auth/login`, { data: { username, password: PASSWORD }, headers: { origin: base } });
  expect(login.status()).toBe(200);
  return page;
}

async function proveAndSubmit(page: Page, version: number): Promise<void> {
  await page.getByRole('tab', { name: 'Proofs' }).click();
  await page.getByRole('button', { name: 'Run the ghost run', exact: true }).click();
  await expect(page.getByTestId('ghost-verdict')).toHaveAttribute('data-ok', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('submit-ready')).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('library-message')).toContainText(`Submitted as version ${version}`, { timeout: 60_000 });
  await expect(page.getByTestId('library-status')).toContainText(`Version ${version} is waiting for a reviewer`);
}

test('an incident goes from the studio through review to the trainees of one province only', async ({ browser }) => {
  test.setTimeout(420_000);
  // The instructor copies the kitchen incident, proves it and submits it.
  const instructor = await signedIn(browser, 'hlv');
  await instructor.goto(`${base}/studio`);
  await instructor.getByRole('button', { name: /^Copy: .*kitchen/i }).first().click();
  await expect(instructor.locator('canvas.plan-canvas')).toBeVisible({ timeout: 60_000 });
  await proveAndSubmit(instructor, 1);

  // The reviewer finds it waiting and returns it with a comment.
  const reviewer = await signedIn(browser, 'quanly');
  await reviewer.goto(`${base}/review`);
  await reviewer.getByTestId('review-queue').getByRole('link', { name: new RegExp(`^${COPY_PREFIX}`) }).click();
  const copyId = ((await reviewer.locator('#review-scenario').textContent()) ?? '').trim();
  expect(copyId.startsWith(COPY_PREFIX)).toBe(true);
  await expect(reviewer.getByTestId('review-ghost')).toContainText('Expert bot');
  await expect(reviewer.getByTestId('review-status')).toContainText('Version 1 is waiting');
  await reviewer.getByRole('textbox', { name: 'Comment' }).fill('Give the title the street name.');
  await reviewer.getByRole('button', { name: 'Return with comment' }).click();
  await expect(reviewer.getByTestId('review-status')).toContainText('Version 1 was returned');

  // The instructor sees the comment, renames the incident and resubmits.
  await instructor.reload();
  await instructor.getByRole('button', { name: /^Open: / }).first().click();
  await instructor.getByRole('tab', { name: 'Proofs' }).click();
  await expect(instructor.getByTestId('library-comments')).toContainText('Give the title the street name.');
  await instructor.getByRole('tab', { name: 'Scenario settings' }).click();
  const titleEn = instructor.locator('fieldset[data-path="$.title"] input').nth(1);
  await titleEn.fill('Kitchen oil fire on Trần Duy Hưng street');
  await titleEn.press('Tab');
  await proveAndSubmit(instructor, 2);

  // The reviewer publishes version 2 to the station's province.
  await reviewer.reload();
  await expect(reviewer.getByTestId('review-status')).toContainText('Version 2 is waiting');
  await expect(reviewer.getByTestId('review-history')).toContainText('Give the title the street name.');
  await reviewer.getByLabel('Publish to').selectOption('pc07-hn');
  await reviewer.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(reviewer.getByTestId('review-status')).toContainText('Version 2 is published');
  await reviewer.screenshot({ path: 'test-results/library-review.png' });

  // A trainee of the station finds it, opens it and uploads a run the server verifies.
  const trainee = await signedIn(browser, 'hocvien');
  await trainee.goto(`${base}/scenarios`);
  await expect(trainee.getByText('Kitchen oil fire on Trần Duy Hưng street')).toBeVisible({ timeout: 30_000 });
  await trainee.goto(`${base}/play/${copyId}`);
  await expect(trainee.locator('canvas').first()).toBeVisible({ timeout: 90_000 });
  const served = await trainee.request.get(`${base}/api/scenarios/${copyId}`);
  const loaded = validateScenario(await served.json());
  if (!loaded.ok) throw new Error('the published scenario does not load');
  const record = toRunRecord(playWithBot(createRun(loaded.scenario, 11), expertBot), randomUUID());
  const uploaded = await trainee.request.post(`${base}/api/runs`, { data: record, headers: { origin: base } });
  expect(uploaded.status()).toBe(201);
  expect(await uploaded.json()).toMatchObject({ status: 'verified', passed: true });

  // A trainee in another province never sees it.
  const far = await signedIn(browser, 'hocvien.xa');
  await far.goto(`${base}/scenarios`);
  await expect(far.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(far.getByText(/burning pan of oil/i).first()).toBeVisible();
  await expect(far.getByText('Kitchen oil fire on Trần Duy Hưng street')).toHaveCount(0);
  expect((await far.request.get(`${base}/api/scenarios/${copyId}`)).status()).toBe(404);
});
