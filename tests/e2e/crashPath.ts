/** The road crash's expert path through the real UI: two rescuers split the five casualties, tag each by
 *  START (airway first for each casualty who is not breathing), then free the trapped driver with the spreader.
 *  The order follows engine/bots/expertBot.ts; every order is a real click or key. */
import { expect, type Page } from '@playwright/test';
import { clickAction, press, selectCrew, send, waitArrived, waitFree } from './crewControls';

export const CRASH_ID = 'road-crash-triage';
export const CRASH_CRITERIA = ['all-tagged-right', 'triage-pace', 'no-wrong-tag', 'airway-first', 'driver-freed'] as const;

/** START tags in the picker's order: 1 green, 2 yellow, 3 red, 4 black. */
const TAG_KEY = { green: '1', yellow: '2', red: '3', black: '4' } as const;

/** Opens the triage picker with T for the casualty beside the selected rescuer and picks `tag` by its key. */
async function tag(page: Page, tagName: keyof typeof TAG_KEY): Promise<void> {
  await page.keyboard.press('T');
  const picker = page.getByTestId('triage-picker');
  await expect(picker).toBeVisible();
  await expect(picker.locator('[data-tag="green"]')).toBeFocused();
  await page.keyboard.press(TAG_KEY[tagName]);
  await expect(picker).toBeHidden();
}

export async function playRoadCrashExpert(page: Page): Promise<void> {
  // Both rescuers walk in: rescue 1 to the first rider, rescue 2 to the pillion passenger.
  await send(page, 'rescue-1', 29, 9);
  await send(page, 'rescue-2', 35, 13);

  await selectCrew(page, 'rescue-1');
  await waitArrived(page, 'rescue-1', 29, 9, true);
  // The first rider walked clear at once: walking wounded, green.
  await tag(page, 'green');

  await selectCrew(page, 'rescue-2');
  await waitArrived(page, 'rescue-2', 35, 13);
  // Breathing 34 a minute: over 30, red.
  await tag(page, 'red');

  // A START assessment takes fifteen seconds: skip through it.
  await waitFree(page, 'rescue-1', true);
  await send(page, 'rescue-1', 43, 9);
  await waitFree(page, 'rescue-2', true);
  await send(page, 'rescue-2', 49, 15);

  // The second rider is not breathing: open the airway before any tag.
  await selectCrew(page, 'rescue-1');
  await waitArrived(page, 'rescue-1', 43, 9);
  await press(page, 'O');

  await selectCrew(page, 'rescue-2');
  await waitArrived(page, 'rescue-2', 49, 15);
  // Not breathing: START opens the airway first, and only one still not breathing then is black.
  await press(page, 'O');
  await waitFree(page, 'rescue-2');
  await tag(page, 'black');

  await selectCrew(page, 'rescue-1');
  await waitFree(page, 'rescue-1');
  // Breathing again once the airway was opened: red.
  await tag(page, 'red');

  await waitFree(page, 'rescue-1', true);
  await send(page, 'rescue-1', 41, 7);
  await waitArrived(page, 'rescue-1', 41, 7);
  // The trapped driver obeys commands and breathes normally: yellow, then free him with the spreader.
  await tag(page, 'yellow');
  await waitFree(page, 'rescue-1', true);
  await clickAction(page, 'free');
}
