/** End to end, like a trainee: open the road crash's briefing, start, speed the clock up, triage all five
 *  casualties by START and free the trapped driver with the real mouse and keyboard, then check the end
 *  screen and the debrief: a pass, three stars, every criterion met. Hooks only aim and wait. */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, expectPassedDebrief, expectPassedEnd, waitForPlay } from './crewControls';
import { CRASH_CRITERIA, CRASH_ID, playRoadCrashExpert } from './crashPath';

test('a trainee triages the road crash by START, frees the driver and reads a passing debrief', async ({ page }) => {
  // About two and a half minutes of incident time, skipped through at x4 where nobody has anything to do.
  test.setTimeout(300_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(`/briefing/${CRASH_ID}`);
  await page.getByTestId('start').click();
  await expect(page).toHaveURL(new RegExp(`/play/${CRASH_ID}$`));
  await waitForPlay(page);
  await expect(page.getByTestId('speed-control').locator('[data-speed="1"]'), 'a run starts in real time').toHaveAttribute('aria-pressed', 'true');

  await playRoadCrashExpert(page);
  await page.screenshot({ path: `${ARTIFACTS}/road-crash-play.png` });

  await expectPassedEnd(page, CRASH_CRITERIA);
  await page.screenshot({ path: `${ARTIFACTS}/road-crash-end.png` });
  await expectPassedDebrief(page, CRASH_CRITERIA);
  await page.screenshot({ path: `${ARTIFACTS}/road-crash-debrief.png`, fullPage: true });
});
