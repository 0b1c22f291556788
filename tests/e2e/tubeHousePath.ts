/** The tube house's expert path through the real UI: water supply from the alley hydrant and a line down
 *  the alley, power isolated before water, the ground-floor fire knocked down while the rescue crew pitch
 *  the ladder at the balcony, then all three crew bring the family down the cleared stair. The order follows
 *  engine/bots/expertBot.ts (which takes the stair once no fire burns below); every order is a real click or
 *  key, given with the clock paused (Space) as a player of a tactical game does, so aiming costs no incident time. */
import type { Page } from '@playwright/test';
import { clickAction, pause, press, resume, selectCrew, send, setSpeed, waitArrived, waitCrew, waitCrews, whilePaused, zoomOut, type CrewWant } from './crewControls';

export const TUBE_HOUSE_ID = 'tube-house-motorbikes';
export const TUBE_HOUSE_CRITERIA = ['no-deaths', 'family-rescued', 'water-on', 'fire-out', 'no-shock', 'air-discipline'] as const;

type HookWindow = Window & { __firegroundSession?: { crewOf(id: string): { discharging: string | null } | null; burning(): string[] } };

/** Who goes where for the rescue: the stair cell each takes and the cell beside their casualty. */
const RESCUE = [
  { id: 'ff-3', stair: [124, 20], beside: [127, 9], out: [121, 4] },
  { id: 'ff-1', stair: [123, 20], beside: [123, 8], out: [120, 3] },
  { id: 'ff-2', stair: [124, 21], beside: [125, 10], out: [122, 4] },
] as const;

/** Waits, with the clock running, until every rescuer matches `want`. */
async function waitAll(page: Page, want: CrewWant | ((r: (typeof RESCUE)[number]) => CrewWant)): Promise<void> {
  await waitCrews(
    page,
    RESCUE.map((r) => [r.id, typeof want === 'function' ? want(r) : want] as const),
  );
}

/** Keeps the nozzle on the fire: whenever the item being sprayed has gone out, pause and press E, which
 *  turns the nozzle to the nearest fire still burning, until nothing burns. Re-aiming late lets the
 *  motorbikes rekindle: the clock stops the moment a target goes out, and runs no faster than x2. */
async function knockDown(page: Page): Promise<void> {
  await selectCrew(page, 'ff-1');
  await setSpeed(page, 2);
  for (let k = 0; k < 150; k++) {
    const now = await page.evaluate(() => {
      const s = (window as HookWindow).__firegroundSession;
      return { fires: s?.burning() ?? [], target: s?.crewOf('ff-1')?.discharging ?? null };
    });
    if (now.fires.length === 0) return;
    if (now.target === null || !now.fires.includes(now.target)) {
      await whilePaused(page, () => press(page, 'E'));
      continue;
    }
    await resume(page);
    await page.waitForFunction(
      (t) => {
        const s = (window as HookWindow).__firegroundSession;
        return !s || !s.burning().includes(t) || s.crewOf('ff-1')?.discharging !== t;
      },
      now.target,
      { timeout: 120_000, polling: 50 },
    );
    // Stop the clock at once; what to spray next is decided with time standing still.
    await pause(page);
  }
  throw new Error('the fire never went out');
}

export async function playTubeHouseExpert(page: Page): Promise<void> {
  // The first orders, given before the clock runs on, with the whole alley in view: nozzle 1 to the
  // hydrant beside the engine, the rescue crew down the alley to the caged balcony, where the ladder goes.
  await whilePaused(page, async () => {
    await zoomOut(page);
    await send(page, 'ff-1', 2, 4);
    await send(page, 'ff-2', 126, 5);
    await send(page, 'ff-3', 127, 5);
  });
  await waitArrived(page, 'ff-1', 2, 4);
  // Water supply: connect the hydrant, take the line and lay it sixty metres down the alley to the meter box.
  await whilePaused(page, async () => {
    await selectCrew(page, 'ff-1');
    await press(page, 'Y');
    await press(page, 'H');
    await send(page, 'ff-1', 124, 7);
  });
  await waitCrew(page, 'ff-1', { hose: true });
  await waitArrived(page, 'ff-1', 124, 7, true);
  // Power off before water, then open the nozzle.
  await whilePaused(page, async () => {
    await clickAction(page, 'isolatePower');
    await press(page, 'E');
  });
  // The rescue crew pitch the ladder at the caged balcony while the fire is fought.
  await waitArrived(page, 'ff-2', 126, 5);
  await whilePaused(page, async () => {
    await selectCrew(page, 'ff-2');
    await clickAction(page, 'placeLadder');
  });
  await knockDown(page);

  // No fire below any more: the stair is the quick way up. Everyone climbs two storeys. Every order from
  // here is given paused, so the clock can run at x4 throughout.
  await whilePaused(page, async () => {
    await setSpeed(page, 4);
    for (const r of RESCUE) await send(page, r.id, r.stair[0], r.stair[1]);
  });
  await waitAll(page, (r) => ({ x: r.stair[0], y: r.stair[1], moving: false, busy: false }));
  for (const level of [1, 2]) {
    await whilePaused(page, async () => {
      for (const r of RESCUE) {
        await selectCrew(page, r.id);
        await press(page, 'U');
      }
    });
    await waitAll(page, { level, moving: false });
  }
  await whilePaused(page, async () => {
    for (const r of RESCUE) await send(page, r.id, r.beside[0], r.beside[1]);
  });

  // Each picks up the casualty beside them as they get there and carries them back to the stair.
  for (const r of RESCUE) {
    await waitArrived(page, r.id, r.beside[0], r.beside[1]);
    await whilePaused(page, async () => {
      await selectCrew(page, r.id);
      await press(page, 'C');
      await send(page, r.id, r.stair[0], r.stair[1]);
    });
  }
  // Down two storeys together and out to the street.
  await waitAll(page, (r) => ({ x: r.stair[0], y: r.stair[1], moving: false, busy: false, carrying: true }));
  for (const level of [1, 0]) {
    await whilePaused(page, async () => {
      for (const r of RESCUE) {
        await selectCrew(page, r.id);
        await press(page, 'J');
      }
    });
    await waitAll(page, { level, moving: false });
  }
  await whilePaused(page, async () => {
    for (const r of RESCUE) await send(page, r.id, r.out[0], r.out[1]);
  });
  await waitAll(page, (r) => ({ x: r.out[0], y: r.out[1], moving: false, busy: false }));
  await whilePaused(page, async () => {
    for (const r of RESCUE) {
      await selectCrew(page, r.id);
      await press(page, 'C');
    }
  });
  await waitAll(page, { carrying: false });
}
