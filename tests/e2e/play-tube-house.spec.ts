/** End to end, like a trainee: open the tube house's briefing, start, pause to give orders and speed the
 *  clock up to walk, lay the line down the alley, isolate the power, knock the fire down and bring the family
 *  out with the real mouse and keyboard, then check the end screen and debrief: a pass, every criterion met. */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, expectPassedDebrief, expectPassedEnd, waitForPlay } from './crewControls';
import { playTubeHouseExpert, TUBE_HOUSE_CRITERIA, TUBE_HOUSE_ID } from './tubeHousePath';

// Known broken (issue #20): since crews can be harmed and occupants use the stairs, an order given while paused on
// this path is not seen queued within the helper's wait; the expert path needs re-planning against the new engine.
test.fixme('a trainee fights the tube house fire, rescues the family and reads a passing debrief', async ({ page }) => {
  // About three minutes of incident time, skipped through at x4 where nobody has anything to do. Orders
  // are given with the clock paused: without a GPU the page draws two to five frames a second, and
  // aiming across the 132-cell ground floor at x1 used to cost the family.
  // It plays in 3 to 3.5 minutes on a quiet two-core machine; the margin is for a loaded one.
  test.setTimeout(480_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(`/briefing/${TUBE_HOUSE_ID}`);
  await page.getByTestId('start').click();
  await expect(page).toHaveURL(new RegExp(`/play/${TUBE_HOUSE_ID}$`));
  await waitForPlay(page);
  await expect(page.getByTestId('speed-control').locator('[data-speed="1"]'), 'a run starts in real time').toHaveAttribute('aria-pressed', 'true');

  await playTubeHouseExpert(page);
  await page.screenshot({ path: `${ARTIFACTS}/tube-house-play.png` });

  await expectPassedEnd(page, TUBE_HOUSE_CRITERIA);
  await page.screenshot({ path: `${ARTIFACTS}/tube-house-end.png` });
  await expectPassedDebrief(page, TUBE_HOUSE_CRITERIA);
  await page.screenshot({ path: `${ARTIFACTS}/tube-house-debrief.png`, fullPage: true });
});
