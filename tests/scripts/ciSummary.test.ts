/** Runs scripts/ciSummary.mjs on reports written by real Vitest and Playwright runs (fixtures/ciSummary,
 *  trimmed of timings and stacks) and checks its final line. It must not rewrite the fixtures. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'ciSummary');
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'ciSummary.mjs');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Runs the summary over a reports folder holding the named fixtures, with `npm test`'s exit status. */
function summarise(reports: { vitest?: string; playwright?: string }, status = 0): { lines: string[]; last: string; code: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'fireground-ci-'));
  dirs.push(dir);
  if (reports.vitest) copyFileSync(join(FIXTURES, reports.vitest), join(dir, 'vitest.json'));
  if (reports.playwright) copyFileSync(join(FIXTURES, reports.playwright), join(dir, 'playwright.json'));
  const run = spawnSync(process.execPath, [SCRIPT, String(status), dir], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const lines = run.stdout.trim().split('\n');
  return { lines, last: lines[lines.length - 1] ?? '', code: run.status };
}

describe('CI summary', () => {
  it('counts every test of reports that all passed, and exits 0', () => {
    const r = summarise({ vitest: 'vitest-green.json', playwright: 'playwright-green.json' });
    // Two Vitest tests, one Playwright test; the Playwright test skipped with a reason is neither.
    expect(r.last).toBe('3 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('counts a file that failed to load and the tests skipped under a beforeAll that threw as failed', () => {
    // green.test.ts: 2 passed; hook.test.ts: beforeAll threw, 2 tests recorded as skipped; load.test.ts:
    // an import failed, no test recorded. Vitest's own counts say 2 passed and 0 failed.
    const r = summarise({ vitest: 'vitest-failed-suites.json' });
    expect(r.last).toBe('2 passed, 3 failed');
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.includes('load.test.ts') && l.includes('Cannot find module'))).toBe(true);
  });

  it('counts a file whose afterAll threw as one failure although its tests passed', () => {
    const r = summarise({ vitest: 'vitest-afterall.json' });
    expect(r.last).toBe('1 passed, 1 failed');
    expect(r.code).toBe(1);
  });

  it('counts Playwright tests skipped after a failure in serial mode as failed, but not a skip on purpose', () => {
    // plain.spec.ts: 1 passed, 1 skipped with a reason; serial.spec.ts: 1 passed, 1 failed, 2 not run.
    const r = summarise({ playwright: 'playwright-serial.json' });
    expect(r.last).toBe('2 passed, 3 failed');
    expect(r.code).toBe(1);
    expect(r.lines.some((l) => l.includes('2 did not run after a failure'))).toBe(true);
  });

  it('counts a spec that failed to load as a failure', () => {
    const r = summarise({ playwright: 'playwright-load-error.json' });
    expect(r.last).toBe('0 passed, 1 failed');
    expect(r.code).toBe(1);
  });

  it('sums both runners', () => {
    const r = summarise({ vitest: 'vitest-failed-suites.json', playwright: 'playwright-serial.json' });
    expect(r.last).toBe('4 passed, 6 failed');
  });

  it('counts a step that failed before any report as one failure, and no report at all as a failure', () => {
    expect(summarise({}, 2).last).toBe('0 passed, 1 failed');
    expect(summarise({}, 0).last).toBe('0 passed, 1 failed');
    expect(summarise({ vitest: 'vitest-green.json' }, 1).last).toBe('2 passed, 1 failed');
  });

  it('counts a report it cannot read as a failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fireground-ci-'));
    dirs.push(dir);
    // A runner killed while writing leaves a cut-off report.
    writeFileSync(join(dir, 'vitest.json'), '{"numTotalTests": 4, "testResults": [');
    const run = spawnSync(process.execPath, [SCRIPT, '0', dir], { encoding: 'utf8' });
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(run.stdout).toContain('vitest.json could not be read');
    expect(run.status).toBe(1);
  });
});
