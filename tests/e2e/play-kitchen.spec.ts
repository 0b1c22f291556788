/** End to end, like a trainee: open the landing page, pick the kitchen scenario, play the expert path
 *  with the real mouse and keyboard, read the end screen, then find the server-scored run in results.
 *  Reads window.__fireground only to aim the mouse and to wait; it never drives the run through it. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { FiregroundTestHook } from '../../client/game/testHook';

type HookWindow = Window & { __fireground?: FiregroundTestHook };

const ARTIFACTS = 'test-results/artifacts';
const KITCHEN_VI = 'Cháy chảo dầu trong bếp căn hộ';
/** Letters with stacked marks: the ones that clip first when a font lacks Vietnamese. */
const STACKED = /[ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]/gu;

const crewAt = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null);
const tickNow = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.tick() ?? -1);

async function clickCell(page: Page, x: number, y: number): Promise<void> {
  const p = await page.evaluate(([cx, cy]) => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null, [x, y] as const);
  if (!p) throw new Error('the play scene is not running');
  await page.mouse.click(p.x, p.y);
}

async function waitForCrewAt(page: Page, x: number, y: number): Promise<void> {
  await expect.poll(() => crewAt(page), { timeout: 40_000, message: `crew should reach (${x},${y})` }).toEqual({ x, y });
}

/** Waits until the run has advanced at least `ticks` ticks, so an intent pressed before has been applied. */
async function waitTicks(page: Page, ticks: number): Promise<void> {
  const from = await tickNow(page);
  await expect.poll(() => tickNow(page)).toBeGreaterThanOrEqual(from + ticks);
}

test('a trainee plays the kitchen fire with the expert path and finds the server score in results', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Fireground' })).toBeVisible();
  await expect(page.getByRole('heading', { name: KITCHEN_VI })).toBeVisible();
  expect(requested.filter((u) => /phaser/i.test(u)), 'the landing page must not load Phaser').toEqual([]);
  // A first visit has no saved runs, so the header's sync badge leaves the outbox (Dexie) unloaded.
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-phase', 'idle');
  expect(requested.filter((u) => /outbox|dexie/i.test(u)), 'a first visit to the landing page must not load the outbox').toEqual([]);

  await page.getByRole('link', { name: new RegExp(KITCHEN_VI) }).click();
  await expect(page).toHaveURL(/\/briefing\/apartment-kitchen-oil$/);
  expect(requested.filter((u) => /phaser/i.test(u)), 'the briefing must not load Phaser').toEqual([]);
  await page.getByTestId('start').click();
  await expect(page).toHaveURL(/\/play\/apartment-kitchen-oil$/);
  await page.waitForFunction(() => ((window as HookWindow).__fireground?.tick() ?? 0) > 0);
  expect(requested.some((u) => /phaser/i.test(u)), 'the play route loads Phaser').toBe(true);
  expect(await crewAt(page)).toEqual({ x: 14, y: 13 });

  // Open the apartment door right in front of the crew, then walk to the gas cylinder.
  await page.keyboard.press('F');
  await waitTicks(page, 2);
  await clickCell(page, 2, 3);
  await waitForCrewAt(page, 2, 3);

  // Shut the LPG valve, pick the wet chemical extinguisher, attack the pan.
  await page.keyboard.press('V');
  await waitTicks(page, 1);
  await page.keyboard.press('2');
  await waitTicks(page, 1);
  await page.keyboard.press('E');
  await expect(page.getByTestId('hud-extinguisher')).toContainText('Hóa chất ướt');
  await page.screenshot({ path: `${ARTIFACTS}/play.png` });

  // A person keeps squeezing until the fire is out: press E again whenever the discharge stopped.
  const endScreen = page.getByTestId('end-screen');
  for (let k = 0; k < 60 && !(await endScreen.isVisible()); k++) {
    const discharging = await page.getByTestId('hud-extinguisher').textContent();
    const fire = await page.getByTestId('hud-fire').textContent();
    if (!discharging?.includes('Đang phun') && !fire?.includes('Không có đám cháy')) await page.keyboard.press('E');
    await page.waitForTimeout(1000);
  }
  await expect(endScreen).toBeVisible({ timeout: 60_000 });
  await expect(endScreen.getByText('Hoàn thành tình huống')).toBeVisible();
  for (const id of ['no-water-on-oil', 'fire-out-in-time', 'gas-isolated']) {
    await expect(endScreen.locator(`[data-criterion="${id}"]`)).toContainText('Đạt');
  }
  await expect(page.getByTestId('client-score')).toHaveText('Điểm: 100%');

  const server = page.getByTestId('server-score');
  await expect(server).toBeVisible({ timeout: 20_000 });
  const runId = await server.getAttribute('data-run-id');
  const serverPercent = await server.getAttribute('data-percent');
  expect(runId).toBeTruthy();
  expect(serverPercent).toBe('100');
  await expect(server).toContainText(`${serverPercent}%`);
  await page.screenshot({ path: `${ARTIFACTS}/end.png` });

  await endScreen.getByRole('link', { name: 'Xem kết quả' }).click();
  await expect(page).toHaveURL(/\/results$/);
  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('[data-col="percent"]')).toHaveText(`${serverPercent}%`);
  await expect(row).toContainText(KITCHEN_VI);
  await expect(row).toContainText('Đã xác thực');
  await page.screenshot({ path: `${ARTIFACTS}/results.png` });
});

test('the language switches to English and back, and Vietnamese diacritics stay intact in the DOM', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByText('Huấn luyện chữa cháy và cứu nạn, cứu hộ trên trình duyệt')).toBeVisible();
  await expect(page.getByRole('heading', { name: KITCHEN_VI })).toBeVisible();
  const viText = (await page.locator('body').innerText()).normalize('NFC');
  expect(new Set(viText.match(STACKED)).size, 'several stacked-diacritic letters are on the page').toBeGreaterThanOrEqual(5);
  expect(viText).toContain('Độ khó');
  await page.screenshot({ path: `${ARTIFACTS}/landing-vi.png`, fullPage: true });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Fire and rescue training in the browser')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Apartment kitchen: burning pan of oil' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Fire and rescue training in the browser'), 'the choice survives a reload').toBeVisible();

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: KITCHEN_VI })).toBeVisible();
  const back = (await page.locator('body').innerText()).normalize('NFC');
  expect(back).toContain('Huấn luyện chữa cháy');
});
