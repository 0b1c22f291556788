/** The studio's promise, in Chromium against a real server: an instructor builds a new two-floor
 *  incident from a blank plan with the mouse and keyboard only (walls, a door, a stair, a fire, a
 *  casualty upstairs, two crew, one inject, the drafted rubric), reaches zero check issues, passes the
 *  ghost run, opens the draft in play and saves it as a file; in Vietnamese and in English. Prints how
 *  many actions it took. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { validateScenarioText } from '../../engine/index';
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

const WORDS = {
  vi: { blank: 'Mặt bằng trống', floorTab: 'Tầng', addFloor: 'Thêm tầng trên', victim: 'Nạn nhân', item: 'Vật cháy', vehicle: 'Phương tiện', crew: 'Chiến sĩ', ignites: 'Bốc cháy lúc (giây)', phases: 'Giai đoạn và tình tiết', inPhase: 'Trong giai đoạn', addInject: 'Thêm tình tiết', rubric: 'Tiêu chí chấm', draft: 'Soạn tiêu chí', acceptAll: /Chấp nhận cả/, proofs: 'Kiểm chứng', ghost: 'Chạy thử', play: 'Chơi thử bản nháp', export: 'Xuất tệp', role: 'Vai trò', title: 'Tình huống mới' },
  en: { blank: 'Blank plan', floorTab: 'Floor', addFloor: 'Add a floor above', victim: 'Casualty', item: 'Item', vehicle: 'Vehicle', crew: 'Crew', ignites: 'Ignites at (s)', phases: 'Phases and injects', inPhase: 'In phase', addInject: 'Add an inject', rubric: 'Rubric', draft: 'Draft the rubric', acceptAll: /Accept all/, proofs: 'Proofs', ghost: 'Run the ghost run', play: 'Play the draft', export: 'Export file', role: 'Role', title: 'New scenario' },
} as const;

for (const lang of ['vi', 'en'] as const) {
  test(`builds a two-floor incident from a blank plan, mouse and keyboard only (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    const w = WORDS[lang];
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInToStudio(page, server.base, 'hlv', lang);
    const act = new Actions(page);
    await act.click(page.getByRole('button', { name: new RegExp(w.blank) }));
    await expect(page.locator('canvas.plan-canvas')).toBeVisible();

    // Ground floor: walls round a room (1 = wall, R = rectangle), its floor (2 = floor, F = fill),
    // a door in the front wall (4 = closed door, P = pen) and a stair (0 = stairs).
    await act.key('1');
    await act.key('r');
    await act.drag([4, 4], [20, 14]);
    await act.key('2');
    await act.key('f');
    await act.clickCell(10, 10);
    await act.key('4');
    await act.key('p');
    await act.clickCell(12, 14);
    await act.key('0');
    await act.drag([18, 6], [18, 7]);
    const ground = await page.evaluate(() => document.querySelector('canvas.plan-canvas')?.getAttribute('aria-label'));
    expect(ground).toBeTruthy();

    // A floor above with the same footprint; its stair lands where the ground floor's is.
    await act.click(page.getByRole('tab', { name: w.floorTab, exact: true }));
    await act.click(page.getByRole('button', { name: w.addFloor }));
    await act.click(page.getByRole('button', { name: w.victim, exact: true }));
    await act.clickCell(8, 8);

    // Back down: a sofa set alight at the start, the engine outside, two crew.
    await act.key('PageDown');
    await act.click(page.getByRole('button', { name: w.item, exact: true }));
    await act.clickCell(8, 8);
    await act.type(page.getByRole('textbox', { name: w.ignites }), '0');
    await act.click(page.getByRole('button', { name: w.vehicle, exact: true }));
    await act.clickCell(2, 2);
    await act.click(page.getByRole('button', { name: w.crew, exact: true }));
    await act.clickCell(10, 18);
    await act.select(page.getByRole('combobox', { name: w.role }), 'rescue');
    await act.clickCell(11, 18);

    // One inject on the timeline, in the response phase.
    await act.click(page.getByRole('tab', { name: w.phases }));
    await act.select(page.getByRole('combobox', { name: w.inPhase }), 'response');
    await act.click(page.getByRole('button', { name: w.addInject }));

    // The drafted rubric, accepted whole.
    await act.click(page.getByRole('tab', { name: w.rubric }));
    await act.click(page.getByRole('button', { name: w.draft, exact: true }));
    await act.click(page.getByRole('button', { name: w.acceptAll }));
    await expect(page.getByTestId('issue-count')).toHaveText('0', { timeout: 20_000 });

    // Proofs: the ghost run passes (expert passes, novice fails).
    await act.click(page.getByRole('tab', { name: w.proofs }));
    await act.click(page.getByRole('button', { name: w.ghost, exact: true }));
    await expect(page.getByTestId('ghost-verdict')).toHaveAttribute('data-ok', 'true', { timeout: 90_000 });
    await expect(page.getByTestId('ghost-expert')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('ghost-novice')).toHaveAttribute('data-passed', 'false');
    await expect(page.getByTestId('submit-ready')).toBeVisible();

    // Play opens the draft in the standard play page, as a trainee sees it.
    const opened = page.context().waitForEvent('page');
    await act.click(page.getByRole('button', { name: w.play }));
    const game = await opened;
    await expect(game.locator('[data-testid="game"] > canvas:not(.minimap)')).toBeVisible({ timeout: 60_000 });
    await expect(game.getByRole('heading', { level: 1, name: w.title })).toBeAttached();
    await game.close();

    // Saved: exported as a file that the engine accepts as it is.
    const download = page.waitForEvent('download');
    await act.click(page.getByRole('button', { name: w.export }));
    const file = await (await download).path();
    const checked = validateScenarioText(readFileSync(file, 'utf8'));
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    if (checked.ok) {
      expect(checked.scenario.world.floors).toHaveLength(2);
      expect(checked.scenario.crew).toHaveLength(2);
      expect(checked.scenario.rubric.criteria.length).toBeGreaterThan(1);
    }
    console.log(`studio build-from-blank (${lang}): ${act.count} user actions`);
    await page.screenshot({ path: `test-results/studio-proofs-${lang}.png` });
  });
}
