/** Shared by the end-to-end tests that play a scenario with several crew members: pick a crew member in
 *  the HUD, aim the real mouse at a map cell, press keys, and wait on what the session reports. Reads the
 *  window hooks only to aim and to wait; every change to the run goes through a real click or key. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface CrewRead {
  x: number;
  y: number;
  floor: number;
  level: number;
  busy: boolean;
  moving: boolean;
  pathEnd: { x: number; y: number } | null;
  carrying: boolean;
  hose: boolean;
  discharging: string | null;
}

interface MapHook {
  cellToClient(x: number, y: number): { x: number; y: number };
  tick(): number;
  ended(): boolean;
}
interface SessionHook {
  crewOf(id: string): CrewRead | null;
  selectedCrew(): string;
  burning(): string[];
}
type HookWindow = Window & { __fireground?: MapHook; __firegroundSession?: SessionHook };

export const ARTIFACTS = 'test-results/artifacts';
/** Wall-clock ceilings for incident waits, not expectations of speed: a loaded machine renders few frames. */
const WAIT_MS = 120_000;
/** Poll the hooks on a timer rather than on animation frames, which come slowly without a GPU. */
const POLL = 50;

export const crewOf = (page: Page, id: string) => page.evaluate((c) => (window as HookWindow).__firegroundSession?.crewOf(c) ?? null, id);
export const burning = (page: Page) => page.evaluate(() => (window as HookWindow).__firegroundSession?.burning() ?? []);

/** Waits until the play scene runs and the session has stepped at least once. */
export async function waitForPlay(page: Page): Promise<void> {
  await page.waitForFunction(() => ((window as HookWindow).__fireground?.tick() ?? 0) > 0 && (window as HookWindow).__firegroundSession !== undefined);
}

/** A real mouse click in the middle of a visible control. Playwright's own click waits for the element
 *  to hold still over two animation frames, which takes seconds of incident time on a loaded machine. */
