/** Shared by the end-to-end tests that play a scenario with several crew members: pick a crew member in
 *  the HUD, pause and resume the clock, aim the real mouse at a map cell, press keys, and wait on what the
 *  session reports. Reads the window hooks only to aim and to wait; every change goes through a real click or key. */
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
  camera(): { zoom: number; scrollX: number; scrollY: number };
}
interface SessionHook {
  crewOf(id: string): CrewRead | null;
  selectedCrew(): string;
  burning(): string[];
  queued(): { type: string; crewId?: string; x?: number; y?: number }[];
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
 *  to hold still over two animation frames, which takes seconds of incident time on a loaded machine;
 *  here one round trip scrolls the control into view and measures it. */
async function mouseClick(page: Page, target: Locator): Promise<void> {
  const box = await target.evaluate((el) => {
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  });
  if (!box) throw new Error('the control is not on screen');
  await page.mouse.click(box.x, box.y);
}

/** Waits until the session has stepped at least one tick past `from`, so an intent sent before is applied. */
async function stepPast(page: Page, from: number): Promise<void> {
  await page.waitForFunction((t) => ((window as HookWindow).__fireground?.tick() ?? 0) > t, from, { polling: POLL });
}

/** Whether the clock is paused, as the HUD's pause toggle shows it. */
export async function isPaused(page: Page): Promise<boolean> {
  return (await page.getByTestId('pause').getAttribute('data-paused')) === 'true';
}

/** The HUD shows the clock paused (toggle pressed, banner up) or running (banner gone), and while
 *  running, the orders given while paused have been applied. One round trip: the page draws slowly. */
async function clockShows(page: Page, paused: boolean): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const pressed = document.querySelector('[data-testid="pause"]')?.getAttribute('data-paused') === String(want);
      const banner = (document.querySelector('[data-testid="paused-banner"]')?.textContent ?? '') !== '';
      const applied = want || ((window as HookWindow).__firegroundSession?.queued().length ?? 0) === 0;
      return pressed && banner === want && applied;
    },
    paused,
    { timeout: 10_000, polling: POLL },
  );
}

/** Pauses the incident clock with the Space key, as a player stops time to look around and give orders. */
export async function pause(page: Page): Promise<void> {
  if (await isPaused(page)) return;
  await page.keyboard.press('Space');
  await clockShows(page, true);
}

/** Resumes the clock with the Space key and waits until the orders given while paused have been applied. */
export async function resume(page: Page): Promise<void> {
  if (!(await isPaused(page))) return;
  await page.keyboard.press('Space');
  await clockShows(page, false);
}

/** Pauses, gives the orders in `orders` while the clock stands still, and resumes: aiming across a large
 *  map costs no incident time, however slowly the page draws. */
export async function whilePaused(page: Page, orders: () => Promise<void>): Promise<void> {
  await pause(page);
  await orders();
  await resume(page);
}

/** Clicks the crew member's button in the crew panel, as a player picks who to command. */
export async function selectCrew(page: Page, id: string): Promise<void> {
  if ((await page.evaluate(() => (window as HookWindow).__firegroundSession?.selectedCrew())) === id) return;
  await mouseClick(page, page.locator(`button.crew-select[data-crew="${id}"]`));
  await page.waitForFunction((c) => (window as HookWindow).__firegroundSession?.selectedCrew() === c, id, { polling: POLL });
}

/** Sets playback speed with the N key (x1 -> x2 -> x4 -> x1), as a player does with the HUD's control. */
export async function setSpeed(page: Page, speed: 1 | 2 | 4): Promise<void> {
  const control = page.getByTestId('speed-control');
  const cycle = [1, 2, 4];
  const now = Number((await control.locator('[data-speed][aria-pressed="true"]').getAttribute('data-speed')) ?? 1);
  for (let k = (cycle.indexOf(speed) - cycle.indexOf(now) + cycle.length) % cycle.length; k > 0; k--) await page.keyboard.press('N');
  await expect(control.locator(`[data-speed="${speed}"]`)).toHaveAttribute('aria-pressed', 'true');
}

export type CrewWant = Partial<Omit<CrewRead, 'pathEnd'>>;

/** Waits until every crew member named in `wants` matches every field of its want (position, storey,
 *  state). With `fast`, the wait runs at x4 and the clock goes back to x1 for the next order, as a player
 *  skips a long walk or a long task but acts in real time. The clock must be running. */
export async function waitCrews(page: Page, wants: readonly (readonly [string, CrewWant])[], fast = false): Promise<void> {
  const met = (list: readonly (readonly [string, Record<string, unknown>])[]) =>
    list.every(([c, w]) => {
      const now = (window as HookWindow).__firegroundSession?.crewOf(c) as Record<string, unknown> | null | undefined;
      return !!now && Object.entries(w).every(([k, v]) => now[k] === v);
    });
  if (await page.evaluate(met, wants)) return;
  if (await isPaused(page)) throw new Error(`waiting on ${wants.map(([c]) => c).join(', ')} while the clock is paused`);
  if (fast) await setSpeed(page, 4);
  await page.waitForFunction(met, wants, { timeout: WAIT_MS, polling: POLL });
  if (fast) await setSpeed(page, 1);
}

