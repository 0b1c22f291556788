/** The game's routes end to end, like a trainee: catalogue with filters, briefing, the kitchen played
 *  to a pass with real mouse and keys, the debrief with evidence and charts, the replay with its
 *  timeline and a "what if" fork; a language switch mid-run; offline play whose run uploads once the
 *  network returns; axe on every DOM page in Vietnamese and English. Screenshots go to artifacts. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, playKitchenExpert, tickNow, waitForGame } from './kitchenPath';

const KITCHEN_VI = 'Cháy chảo dầu trong bếp căn hộ';

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

async function noSeriousAxe(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

test('catalogue, briefing, play to a pass, debrief with evidence and charts, replay and a what-if fork', async ({ page }) => {
  await page.goto('/scenarios');
  await expect(page.getByRole('heading', { level: 1, name: 'Danh mục tình huống' })).toBeVisible();
  await expect(page.getByTestId('try-next')).toBeVisible();
  const card = page.locator('[data-scenario-id="apartment-kitchen-oil"]');
  await expect(card).toBeVisible();
  await page.getByTestId('filter-difficulty').selectOption('1');
  await expect(card).toBeVisible();
  await expect(page.locator('[data-scenario-id="tube-house-motorbikes"]')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/catalogue.png`, fullPage: true });

  await card.getByRole('link').click();
  await expect(page).toHaveURL(/\/briefing\/apartment-kitchen-oil$/);
  await expect(page.getByRole('heading', { level: 1, name: KITCHEN_VI })).toBeVisible();
  await expect(page.getByTestId('dispatch')).toContainText('Cháy bếp căn hộ tầng 5');
  await expect(page.getByTestId('briefing-objectives')).toContainText('Khóa van bình gas');
  await page.screenshot({ path: `${ARTIFACTS}/briefing.png`, fullPage: true });

  await page.getByTestId('start').click();
  await waitForGame(page);
  await playKitchenExpert(page);
  const endScreen = page.getByTestId('end-screen');
  await expect(page.getByTestId('client-score')).toHaveText('Điểm: 100%');
  await expect(page.getByTestId('server-score')).toBeVisible({ timeout: 20_000 });

  await endScreen.getByRole('link', { name: 'Rút kinh nghiệm' }).click();
  await expect(page).toHaveURL(/\/debrief\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('debrief-score')).toHaveText('Điểm: 100%');
  for (const id of ['no-water-on-oil', 'fire-out-in-time', 'gas-isolated']) await expect(page.locator(`[data-criterion="${id}"]`)).toContainText('Đạt');
  await expect(page.getByTestId('charts').locator('svg')).toHaveCount(3);
  await expect(page.getByTestId('charts')).toContainText('khóa van');
  await page.screenshot({ path: `${ARTIFACTS}/debrief.png`, fullPage: true });
  await noSeriousAxe(page, 'debrief vi');

  // The evidence of the valve criterion opens the replay at that moment.
  await page.getByTestId('evidence-gas-isolated').click();
  await expect(page).toHaveURL(/\/replay\/[0-9a-f-]{36}\?t=\d+$/);
  await page.waitForFunction(() => (window as Window & { __fireground?: { tick(): number } }).__fireground !== undefined);
  const at = Number(new URL(page.url()).searchParams.get('t'));
  await expect.poll(() => tickNow(page)).toBe(at);
  await page.getByTestId('replay-toggle').click();
  await expect.poll(() => tickNow(page)).toBeGreaterThan(at);
  await page.getByTestId('replay-toggle').click();
  const scrub = page.getByTestId('scrub');
  await scrub.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => tickNow(page)).toBe(0);
  for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => tickNow(page)).toBe(20);
  await page.screenshot({ path: `${ARTIFACTS}/replay.png`, fullPage: true });

  await page.getByTestId('fork').click();
  await expect(page).toHaveURL(/\/play\/apartment-kitchen-oil\?fork=/);
  await waitForGame(page);
  expect(await tickNow(page), 'the fork starts at the moment chosen, not at zero').toBeGreaterThanOrEqual(20);
});

test('the language switches mid-run and the run still ends in a pass', async ({ page }) => {
  await page.goto('/play/apartment-kitchen-oil');
  await waitForGame(page);
  await expect(page.getByTestId('hud-phase')).toHaveText(/Trinh sát|Tấn công dập lửa|Điều phối/);
  await playKitchenExpert(page, async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Crew' })).toBeVisible();
    await expect(page.getByTestId('hud-extinguisher')).toContainText('Wet chemical');
  });
  await expect(page.getByTestId('client-score')).toHaveText('Score: 100%');
  await expect(page.getByTestId('end-screen')).toContainText('Scenario complete');
});

test('offline: the game plays without a network and the run uploads exactly once when it returns', async ({ page, context }) => {
  await page.goto('/scenarios');
  // The worker must own the page before going offline, or nothing would be cached yet.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  // After the reload the worker controls the page; without that nothing would be served offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Visit play once online so its chunks are fetched through the worker too.
  await page.goto('/play/apartment-kitchen-oil');
  await waitForGame(page);

  await context.setOffline(true);
  await page.goto('/scenarios');
  await expect(page.getByRole('heading', { level: 1, name: 'Danh mục tình huống' })).toBeVisible();
  await page.locator('[data-scenario-id="apartment-kitchen-oil"]').getByRole('link').click();
  await page.getByTestId('start').click();
  await waitForGame(page);
  await playKitchenExpert(page);
  await expect(page.getByTestId('upload-queued')).toBeVisible({ timeout: 20_000 });
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-pending', '1');
  await expect(badge).toHaveAttribute('data-phase', 'offline');

  const uploads: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/runs') && uploads.push(r.url()));
  await context.setOffline(false);
  await expect(badge).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
  await expect(page.getByTestId('server-score')).toBeVisible({ timeout: 20_000 });
  const runId = await page.getByTestId('server-score').getAttribute('data-run-id');
  // The drain that uploaded has finished (idle, nothing pending): any retry would have been sent by now.
  await expect(badge).toHaveAttribute('data-phase', 'idle');
  expect(uploads.length, 'one upload, not one per retry or per tab').toBe(1);
  const runs = await (await page.request.get('/api/runs')).json() as { id: string }[];
  expect(runs.filter((r) => r.id === runId)).toHaveLength(1);
});

test('axe finds no serious or critical violations on the DOM pages in Vietnamese and English', async ({ page }) => {
  for (const lang of ['vi', 'en'] as const) {
    await page.goto('/');
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    for (const path of ['/', '/scenarios', '/briefing/apartment-kitchen-oil', '/briefing/tube-house-motorbikes', '/results']) {
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await noSeriousAxe(page, `${path} ${lang}`);
    }
    await page.goto('/play/apartment-kitchen-oil');
    await waitForGame(page);
    await noSeriousAxe(page, `play ${lang}`);
  }
});
