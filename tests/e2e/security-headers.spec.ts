/** The built client under the server's security headers: index.html carries no inline script, and the
 *  pages (landing, catalogue, play with Phaser and its workers, studio, drill set-up) run under the CSP
 *  without a single violation. */
import { expect, test, type Page } from '@playwright/test';
import { waitForGame } from './kitchenPath';

/** Collects CSP violations as the page reports them, from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

test('index.html has no inline script and comes with the CSP, nosniff and frame-ancestors', async ({ request }) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=/i);
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('pages run under the CSP without a violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  await expect(page.locator('#root')).not.toBeEmpty();
  await page.goto('/scenarios');
  await expect(page.locator('[data-scenario-id="apartment-kitchen-oil"]')).toBeVisible();
  await page.goto('/play/apartment-kitchen-oil');
  await waitForGame(page);
  await page.goto('/studio');
  await expect(page.locator('#root')).not.toBeEmpty();
  await page.goto('/drill/new');
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(violations).toEqual([]);
});
