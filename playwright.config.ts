/** Playwright end-to-end set-up: Debian's Chromium (downloads are impossible here) against the real
 *  server on its own port with a fresh data folder. Expects `vite build` to have run (npm run test:e2e). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts (or a check beside a dev server) run the suite at once.
const PORT = Number(process.env.E2E_PORT ?? 2580);
// A fresh store per test run, so results from earlier runs never satisfy an assertion.
const DATA_DIR = mkdtempSync(join(tmpdir(), 'fireground-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Every page renders its WebGL scene in software (--disable-gpu) on a 2-core machine: a flow that takes a
  // minute on a quiet machine may take three beside a busy one.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // The JSON report sits outside outputDir, which Playwright empties at start; .ci/run sums it with Vitest's.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx server/main.ts',
    url: `http://localhost:${PORT}/api/scenarios`,
    env: { PORT: String(PORT), DATA_DIR },
    reuseExistingServer: false,
    // Compiling the server and migrating a fresh PGlite store takes well over a minute on a loaded 2-core machine.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
