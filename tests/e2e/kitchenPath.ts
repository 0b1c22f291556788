/** Shared by the game's end-to-end tests: aim the real mouse at a cell and play the kitchen's expert
 *  path with real keys. Reads window.__fireground only to aim and to wait, never to drive the run. */
import { expect, type Page } from '@playwright/test';
import type { FiregroundTestHook } from '../../client/game/testHook';

type HookWindow = Window & { __fireground?: FiregroundTestHook };

export const ARTIFACTS = 'test-results/artifacts';

export const crewAt = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null);
export const tickNow = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.tick() ?? -1);

export async function waitForGame(page: Page): Promise<void> {
  await page.waitForFunction(() => ((window as HookWindow).__fireground?.tick() ?? 0) > 0);
}

export async function clickCell(page: Page, x: number, y: number): Promise<void> {
  const p = await page.evaluate(([cx, cy]) => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null, [x, y] as const);
  if (!p) throw new Error('the play scene is not running');
  await page.mouse.click(p.x, p.y);
}

export async function waitTicks(page: Page, ticks: number): Promise<void> {
  const from = await tickNow(page);
  await expect.poll(() => tickNow(page)).toBeGreaterThanOrEqual(from + ticks);
}

/** Door, walk to the cylinder, valve, wet chemical, attack until the end screen shows. `between`
 *  runs once the attack has started (to switch language mid-run, for instance). */
export async function playKitchenExpert(page: Page, between?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('F');
  await waitTicks(page, 2);
  await clickCell(page, 2, 3);
  await expect.poll(() => crewAt(page), { timeout: 40_000 }).toEqual({ x: 2, y: 3 });
  await page.keyboard.press('V');
  await waitTicks(page, 1);
  await page.keyboard.press('2');
  await waitTicks(page, 1);
  await page.keyboard.press('E');
  await waitTicks(page, 1);
  if (between) await between();
  const endScreen = page.getByTestId('end-screen');
  for (let k = 0; k < 60 && !(await endScreen.isVisible()); k++) {
    const discharging = await page.getByTestId('hud-extinguisher').getAttribute('data-discharging');
    const fire = await page.getByTestId('hud-fire').getAttribute('data-fires');
    if (discharging !== 'true' && fire !== '0') {
      await page.locator('body').focus();
      await page.keyboard.press('E');
    }
    await page.waitForTimeout(1000);
  }
  await expect(endScreen).toBeVisible({ timeout: 60_000 });
}