/** Waits until crew member `id` matches every field of `want`; see waitCrews. */
export async function waitCrew(page: Page, id: string, want: CrewWant, fast = false): Promise<void> {
  await waitCrews(page, [[id, want]], fast);
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

const GAME_CANVAS = '[data-testid="game"] > canvas:not(.minimap)';

interface Steady {
  x: number;
  y: number;
  clickable: boolean;
  /** The canvas on the page, for dragging and zooming. */
  box: { x: number; y: number; width: number; height: number };
}

/** Where cell (x, y) shows once the camera has stopped moving (a follow pan eases over a few frames),
 *  and whether a click there lands on the map itself (on screen, not under a floor inset or a toast).
 *  Watches the frames inside the page: a round trip per frame costs seconds on a slow machine. */
async function steadyPoint(page: Page, x: number, y: number): Promise<Steady> {
  const p = await page.evaluate(
    ([cx, cy, sel]) =>
      new Promise<Steady | null>((done) => {
        document.querySelector(sel)?.scrollIntoView({ block: 'end' });
        const at = () => (window as HookWindow).__fireground?.cellToClient(cx, cy) ?? null;
        let last = at();
        let frames = 0;
        const settle = () => {
          const now = at();
          if (!now || !last) return done(null);
          const still = Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5;
          last = now;
          if (!still && ++frames < 8) return void requestAnimationFrame(settle);
          const canvas = document.querySelector(sel);
          if (!canvas) return done(null);
          const r = canvas.getBoundingClientRect();
          done({ ...now, clickable: document.elementFromPoint(now.x, now.y) === canvas, box: { x: r.left, y: r.top, width: r.width, height: r.height } });
        };
        requestAnimationFrame(settle);
      }),
    [x, y, GAME_CANVAS] as const,
  );
  if (!p) throw new Error('the play scene is not running');
  return p;
}

/** Zooms the map out with the mouse wheel as far as it goes, as a player takes in a long floor at once
 *  so that orders across it need no dragging. */
export async function zoomOut(page: Page): Promise<void> {
  const box = await page.locator(GAME_CANVAS).evaluate((el) => {
    el.scrollIntoView({ block: 'end' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const zoom = () => page.evaluate(() => (window as HookWindow).__fireground?.camera().zoom ?? 0);
  await page.mouse.move(box.x, box.y);
  let before = await zoom();
  for (let k = 0; k < 10; k++) {
    for (let w = 0; w < 4; w++) await page.mouse.wheel(0, 120);
    await nextFrame(page);
    const now = await zoom();
    if (now >= before) return;
    before = now;
  }
}

/** Brings cell (x, y) where a click reaches it, as a player would: scroll the page to the map, drag the
 *  map towards the cell, zoom out with the wheel to see further, or in to get room to drag it clear of
 *  the floor insets in the corner. */
async function bringIntoView(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  for (let k = 0; k < 16; k++) {
    const p = await steadyPoint(page, x, y);
    if (p.clickable) return p;
    const box = p.box;
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
 *  member now walks there, or, while paused, the order waits for the next tick); clicks again if the
 *  camera moved under the mouse. */
export async function orderMove(page: Page, id: string, x: number, y: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const p = await bringIntoView(page, x, y);
    await page.mouse.click(p.x, p.y);
    const taken = await page
      .waitForFunction(
        ([c, tx, ty]) => {
          const s = (window as HookWindow).__firegroundSession;
          const now = s?.crewOf(c);
          const queued = s?.queued().some((i) => i.type === 'moveTo' && i.crewId === c && i.x === tx && i.y === ty) ?? false;
          return queued || (!!now && ((now.pathEnd?.x === tx && now.pathEnd.y === ty) || (now.x === tx && now.y === ty)));
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

/** Does `give` and waits until its order is in: applied on the next tick, or queued while paused. */
async function order(page: Page, give: () => Promise<void>): Promise<void> {
  const now = await page.evaluate(() => ({
    paused: document.querySelector('[data-testid="pause"]')?.getAttribute('data-paused') === 'true',
    queued: (window as HookWindow).__firegroundSession?.queued().length ?? 0,
    tick: (window as HookWindow).__fireground?.tick() ?? 0,
  }));
  if (now.paused) {
    const before = now.queued;
    await give();
    await page.waitForFunction((n) => ((window as HookWindow).__firegroundSession?.queued().length ?? 0) > n, before, { timeout: 10_000, polling: POLL });
    return;
  }
  await give();
  await stepPast(page, now.tick);
}

/** Presses a key on the map for the selected crew member and waits until the order is in. */
export async function press(page: Page, key: string): Promise<void> {
  await order(page, () => page.keyboard.press(key));
}

/** Clicks a button of the context action bar (the same intents as the keys). */
export async function clickAction(page: Page, action: string): Promise<void> {
  await order(page, () => mouseClick(page, page.getByTestId('action-bar').locator(`button[data-action="${action}"]`)));
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
