/** On a touch tablet (1024x768, touch events, no mouse): the action bar's buttons are finger-sized and
 *  work by tap, a tap on the map walks the crew member there, a pinch zooms, a one-finger drag pans,
 *  and the inset of the floor above appears when the fire sends hot gas up the stair and a tap on it
 *  views that floor. Real touch input through the browser (Playwright's touchscreen and CDP touch
 *  events); window.__fireground is read only to aim and to check, never to drive the run. */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { ARTIFACTS } from './kitchenPath';
import type { FiregroundTestHook } from '../../client/game/testHook';

type HookWindow = Window & { __fireground?: FiregroundTestHook };

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });

const crewAt = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null);
const camera = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.camera() ?? null);
const insetFloors = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.insetFloors() ?? []);
const viewFloor = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.viewFloor() ?? -1);
const cellToClient = (page: Page, x: number, y: number) => page.evaluate(([cx, cy]) => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null, [x, y] as const);

async function tapCell(page: Page, x: number, y: number): Promise<void> {
  const p = await cellToClient(page, x, y);
  if (!p) throw new Error('the play scene is not running');
  await page.touchscreen.tap(p.x, p.y);
}

type Finger = { x: number; y: number };

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Finger[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map((f, id) => ({ x: f.x, y: f.y, id })) });
}

/** Moves every finger from `from` to `to` in `steps` touchmove events, as a hand would. */
async function slide(cdp: CDPSession, from: Finger[], to: Finger[], steps = 8): Promise<void> {
  await touch(cdp, 'touchStart', from);
  for (let k = 1; k <= steps; k++) {
    await touch(cdp, 'touchMove', from.map((f, i) => ({ x: f.x + ((to[i]?.x ?? f.x) - f.x) * (k / steps), y: f.y + ((to[i]?.y ?? f.y) - f.y) * (k / steps) })));
  }
  await touch(cdp, 'touchEnd', []);
}

// Known broken (issue #20): since the view opens on the whole floor, a tap aimed through the hook's cell position does not walk the crew member to (12,4); the camera's fit and the hook must be made to agree again.
test.fixme('a trainee plays the tube house on a tablet with taps, a pinch and a drag', async ({ page }) => {
  await page.goto('/play/tube-house-motorbikes');
  await page.waitForFunction(() => ((window as HookWindow).__fireground?.tick() ?? 0) > 0);
  expect(await crewAt(page)).toEqual({ x: 5, y: 2 });

  // Tap a cell beside the engine: the crew member walks there by the engine's pathfinding.
  await tapCell(page, 4, 3);
  await expect.poll(() => crewAt(page), { timeout: 30_000, message: 'a tap walks the crew member to (4,3)' }).toEqual({ x: 4, y: 3 });

  // The action bar by finger: big enough to hit, and a tap takes the hose off the engine.
  const take = page.locator('[data-action="takeHose"]');
  await expect(take).toBeVisible();
  const box = await take.boundingBox();
  if (!box) throw new Error('no action button');
  expect(box.height, 'action buttons are at least 44 px tall on a touch screen').toBeGreaterThanOrEqual(44);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('[data-action="dropHose"]')).toBeVisible();

  // And walks out with the line.
  await tapCell(page, 12, 4);
  await expect.poll(() => crewAt(page), { timeout: 30_000, message: 'a tap walks the crew member to (12,4)' }).toEqual({ x: 12, y: 4 });

  const canvas = await page.locator('[data-testid="game"] > canvas:not(.minimap)').first().boundingBox();
  if (!canvas) throw new Error('no canvas');
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  const cdp = await page.context().newCDPSession(page);

  // Two fingers spreading apart zoom in; lifting them walks nobody anywhere.
  const before = await camera(page);
  await slide(cdp, [{ x: cx - 40, y: cy }, { x: cx + 40, y: cy }], [{ x: cx - 140, y: cy }, { x: cx + 140, y: cy }]);
  await expect.poll(async () => (await camera(page))?.zoom ?? 0, { message: 'a pinch zooms in' }).toBeGreaterThan((before?.zoom ?? 0) * 1.5);
  await page.screenshot({ path: `${ARTIFACTS}/tablet-pinched.png` });

  // One finger dragging left and up moves the view right and down.
  const pinched = await camera(page);
  await slide(cdp, [{ x: cx + 120, y: cy + 60 }], [{ x: cx - 120, y: cy - 40 }]);
  await expect.poll(async () => (await camera(page))?.scrollX ?? 0, { message: 'a drag pans' }).toBeGreaterThan((pinched?.scrollX ?? 0) + 50);
  expect(await crewAt(page), 'neither the pinch nor the drag was a tap').toEqual({ x: 12, y: 4 });

  // Hot gas climbs the stair: the floor above shows as an inset; a tap on it views that floor.
  await expect.poll(() => insetFloors(page), { timeout: 60_000, message: 'the floor above gets an inset' }).toContain(1);
  const inset = page.locator('.floor-inset[data-dir="up"]');
  await expect(inset).toContainText('Tầng trên: Tầng 2');
  await page.screenshot({ path: `${ARTIFACTS}/tablet-inset.png` });
  const ib = await inset.boundingBox();
  if (!ib) throw new Error('no inset');
  expect(ib.height).toBeGreaterThanOrEqual(44);
  await page.touchscreen.tap(ib.x + ib.width / 2, ib.y + ib.height / 2);
  await expect.poll(() => viewFloor(page), { message: 'tapping the inset views the floor above' }).toBe(1);
  await page.screenshot({ path: `${ARTIFACTS}/tablet-floor-above.png` });
});
