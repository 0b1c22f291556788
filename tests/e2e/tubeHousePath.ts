/** The tube house's expert path through the real UI: water supply from the alley hydrant and a line down
 *  the alley, power isolated before water, the ground-floor fire knocked down while the rescue crew pitch
 *  the ladder at the balcony, then all three crew bring the family down the cleared stair. The order follows
 *  engine/bots/expertBot.ts (which takes the stair once no fire burns below); every order is a real click or key. */
import type { Page } from '@playwright/test';
import { clickAction, press, selectCrew, send, waitArrived, waitCrew } from './crewControls';

export const TUBE_HOUSE_ID = 'tube-house-motorbikes';
export const TUBE_HOUSE_CRITERIA = ['no-deaths', 'family-rescued', 'water-on', 'fire-out', 'no-shock', 'air-discipline'] as const;

type HookWindow = Window & { __firegroundSession?: { crewOf(id: string): { discharging: string | null } | null; burning(): string[] } };

/** Who goes where for the rescue: the stair cell each takes and the cell beside their casualty. */
const RESCUE = [
  { id: 'ff-3', stair: [124, 20], beside: [127, 9], out: [121, 4] },
  { id: 'ff-1', stair: [123, 20], beside: [123, 8], out: [120, 3] },
  { id: 'ff-2', stair: [124, 21], beside: [125, 10], out: [122, 4] },
] as const;

/** Keeps the nozzle on the fire in real time: whenever the item being sprayed has gone out, E to shut
 *  the nozzle and E again to open it on the nearest fire, until nothing burns. Re-aiming late lets the
 *  motorbikes rekindle, so this runs at x1. */
async function knockDown(page: Page): Promise<void> {
  await selectCrew(page, 'ff-1');
  for (let k = 0; k < 150; k++) {
    const now = await page.evaluate(() => {
      const s = (window as HookWindow).__firegroundSession;
      return { fires: s?.burning() ?? [], target: s?.crewOf('ff-1')?.discharging ?? null };
    });
    if (now.fires.length === 0) return;
    if (now.target === null || !now.fires.includes(now.target)) {
      if (now.target !== null) await press(page, 'E');
      await press(page, 'E');
      continue;
    }
    await page.waitForFunction(
      (t) => {
        const s = (window as HookWindow).__firegroundSession;
        return !s || !s.burning().includes(t) || s.crewOf('ff-1')?.discharging !== t;
      },
      now.target,
      { timeout: 120_000, polling: 50 },
    );
  }
  throw new Error('the fire never went out');
}

export async function playTubeHouseExpert(page: Page): Promise<void> {
  // Water supply first: nozzle 1 connects the hydrant beside the engine, takes the line and lays it
  // down the alley to the meter box; meanwhile the rescuers go down the alley to the balcony side.
  await send(page, 'ff-1', 2, 4);
  await waitArrived(page, 'ff-1', 2, 4);
  await press(page, 'Y');
  await press(page, 'H');
  await waitCrew(page, 'ff-1', { hose: true });
  await send(page, 'ff-1', 124, 7);
  await send(page, 'ff-2', 126, 5);
  await send(page, 'ff-3', 127, 5);
  await selectCrew(page, 'ff-1');
  // Sixty metres of alley with a charged line: skip through the walk.
  await waitArrived(page, 'ff-1', 124, 7, true);
  // Power off before water, then open the nozzle.
  await clickAction(page, 'isolatePower');
  await press(page, 'E');

  // The rescue crew pitch the ladder at the caged balcony while the fire is fought.
  await selectCrew(page, 'ff-2');
  await waitArrived(page, 'ff-2', 126, 5, true);
  await clickAction(page, 'placeLadder');

  await knockDown(page);

  // No fire below any more: the stair is the quick way up. Everyone climbs two storeys.
  for (const r of RESCUE) await send(page, r.id, r.stair[0], r.stair[1]);
  for (const level of [1, 2]) {
    for (const r of RESCUE) {
      await selectCrew(page, r.id);
      await waitArrived(page, r.id, r.stair[0], r.stair[1], level === 1);
      await press(page, 'U');
      await waitCrew(page, r.id, { level, moving: false });
    }
  }
  for (const r of RESCUE) await send(page, r.id, r.beside[0], r.beside[1]);

  // Pick up the casualty beside each, carry them back to the stair and down to the street.
  for (const r of RESCUE) {
    await selectCrew(page, r.id);
    await waitArrived(page, r.id, r.beside[0], r.beside[1], true);
    await press(page, 'C');
    await waitCrew(page, r.id, { carrying: true });
    await send(page, r.id, r.stair[0], r.stair[1]);
  }
  await waitArrived(page, 'ff-2', RESCUE[2].stair[0], RESCUE[2].stair[1], true);
  for (const level of [1, 0]) {
    for (const r of RESCUE) {
      await selectCrew(page, r.id);
      await waitArrived(page, r.id, r.stair[0], r.stair[1]);
      await press(page, 'J');
      await waitCrew(page, r.id, { level, moving: false });
    }
  }
  for (const r of RESCUE) await send(page, r.id, r.out[0], r.out[1]);

  for (const r of RESCUE) {
    await selectCrew(page, r.id);
    await waitArrived(page, r.id, r.out[0], r.out[1], true);
    await press(page, 'C');
    await waitCrew(page, r.id, { carrying: false });
  }
}