async function mouseClick(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  await target.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  const box = await target.boundingBox();
  if (!box) throw new Error('the control is not on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const tickNow = (page: Page) => page.evaluate(() => (window as HookWindow).__fireground?.tick() ?? 0);

/** Waits until the session has stepped at least one tick past `from`, so an intent sent before is applied. */
async function stepPast(page: Page, from: number): Promise<void> {
  await page.waitForFunction((t) => ((window as HookWindow).__fireground?.tick() ?? 0) > t, from, { polling: POLL });
}

/** Clicks the crew member's button in the crew panel, as a player picks who to command. */
export async function selectCrew(page: Page, id: string): Promise<void> {
  await mouseClick(page, page.locator(`button.crew-select[data-crew="${id}"]`));
  await page.waitForFunction((c) => (window as HookWindow).__firegroundSession?.selectedCrew() === c, id, { polling: POLL });
}

/** Sets playback speed with the N key (x1 -> x2 -> x4 -> x1), as a player does with the HUD's control. */
export async function setSpeed(page: Page, speed: 1 | 2 | 4): Promise<void> {
  const control = page.getByTestId('speed-control');
  for (let k = 0; k < 3 && (await control.locator(`[data-speed="${speed}"]`).getAttribute('aria-pressed')) !== 'true'; k++) {
    await page.keyboard.press('N');
  }
  await expect(control.locator(`[data-speed="${speed}"]`)).toHaveAttribute('aria-pressed', 'true');
}

/** Waits until crew member `id` matches every field of `want` (its position, storey, state). With
 *  `fast`, the wait runs at x4 and the clock goes back to x1 for the next order, as a player skips a
 *  long walk or a long task but acts in real time. */
export async function waitCrew(page: Page, id: string, want: Partial<Omit<CrewRead, 'pathEnd'>>, fast = false): Promise<void> {
  const met = ([c, w]: readonly [string, Record<string, unknown>]) => {
    const now = (window as HookWindow).__firegroundSession?.crewOf(c) as Record<string, unknown> | null | undefined;
    return !!now && Object.entries(w).every(([k, v]) => now[k] === v);
  };
  if (fast && !(await page.evaluate(met, [id, want] as const))) {
    await setSpeed(page, 4);
    await page.waitForFunction(met, [id, want] as const, { timeout: WAIT_MS, polling: POLL });
    await setSpeed(page, 1);
    return;
  }
  await page.waitForFunction(met, [id, want] as const, { timeout: WAIT_MS, polling: POLL });
}

/** Waits until crew member `id` stands still and free at (x, y): the moment a player gives the next order. */
export async function waitArrived(page: Page, id: string, x: number, y: number, fast = false): Promise<void> {
  await waitCrew(page, id, { x, y, moving: false, busy: false }, fast);
}

/** Waits until `id` has finished a timed task (triage, airway, forcing...) and can take orders. */
export async function waitFree(page: Page, id: string, fast = false): Promise<void> {
  await waitCrew(page, id, { busy: false, moving: false }, fast);
}

/** Waits for the next animation frame, so a wheel, a drag or a camera pan has been drawn. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

const GAME_CANVAS = '[data-testid="game"] > canvas';

async function cellPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([cx, cy]) => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null, [x, y] as const);
  if (!p) throw new Error('the play scene is not running');
  return p;
}

/** Where cell (x, y) shows once the camera has stopped moving, and whether a click there lands on the
 *  map itself (on screen, not under a floor inset or a toast). */
async function steadyPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number; clickable: boolean }> {
  let p = await cellPoint(page, x, y);
  for (let k = 0; k < 2; k++) {
    await nextFrame(page);
    const q = await cellPoint(page, x, y);
    const still = Math.abs(q.x - p.x) < 0.5 && Math.abs(q.y - p.y) < 0.5;
    p = q;
    if (still) break;
  }
  const clickable = await page.evaluate(
    ([px, py, sel]) => {
      const canvas = document.querySelector(sel);
      return canvas !== null && document.elementFromPoint(px, py) === canvas;
    },
    [p.x, p.y, GAME_CANVAS] as const,
  );
  return { ...p, clickable };
}

/** Brings cell (x, y) where a click reaches it, as a player would: scroll the page to the map, drag the
 *  map towards the cell, zoom out with the wheel to see further, or in to get room to drag it clear of
 *  the floor insets in the corner. */
async function bringIntoView(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.locator(GAME_CANVAS);
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  for (let k = 0; k < 16; k++) {
    const p = await steadyPoint(page, x, y);
    if (p.clickable) return p;
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no game canvas');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const off = p.x < box.x || p.x > box.x + box.width || p.y < box.y || p.y > box.y + box.height;
    // Drag the map so the cell comes to the middle, at most half the canvas at a time.
    const dx = Math.max(-box.width / 2.5, Math.min(box.width / 2.5, cx - p.x));
    const dy = Math.max(-box.height / 2.5, Math.min(box.height / 2.5, cy - p.y));
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
    await page.mouse.up();
    const after = await steadyPoint(page, x, y);
    if (after.clickable) return after;
    if (Math.hypot(after.x - p.x, after.y - p.y) > 4) continue;
    // The camera is against its bounds: zoom out to see further, or in to gain room to drag.
    await page.mouse.move(cx, cy);
    for (let w = 0; w < (off ? 2 : 5); w++) await page.mouse.wheel(0, off ? 120 : -120);
    await nextFrame(page);
  }
  const last = await steadyPoint(page, x, y);
  const over = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.outerHTML.slice(0, 120) ?? 'nothing', [last.x, last.y] as const);
  throw new Error(`cell (${x},${y}) never came where a click reaches it; at (${Math.round(last.x)},${Math.round(last.y)}) is ${over}`);
}

