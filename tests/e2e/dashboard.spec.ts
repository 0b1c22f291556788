/** The dashboard in Chromium against its own real server, whose fresh data folder holds a month of the
 *  demo organisation: a manager signs in, filters, drills down to a run's replay and downloads an XLSX
 *  that opens with the expected rows; a trainee cannot reach it; axe in Vietnamese and English. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seedDemo';
import { loadScenarioCatalogue } from '../../server/scenarioCatalogue';
import { openPgliteRunStore } from '../../server/store/PgliteRunStore';

// Its own port and data folder: the shared e2e server's store has no organisation in it.
const PORT = Number(process.env.E2E_PORT ?? 2580) + 11;
const BASE = `http://127.0.0.1:${PORT}`;
let dataDir = '';
let server: ChildProcess | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dataDir = mkdtempSync(join(tmpdir(), 'fireground-dashboard-e2e-'));
  const store = await openPgliteRunStore(join(dataDir, 'pglite'));
  await store.migrate();
  await seedDemo(store, loadScenarioCatalogue(), new Date(), 1);
  await store.close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('Fireground is running')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => reject(new Error(`dashboard e2e server exited:\n${log}`)));
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE}/dashboard`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form.dashboard-signin button[type="submit"]').click();
}

async function noSeriousAxe(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

test('a manager signs in, filters, drills down to a run replay and downloads an XLSX', async ({ page }) => {
  await signIn(page, 'quanly.hn');
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều khiển huấn luyện' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Năng lực theo đơn vị' })).toBeVisible();

  await page.locator('select[name="unitId"]').selectOption('hn-cau-giay');
  const heatmap = page.locator('table.heatmap tbody tr');
  await expect(heatmap).toHaveCount(1);
  await heatmap.getByRole('button').click();
  await expect(page.getByRole('heading', { name: /Học viên của/ })).toBeVisible();
  const trainees = page.locator('section[aria-labelledby="drilldown"] tbody tr');
  await expect(trainees.first()).toBeVisible();
  for (let i = 0; i < (await trainees.count()); i++) {
    // The first trainee who trained this month (the runs column is the first data cell).
    if ((await trainees.nth(i).locator('td').first().textContent()) === '0') continue;
    await trainees.nth(i).getByRole('button').click();
    break;
  }
  const firstRun = page.locator('.run-list li').first();
  await expect(firstRun).toBeVisible();
  const runId = await firstRun.getAttribute('data-run-id');
  await firstRun.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/replay/${runId ?? 'missing'}$`));
  // The run was never on this browser: the replay loads it from the server, within the manager's scope.
  await expect(page.getByTestId('replay')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('scrub')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Xu hướng theo tháng' })).toBeVisible();
  await page.locator('select[name="unitId"]').selectOption('hn-cau-giay');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-competencies').click()]);
  expect(download.suggestedFilename()).toBe('fireground-competencies.xlsx');
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(readFileSync(file)).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual(['Đơn vị', 'Năng lực', 'Đạt', 'Tổng', 'Tỷ lệ đạt (%)']);
  expect(rows.length).toBeGreaterThan(1);
  expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['Đội Cảnh sát PCCC và CNCH quận Cầu Giấy']));
});

test('a trainee cannot reach the dashboard', async ({ page }) => {
  await signIn(page, 'cb.an');
  await expect(page.getByRole('alert')).toContainText('Tài khoản học viên không xem được');
  await expect(page.locator('table')).toHaveCount(0);
  const api = await page.request.get(`${BASE}/api/dashboard/trends`);
  expect(api.status()).toBe(403);
});

test('a trainee changes their password: a common one is refused in Vietnamese, a good one works', async ({ page }) => {
  await signIn(page, 'cb.binh');
  await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeVisible();
  const fill = async (current: string, next: string, repeat = next): Promise<void> => {
    await page.locator('input[name="currentPassword"]').fill(current);
    await page.locator('input[name="newPassword"]').fill(next);
    await page.locator('input[name="repeatPassword"]').fill(repeat);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  };
  await fill(DEMO_PASSWORD, '123456789012');
  await expect(page.getByRole('alert')).toContainText('kẻ tấn công thử đầu tiên');
  await fill(DEMO_PASSWORD, 'vòi chữa cháy số hai', 'vòi chữa cháy số ba');
  await expect(page.getByRole('alert')).toContainText('không khớp');
  await fill(DEMO_PASSWORD, 'vòi chữa cháy số hai');
  await expect(page.locator('form.dashboard-signin [role="status"]')).toContainText('Đã đổi mật khẩu');
  await noSeriousAxe(page, 'password page vi');
  const old = await page.request.post(`${BASE}/api/auth/login`, { data: { username: 'cb.binh', password: DEMO_PASSWORD } });
  expect(old.status()).toBe(401);
  const fresh = await page.request.post(`${BASE}/api/auth/login`, { data: { username: 'cb.binh', password: 'vòi chữa cháy số hai' } });
  expect(fresh.status()).toBe(200);
});

test('axe finds no serious or critical violations on the dashboard in Vietnamese and English', async ({ page }) => {
  await signIn(page, 'quanly.hcm');
  await expect(page.locator('table.heatmap')).toBeVisible();
  await noSeriousAxe(page, 'dashboard vi');
  await page.evaluate(() => localStorage.setItem('fireground.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Training dashboard' })).toBeVisible();
  await expect(page.locator('table.heatmap')).toBeVisible();
  await noSeriousAxe(page, 'dashboard en');
  await expect(page.getByRole('button', { name: 'Print monthly report' })).toBeVisible();
});
