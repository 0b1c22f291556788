/** A team drill in three browsers: an instructor opens the kitchen, two trainees join with the code,
 *  one gets the kitchen's only crew member, a radio inject reaches both, the trainee plays on the solo
 *  play surface (the same scene and action bar: a tap walks, keys step, buttons act) while the console's
 *  observer view follows that member, a reload keeps the seat, and everyone sees the debrief. Drives the
 *  DOM only; never talks to the room directly (window.__fireground is read to aim a tap). */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { FiregroundTestHook } from '../../client/game/testHook';

type HookWindow = Window & { __fireground?: FiregroundTestHook };

// The kitchen's crew member starts on the corridor at (14, 13); west of it is open floor.
const START = 'Ô (14, 13), tầng 0';

async function noSeriousAxe(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

async function join(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/drill/${code}`);
  await page.getByTestId('join-name').fill(name);
  await page.getByRole('button', { name: 'Tham gia' }).click();
  await expect(page.getByTestId('my-crew')).toBeVisible();
}

test('an instructor and two crew play a kitchen drill to its debrief', async ({ browser }) => {
  // Three pages, each drawing the scene in software, share the machine's cores.
  test.setTimeout(360_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  try {
    const [instructor, lan, minh] = await Promise.all(contexts.map((c) => c.newPage()));
    if (!instructor || !lan || !minh) throw new Error('no pages');

    await instructor.goto('/drill/new');
    await instructor.getByTestId('drill-scenario').selectOption('apartment-kitchen-oil');
    await instructor.getByTestId('drill-name').fill('Thầy Hùng');
    await instructor.getByRole('button', { name: 'Mở buổi diễn tập' }).click();
    const codeText = instructor.getByTestId('drill-code');
    await expect(codeText).toHaveText(/^[A-Z2-9]{6}$/);
    const code = (await codeText.textContent()) ?? '';
    await expect(instructor).toHaveURL(new RegExp(`/drill/${code}$`));
    await expect(instructor.getByRole('link', { name: new RegExp(`/drill/${code}$`) })).toBeVisible();

    await join(lan, code, 'Lan');
    await join(minh, code, 'Minh');
    await expect(instructor.getByTestId('lobby').getByRole('listitem')).toHaveCount(2);

    // The kitchen has one crew member: Lan steers it, Minh stays a spectator and follows the radio.
    await instructor.getByLabel('Vai trò của Lan').selectOption('ff-1');
    await instructor.getByLabel('Vai trò của Minh').selectOption('');
    await expect(lan.getByTestId('my-crew')).toHaveText('ff-1 (Chiến sĩ chữa cháy)');
    await expect(minh.getByTestId('my-crew')).toHaveText(/Chưa được giao chiến sĩ/);
    await noSeriousAxe(instructor, 'lobby');

    await instructor.getByRole('button', { name: 'Bắt đầu' }).click();
    for (const page of [instructor, lan, minh]) await expect(page.getByTestId('drill-status')).toHaveText('Đang diễn tập');

    await instructor.getByTestId('free-radio').fill('Xe thang đang tới, hai phút nữa');
    await instructor.getByRole('button', { name: 'Phát' }).click();
    for (const page of [lan, minh]) await expect(page.getByTestId('radio-log')).toContainText('Xe thang đang tới, hai phút nữa');
    // The scenario's dispatch call names its speaker in Vietnamese and is marked as the script's.
    await expect(lan.getByTestId('radio-log')).toContainText('00:00 Trung tâm 114 (kịch bản): Cháy bếp căn hộ tầng 5');
    await noSeriousAxe(instructor, 'console');
    await noSeriousAxe(lan, 'trainee');

    // Everyone is on the one play surface: the same scene, HUD and action bar as solo play.
    for (const page of [instructor, lan]) {
      await expect(page.getByTestId('game').locator('canvas:not(.minimap):not([aria-hidden])')).toBeVisible();
      await expect(page.getByTestId('game')).toHaveAttribute('data-scene', 'WorldScene');
      await expect(page.getByTestId('action-bar')).toBeVisible();
    }
    await expect(lan.getByTestId('play-surface')).toHaveAttribute('data-session', 'network');
    // The console observes: the whole scene until the instructor follows a crew member.
    await expect(instructor.locator('[data-crew=""]')).toHaveAttribute('aria-pressed', 'true');
    await instructor.locator('[data-crew="ff-1"]').click();
    await expect(instructor.locator('[data-crew="ff-1"]')).toHaveAttribute('aria-pressed', 'true');

    await expect(lan.getByTestId('my-position')).toHaveText(START);
    // The action bar offers what the solo game offers here: the flat's door beside the crew member, by button.
    await lan.locator('[data-action="openDoor"]').click();
    await expect(lan.locator('[data-action="closeDoor"]')).toBeVisible();
    // Keys step as in solo play: one step a tick; wait for each to land rather than queueing presses.
    await lan.getByTestId('game').locator('canvas:not(.minimap):not([aria-hidden])').focus();
    for (let i = 0; i < 2; i++) {
      await lan.keyboard.press('ArrowLeft');
      await expect(lan.getByTestId('my-position')).toHaveText(`Ô (${13 - i}, 13), tầng 0`);
    }
    // A tap on the map walks there by the engine's pathfinding, exactly as in solo play.
    const target = await lan.evaluate(() => (window as HookWindow).__fireground?.cellToClient(10, 13) ?? null);
    if (!target) throw new Error('the play scene is not running');
    await lan.mouse.click(target.x, target.y);
    await expect(lan.getByTestId('my-position')).toHaveText('Ô (10, 13), tầng 0', { timeout: 20_000 });
    // The followed member walked; the console's view went with it.
    await expect.poll(() => instructor.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null)).toEqual({ x: 10, y: 13 });
    await lan.getByTestId('crew-radio').fill('Đã tới cửa bếp');
    await lan.getByRole('button', { name: 'Phát' }).click();
    await expect(instructor.getByTestId('radio-log')).toContainText('Lan (ff-1): Đã tới cửa bếp');
    // A reload mid-drill takes the same seat back without asking for a name again.
    await lan.reload();
    await expect(lan.getByTestId('my-crew')).toHaveText('ff-1 (Chiến sĩ chữa cháy)');
    await expect(lan.getByTestId('join-name')).toHaveCount(0);
    await expect(instructor.getByRole('row', { name: /ff-1/ })).toContainText('Lan');
    await instructor.screenshot({ path: 'test-results/artifacts/drill-console-map.png' });

    await instructor.getByRole('button', { name: 'Kết thúc buổi diễn tập' }).click();
    for (const page of [instructor, lan, minh]) {
      const debrief = page.getByTestId('drill-debrief');
      await expect(debrief).toBeVisible();
      await expect(page.getByTestId('team-score')).toHaveText(/Điểm đội: \d+% — (Đạt|Chưa đạt)/);
      const rows = debrief.getByTestId('participant-score');
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: 'Lan' })).toContainText(/ff-1.*\d+% — (Đạt|Chưa đạt)/);
      await expect(rows.filter({ hasText: 'Minh' })).toContainText('Quan sát');
    }
    await expect(lan.getByTestId('drill-closed')).toHaveCount(0);
    await noSeriousAxe(instructor, 'debrief');
    await noSeriousAxe(lan, 'trainee debrief');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