/** Clicks map cell (x, y) for the selected crew member `id` and checks the order was taken (the crew
 *  member now walks there); clicks again if the camera moved under the mouse. */
export async function orderMove(page: Page, id: string, x: number, y: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const p = await bringIntoView(page, x, y);
    await page.mouse.click(p.x, p.y);
    const taken = await page
      .waitForFunction(
        ([c, tx, ty]) => {
          const now = (window as HookWindow).__firegroundSession?.crewOf(c);
          return !!now && ((now.pathEnd?.x === tx && now.pathEnd.y === ty) || (now.x === tx && now.y === ty));
        },
        [id, x, y] as const,
        { timeout: 10_000, polling: POLL },
      )
      .then(() => true)
      .catch(() => false);
    if (taken) return;
  }
  throw new Error(`${id} did not take the order to walk to (${x},${y})`);
}

/** Selects `id` and sends it to (x, y) with a click on the map. */
export async function send(page: Page, id: string, x: number, y: number): Promise<void> {
  await selectCrew(page, id);
  await orderMove(page, id, x, y);
}

/** Presses a key on the map for the selected crew member and waits until the session has stepped past it. */
export async function press(page: Page, key: string): Promise<void> {
  const from = await tickNow(page);
  await page.keyboard.press(key);
  await stepPast(page, from);
}

/** Clicks a button of the context action bar (the same intents as the keys). */
export async function clickAction(page: Page, action: string): Promise<void> {
  const from = await tickNow(page);
  await mouseClick(page, page.getByTestId('action-bar').locator(`button[data-action="${action}"]`));
  await stepPast(page, from);
}


/** Waits for the end screen and checks a pass: every criterion met, the client and server scores agree. */
export async function expectPassedEnd(page: Page, criteria: readonly string[]): Promise<string> {
  const endScreen = page.getByTestId('end-screen');
  // Nothing is left to do but wait out the incident's last phase: skip through it.
  if (!(await endScreen.isVisible())) await setSpeed(page, 4);
  await expect(endScreen).toBeVisible({ timeout: WAIT_MS });
  await expect(endScreen.getByText('Hoàn thành tình huống')).toBeVisible();
  await expect(endScreen.locator('.end-score .badge')).toHaveText('Đạt');
  await expect(endScreen.locator('.end-score [role="img"]')).toHaveAccessibleName('3 trên 3 sao');
  await expect(endScreen.locator('[data-criterion]')).toHaveCount(criteria.length);
  for (const id of criteria) await expect(endScreen.locator(`[data-criterion="${id}"]`)).toContainText('Đạt');
  await expect(page.getByTestId('client-score')).toHaveText('Điểm: 100%');
  const server = page.getByTestId('server-score');
  await expect(server).toBeVisible({ timeout: 30_000 });
  expect(await server.getAttribute('data-percent')).toBe('100');
  const runId = await server.getAttribute('data-run-id');
  expect(runId).toBeTruthy();
  return runId ?? '';
}

/** Opens the debrief from the end screen and checks pass, three stars and every criterion met. */
export async function expectPassedDebrief(page: Page, criteria: readonly string[]): Promise<void> {
  await page.getByTestId('end-screen').locator('a[href^="/debrief/"]').click();
  await expect(page).toHaveURL(/\/debrief\//);
  const debrief = page.getByTestId('debrief');
  await expect(debrief).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('debrief-score')).toHaveText('Điểm: 100%');
  await expect(debrief.locator('.summary .end-score .badge')).toHaveText('Đạt');
  await expect(debrief.locator('.summary .end-score [role="img"]')).toHaveAccessibleName('3 trên 3 sao');
  await expect(debrief.locator('[data-criterion]')).toHaveCount(criteria.length);
  for (const id of criteria) {
    const row = debrief.locator(`[data-criterion="${id}"]`);
    await expect(row).toHaveClass(/pass/);
    await expect(row.locator('.badge')).toHaveText('Đạt');
  }
}
