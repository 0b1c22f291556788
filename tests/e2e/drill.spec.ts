/** A team drill in three browsers: an instructor opens the kitchen, two trainees join with the code,
 *  one gets the kitchen's only crew member, a radio inject reaches both, the console's map follows that
 *  member as steps and keys move it, a reload keeps the seat, and everyone sees the debrief. Drives the
 *  DOM only; never talks to the room directly. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

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
  await expect(page.getByRole('heading', { name: 'Chiến sĩ của bạn' })).toBeVisible();
}

test('an instructor and two crew play a kitchen drill to its debrief', async ({ browser }) => {
  test.setTimeout(180_000);
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
    for (const page of [lan, minh]) await expect(page.getByTestId('radio-lines')).toContainText('Xe thang đang tới, hai phút nữa');
    // The scenario's dispatch call names its speaker in Vietnamese and is marked as the script's.
    await expect(lan.getByTestId('radio-lines')).toContainText('[00:00] Trung tâm 114 (kịch bản): Cháy bếp căn hộ tầng 5');
    await noSeriousAxe(instructor, 'console');
    await noSeriousAxe(lan, 'trainee');

    // The console's map shows the whole floor until the instructor follows a crew member.
    const map = instructor.getByTestId('drill-map');
    await expect(map.locator('canvas')).toBeVisible();
    await expect(map).toHaveAttribute('data-follow', '');
    await instructor.getByTestId('map-follow').selectOption('ff-1');
    await expect(map).toHaveAttribute('data-follow', 'ff-1@14,13');
    // The trainee's map follows its own crew member.
    await expect(lan.getByTestId('drill-map').locator('canvas')).toBeVisible();
    await expect(lan.getByTestId('drill-map')).toHaveAttribute('data-follow', 'ff-1@14,13');

    await expect(lan.getByTestId('my-position')).toHaveText(START);
    for (let i = 0; i < 3; i++) {
      await lan.getByTestId('step-W').click();
      // One step a tick: wait for each to land rather than queueing clicks.
      await expect(lan.getByTestId('my-position')).toHaveText(`Ô (${13 - i}, 13), tầng 0`);
    }
    // The followed member walked; the console's map went with it.
    await expect(map).toHaveAttribute('data-follow', 'ff-1@11,13');
    // The solo game's keys work on the drill page too, and a trainee talks on the radio.
    await lan.keyboard.press('ArrowLeft');
    await expect(lan.getByTestId('my-position')).toHaveText('Ô (10, 13), tầng 0');
    await lan.getByTestId('crew-radio').fill('Đã tới cửa bếp');
    await lan.getByRole('button', { name: 'Phát' }).click();
    await expect(instructor.getByTestId('radio-lines')).toContainText('Lan (ff-1): Đã tới cửa bếp');
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
