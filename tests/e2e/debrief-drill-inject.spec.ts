/** A drill record with an instructor's inject, uploaded as the server receives it, then opened on the
 *  debrief and the replay of a browser that does not hold it: the page's score and criteria are the
 *  server's, and the replay runs on past the moment the crew's own log would have ended the run. */
import { expect, test } from '@playwright/test';
import { INJECT_AT_TICK, kitchenDrillWithInject } from '../support/drillWithInject';

type HookWindow = Window & { __fireground?: { tick(): number; ended(): boolean } };

test('a drill record with an inject shows the server’s score on the debrief and replays to its end', async ({ page, request }) => {
  const { record } = kitchenDrillWithInject();
  const upload = await request.post('/api/runs', { data: record });
  expect(upload.status()).toBe(201);
  const receipt = (await upload.json()) as { status: string; percent: number; stars: number };
  expect(receipt).toMatchObject({ status: 'verified', percent: 50, stars: 0 });

  await page.goto(`/debrief/${record.id}`);
  await expect(page.getByTestId('debrief-score')).toHaveText('Điểm: 50%');
  await expect(page.getByTestId('debrief')).toContainText('Máy chủ: 50%');
  // The crew stays by the cylinder burning on after the inject until time is up, and is burned.
  for (const id of ['fire-out-in-time', 'crew-not-burned']) await expect(page.locator(`[data-criterion="${id}"]`)).toContainText('Không đạt');
  for (const id of ['no-water-on-oil', 'gas-isolated']) await expect(page.locator(`[data-criterion="${id}"]`)).toContainText('Đạt');

  // The crew's own log ends the run at tick 78; with the inject the cylinder burns on until time is up.
  const near = record.endTick - 10;
  expect(near).toBeGreaterThan(INJECT_AT_TICK + 100);
  await page.goto(`/replay/${record.id}?t=${near}`);
  await page.waitForFunction((t) => (window as HookWindow).__fireground?.tick() === t, near);
  await page.getByTestId('replay-toggle').click();
  await page.waitForFunction((end) => (window as HookWindow).__fireground?.tick() === end && (window as HookWindow).__fireground?.ended() === true, record.endTick);
});
