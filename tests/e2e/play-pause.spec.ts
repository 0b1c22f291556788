/** End to end: the active pause in solo play. The Pause button and the Space key stop the incident clock
 *  and show it on the HUD, orders given while paused wait and apply once resumed, and resuming does not
 *  burst through the paused time. Reads the window hooks only to watch the clock and the queue. */
import { expect, test, type Page } from '@playwright/test';
import { waitForPlay } from './crewControls';

type HookWindow = Window & { __fireground?: { tick(): number; crew(): { x: number; y: number } }; __firegroundSession?: { queued(): unknown[] } };

const tickNow = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.tick() ?? -1);
const queued = (page: Page) => page.evaluate(() => (window as HookWindow).__firegroundSession?.queued().length ?? -1);
const crewAt = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null);

/** Resolves once the page has drawn animation frames whose timestamps span `ms`: the game's clock is
 *  fed from these frames, so it has had that much time to advance. */
const framesSpanning = (page: Page, ms: number) =>
  page.evaluate(
    (span) =>
      new Promise<void>((resolve) => {
        let first = -1;
        const frame = (t: number): void => {
          if (first < 0) first = t;
          if (t - first >= span) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );

test('the pause stops the clock, keeps orders for after, and resumes without a jump', async ({ page }) => {
  await page.goto('/play/apartment-kitchen-oil');
  await waitForPlay(page);
  const button = page.getByTestId('pause');
  const banner = page.getByTestId('paused-banner');
  await expect(button).toHaveAttribute('data-paused', 'false');
  await expect(button).toHaveAccessibleName('Tạm dừng');
  await expect(banner).toBeHidden();

  await button.click();
  // While paused the button says what it does next.
  await expect(button).toHaveAttribute('data-paused', 'true');
  await expect(button).toHaveAccessibleName('Tiếp tục');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Đang tạm dừng');
  await expect(banner).toContainText('Tiếp tục');
  const held = await tickNow(page);
  const at = await crewAt(page);
  // A player takes their time: the page keeps drawing frames, two seconds' worth of them (ten ticks at
  // five a second), and nothing in the incident moves meanwhile.
  await framesSpanning(page, 2000);
  expect(await tickNow(page)).toBe(held);

  // An order given while paused waits in the queue; the crew member stays put.
  await page.locator('[data-testid="game"] > canvas:not(.minimap)').focus();
  await page.keyboard.press('ArrowDown');
  expect(await queued(page)).toBe(1);
  expect(await crewAt(page)).toEqual(at);
  expect(await tickNow(page)).toBe(held);

  // Space resumes once, even with the Pause button focused (it must not also press the button).
  await button.focus();
  const pressedAt = Date.now();
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('data-paused', 'false');
  await expect(banner).toBeHidden();
  await page.waitForFunction((t) => ((window as HookWindow).__fireground?.tick() ?? 0) > t, held, { polling: 20 });
  const first = await tickNow(page);
  // Five ticks a second of wall time since resuming, plus one frame's remainder; a catch-up burst for the
  // two paused seconds would add five more at once.
  expect(first - held).toBeLessThanOrEqual(Math.ceil((Date.now() - pressedAt) / 200) + 1);
  await expect.poll(() => queued(page)).toBe(0);
  await expect.poll(() => crewAt(page)).not.toEqual(at);
  await expect(button).toHaveAccessibleName('Tạm dừng');
});
