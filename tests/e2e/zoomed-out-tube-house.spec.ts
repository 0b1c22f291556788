/** The tube house ground floor fully zoomed out on a laptop: the whole 132-cell floor shows centred in
 *  the canvas, drawn where the test hook says each cell is (read back from the screen's pixels), a
 *  click on a cell walks the crew member to that cell, and when the floor above gets its inset it sits
 *  clear of the alley end, the house and the crew. window.__fireground is read only to aim and check. */
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS } from './kitchenPath';
import type { FiregroundTestHook } from '../../client/game/testHook';

type HookWindow = Window & { __fireground?: FiregroundTestHook };

const W = 132;
const H = 40;

const zoom = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.camera().zoom ?? 0);
const scroll = (page: Page) => page.evaluate(() => {
  const c = (window as HookWindow).__fireground?.camera();
  return c ? `${c.scrollX.toFixed(2)},${c.scrollY.toFixed(2)}` : '';
});

/** Waits until the camera holds still: the opening view and a zoom glide to their end over several frames. */
async function cameraSettled(page: Page): Promise<void> {
  let last = '';
  await expect.poll(async () => {
    const now = await scroll(page);
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [250], message: 'the camera comes to rest' }).toBe(true);
}
const crewAt = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.crew() ?? null);
const insetFloors = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.insetFloors() ?? []);
const viewFloor = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.viewFloor() ?? -1);

/** The element's box once it has stayed the same over two animation frames in a row. */
async function settledBox(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(
    (sel) =>
      new Promise<{ x: number; y: number; width: number; height: number }>((resolve, reject) => {
        let last = '';
        let frames = 0;
        const frame = (): void => {
          const el = document.querySelector(sel);
          if (!el) return reject(new Error(`no ${sel}`));
          const r = el.getBoundingClientRect();
          const now = `${r.x},${r.y},${r.width},${r.height}`;
          if (now === last && r.width > 0) return resolve({ x: r.x, y: r.y, width: r.width, height: r.height });
          last = now;
          if (++frames > 600) return reject(new Error(`${sel} never settled`));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    selector,
  );
}

async function cellAt(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([cx, cy]) => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null, [x, y] as const);
  if (!p) throw new Error('the play scene is not running');
  return p;
}

/** The colour on screen at each client point, read back from a screenshot of the page. */
async function pixels(page: Page, points: { x: number; y: number }[]): Promise<number[][]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ([data, pts]) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const ctx = c.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(bmp, 0, 0);
      return pts.map((p) => Array.from(ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data.slice(0, 3)));
    },
    [png, points] as const,
  );
}

// Known broken (issue #20): fully zoomed out, the map sits 34 px off the canvas's left edge since the opening view changed; the camera's fit and the hook must be made to agree again.
test.fixme('fully zoomed out, the tube house ground floor is centred, drawn where clicks land, and clear of the insets', async ({ page }) => {
  await page.goto('/play/tube-house-motorbikes');
  await page.waitForFunction(() => ((window as HookWindow).__fireground?.tick() ?? 0) > 0);
  const canvas = await page.locator('[data-testid="game"] > canvas:not(.minimap)').first().boundingBox();
  if (!canvas) throw new Error('no canvas');
  // Bring the canvas's middle on screen, then zoom out as far as the wheel goes.
  await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 100)), canvas.y);
  const box = await page.locator('[data-testid="game"] > canvas:not(.minimap)').first().boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 120);
  const fit = Math.min(960 / (W * 32), 600 / (H * 32));
  await expect.poll(() => zoom(page)).toBeCloseTo(fit, 4);
  await cameraSettled(page);

  // Cell centres give the map's edges: half a cell in from each side.
  const a = await cellAt(page, 0, 0);
  const b = await cellAt(page, W - 1, H - 1);
  const half = (b.x - a.x) / (W - 1) / 2;
  expect(a.x - half, 'the map starts at the canvas left').toBeCloseTo(box.x, 0);
  expect(b.x + half, 'the map ends at the canvas right').toBeCloseTo(box.x + box.width, 0);
  const above = a.y - half - box.y;
  const below = box.y + box.height - (b.y + half);
  expect(Math.abs(above - below), 'the map is centred top to bottom').toBeLessThan(1.5);

  // The screen agrees: alley cells are drawn where the hook puts them, and just above the map is blank.
  const [alley, wall, blank, bg] = await pixels(page, [a, await cellAt(page, 60, 20), { x: a.x, y: a.y - half - 4 }, { x: box.x + box.width / 2, y: box.y + 20 }]);
  expect(blank, 'nothing is drawn above the map').toEqual(bg);
  expect(alley, 'the alley is drawn at its cell').not.toEqual(bg);
  expect(wall, 'the solid block is drawn at its cell').not.toEqual(alley);
  await page.screenshot({ path: `${ARTIFACTS}/tube-zoomed-out.png` });

  // A click on a cell, tiny at this zoom, walks the crew member to exactly that cell.
  const target = await cellAt(page, 20, 3);
  await page.mouse.click(target.x, target.y);
  await expect.poll(() => crewAt(page), { timeout: 30_000, message: 'a click walks the crew member to (20,3)' }).toEqual({ x: 20, y: 3 });

  // Hot gas climbs the stair: the inset of the floor above keeps off the alley end, the house and the crew.
  await expect.poll(() => insetFloors(page), { timeout: 60_000, message: 'the floor above gets an inset' }).toContain(1);
  // The scene places the insets in a corner on the frames after they appear: wait until placed and still.
  await expect(page.locator('.floor-insets')).toHaveAttribute('data-corner', /^(tl|tr|bl|br)$/);
  const inset = await settledBox(page, '.floor-insets');
  const inside = (p: { x: number; y: number }): boolean => p.x >= inset.x && p.x <= inset.x + inset.width && p.y >= inset.y && p.y <= inset.y + inset.height;
  for (const [x, y] of [[20, 3], [128, 6], [124, 10], [126, 12], [128, 16], [125, 36], [123, 7], [W - 1, 0], [W - 1, 5], [3, 3], [1, 5]] as const) {
    expect(inside(await cellAt(page, x, y)), `the insets leave cell (${x},${y}) in view`).toBe(false);
  }
  await page.screenshot({ path: `${ARTIFACTS}/tube-zoomed-out-inset.png` });
  await page.locator('.floor-inset[data-dir="up"]').click();
  await expect.poll(() => viewFloor(page), { message: 'clicking the inset views the floor above' }).toBe(1);
});
