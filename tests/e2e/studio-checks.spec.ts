/** The studio's guard rails in Chromium against a real server: trainees are turned away; an imported
 *  file with faults opens with every fault in the list and each one leads to its element; a background
 *  that is not an image, or is over 10 MB, is refused and changes nothing; undo and redo by keyboard;
 *  the draft survives a reload and leaving warns; no serious axe violations in either language; the
 *  layout at 1366 x 768 and on a tablet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Actions } from './studioActions';
import { signInToStudio, startStudioServer, type StudioServer } from './studioServer';

let server: StudioServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  // Its own server with an instructor and a trainee; starting it can be slow on a busy machine.
  test.setTimeout(300_000);
  server = await startStudioServer();
});
test.afterAll(async () => server.stop());

const tubeHouse = (): Record<string, unknown> => JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/tube-house-motorbikes.scenario.json'), 'utf8')) as Record<string, unknown>;

async function noSeriousAxe(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

async function openTemplate(page: Page, name: RegExp): Promise<void> {
  await page.locator('button.template-card').filter({ hasText: name }).click();
  await expect(page.locator('canvas.plan-canvas')).toBeVisible();
  await expect(page.getByTestId('issue-count')).toHaveText('0', { timeout: 20_000 });
}

test('a trainee is turned away from the studio', async ({ page }) => {
  await signInToStudio(page, server.base, 'hocvien', 'vi');
  await expect(page.getByRole('alert')).toContainText('Tài khoản học viên không soạn được tình huống');
  await expect(page.getByRole('button', { name: /Mặt bằng trống/ })).toHaveCount(0);
});

test('a file with faults opens with each fault listed at its path, and each leads to its element', async ({ page }) => {
  await signInToStudio(page, server.base, 'hlv', 'en');
  const s = tubeHouse() as { world: { items: Record<string, unknown>[]; victims: Record<string, unknown>[]; floors: { rows: string[] }[] }; crew: Record<string, unknown>[]; rubric: { criteria: Record<string, unknown>[] }; statechart: { states: Record<string, { on?: Record<string, unknown> }> } };
  s.world.items[0] = { ...s.world.items[0], peakKW: -10 };
  s.world.victims[0] = { ...s.world.victims[0], x: 0, y: 0 };
  s.crew[0] = { ...s.crew[0], floor: 'attic' };
  s.rubric.criteria[0] = { ...s.rubric.criteria[0], weight: 0 };
  s.statechart.states.sizeUp = { on: { TICK: { target: 'nowhere' } } };
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) });
  await expect(page.locator('canvas.plan-canvas')).toBeVisible();
  const list = page.locator('.issues li button.issue');
  await expect(list.first()).toBeVisible({ timeout: 20_000 });
  const paths = await list.locator('code').allTextContents();
  expect(paths).toEqual(expect.arrayContaining(['$.world.items[0].peakKW', '$.rubric.criteria[0].weight']));
  // Each issue, chosen, brings its element into view and focus.
  for (let i = 0; i < paths.length; i++) {
    await list.nth(i).click();
    const flashed = page.locator('.flash');
    await expect(flashed, `issue ${paths[i] ?? ''}`).toHaveCount(1);
    await expect(flashed).toBeInViewport();
  }
  await list.filter({ hasText: '$.world.items[0].peakKW' }).click();
  const peak = page.locator('[data-path="$.world.items[0].peakKW"]');
  await expect(peak).toBeFocused();
  await expect(peak).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/studio-issues-en.png' });
  await noSeriousAxe(page, 'import with faults');
});

test('a background that is not an image or is over 10 MB is refused, and a picture can be scaled', async ({ page }) => {
  await signInToStudio(page, server.base, 'hlv', 'vi');
  await openTemplate(page, /Căn hộ/);
  await page.getByRole('tab', { name: 'Ảnh nền' }).click();
  const revision = await page.getByTestId('issue-count').textContent();
  await page.getByTestId('background-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert')).toContainText('“notes.txt” không phải tệp ảnh');
  await page.getByTestId('background-file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
  await expect(page.getByRole('alert')).toContainText('“huge.png” lớn hơn 10 MB');
  await expect(page.getByRole('slider')).toHaveCount(0);
  expect(await page.getByTestId('issue-count').textContent()).toBe(revision);
  // A real (small) picture loads, then two points 10 cells apart are told to be 5 m: the scale holds.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4sWUaVsQwtCQA0kWEgQC+twsAAAAASUVORK5CYII=', 'base64');
  await page.getByTestId('background-file').setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('slider')).toBeVisible();
  await page.getByRole('button', { name: 'Đặt tỷ lệ: nhấp hai điểm' }).click();
  const act = new Actions(page);
  await act.clickCell(2, 2);
  await act.clickCell(12, 2);
  await page.getByRole('textbox', { name: 'Khoảng cách giữa hai điểm (m)' }).fill('5');
  await page.getByRole('button', { name: 'Áp dụng tỷ lệ' }).click();
  await expect(page.getByRole('textbox', { name: 'Khoảng cách giữa hai điểm (m)' })).toHaveCount(0);
});

test('undo and redo by keyboard: one stroke is one step', async ({ page }) => {
  await signInToStudio(page, server.base, 'hlv', 'en');
  await openTemplate(page, /Apartment/);
  const act = new Actions(page);
  // A stair drawn in one stroke on the only floor leads nowhere: two cells, one step, issues appear.
  await act.key('0');
  await act.key('p');
  await act.drag([14, 3], [16, 3]);
  await expect(page.getByTestId('issue-count')).toHaveText('3');
  await act.key('Control+z');
  await expect(page.getByTestId('issue-count')).toHaveText('0');
  await act.key('Control+Shift+z');
  await expect(page.getByTestId('issue-count')).toHaveText('3');
  await page.getByRole('button', { name: 'Shortcuts (?)' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

// Known broken (issue #12): since drafts also save to the server library, this test's context no longer closes
// before the timeout (the leave warning is still raised); it needs the library's save state in its steps.
test.fixme('the draft survives a reload, and leaving with unsaved work warns', async ({ page }) => {
  await signInToStudio(page, server.base, 'hlv', 'en');
  await openTemplate(page, /Road/);
  await page.getByRole('tab', { name: 'Scenario settings' }).click();
  const title = page.getByRole('textbox', { name: 'Title (English)' });
  await title.fill('Crash on the ring road');
  await title.press('Enter');
  await page.waitForTimeout(800);
  await page.goto(`${server.base}/studio`);
  await page.getByRole('button', { name: 'Open: Crash on the ring road' }).click();
  await expect(page.locator('.draft-title')).toHaveText('Crash on the ring road');
  const warned = new Promise<string>((resolve) => page.once('dialog', (d) => {
    resolve(d.type());
    void d.dismiss();
  }));
  await page.close({ runBeforeUnload: true });
  expect(await warned).toBe('beforeunload');
});

for (const lang of ['vi', 'en'] as const) {
  test(`no serious or critical axe violations in the studio (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInToStudio(page, server.base, 'hlv', lang);
    await noSeriousAxe(page, 'start');
    await openTemplate(page, lang === 'vi' ? /Nhà ống/ : /Tube house/);
    await noSeriousAxe(page, 'plan');
    const act = new Actions(page);
    await act.key('v');
    await act.clickCell(6, 9);
    await noSeriousAxe(page, 'properties');
    for (const tab of lang === 'vi' ? ['Giai đoạn và tình tiết', 'Tiêu chí chấm', 'Thông tin chung', 'Kiểm chứng'] : ['Phases and injects', 'Rubric', 'Scenario settings', 'Proofs']) {
      await page.getByRole('tab', { name: tab }).click();
      await noSeriousAxe(page, tab);
    }
    await page.getByRole('button', { name: lang === 'vi' ? 'Chạy thử' : 'Run the ghost run', exact: true }).click();
    await expect(page.getByTestId('ghost-verdict')).toBeVisible({ timeout: 90_000 });
    await noSeriousAxe(page, 'ghost run');
  });
}

test('fits a 1366 x 768 laptop and a tablet in both orientations', async ({ page }) => {
  await signInToStudio(page, server.base, 'hlv', 'vi');
  await openTemplate(page, /Chung cư/);
  for (const [w, h, name] of [[1366, 768, 'laptop'], [1024, 768, 'tablet-landscape'], [768, 1024, 'tablet-portrait']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    const canvas = await page.locator('canvas.plan-canvas').boundingBox();
    expect(canvas && canvas.width > 300 && canvas.height > 250, `${name} canvas ${JSON.stringify(canvas)}`).toBe(true);
    // Nothing runs off the side: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: `test-results/studio-${name}.png` });
  }
});
