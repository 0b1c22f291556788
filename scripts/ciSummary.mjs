// Sums the JSON reports of Vitest and Playwright into the one line CI reads: `N passed, N failed`.
// A step that failed before its runner wrote a report (typecheck, lint, build) counts as one failure.
// It must never count as passed a test that did not run: a suite that failed to load or whose hook
// threw, or a serial Playwright test skipped after an earlier failure, is a failure.
// Usage: node scripts/ciSummary.mjs <exit status of npm test> [reports folder, default `reports`]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const status = Number(process.argv[2] ?? 0);
const dir = process.argv[3] ?? 'reports';
let passed = 0;
let failed = 0;
const seen = [];
const problems = [];

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    failed += 1;
    return undefined;
  }
}

// Vitest records the tests of a file that failed to load as nothing at all, and the tests under a
// `beforeAll` that threw as `skipped`, exactly as it records `it.skip`; its report cannot tell them
// apart. So in a file that failed, every test that did not pass counts as failed, and a failed file
// with no such test (a load error, an `afterAll` that threw) counts as one failure.
function sumVitest(r) {
  let p = 0;
  let f = 0;
  let skipped = 0;
  let failedFiles = 0;
  for (const file of r.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const ok = tests.filter((t) => t.status === 'passed').length;
    const bad = tests.filter((t) => t.status === 'failed').length;
    const notRun = tests.length - ok - bad;
    p += ok;
    if (file.status === 'failed') {
      failedFiles += 1;
      const lost = bad + notRun;
      f += lost > 0 ? lost : 1;
      if (bad === 0) problems.push(`vitest: ${file.name} failed as a suite: ${file.message || 'a hook threw'}`);
    } else {
      f += bad;
      skipped += notRun;
    }
  }
  // A report that calls the run unsuccessful fails it even where no file says why. (Unhandled errors
  // do not reach the JSON report at all; the exit status of `npm test` catches those.)
  if (r.success === false && f === 0) {
    f = 1;
    problems.push('vitest: the report says the run failed, though no file failed');
  }
  passed += p;
  failed += f;
  seen.push(`vitest ${p} passed, ${f} failed (${failedFiles} of ${(r.testResults ?? []).length} files failed), ${skipped} skipped`);
}

// Playwright marks a test skipped on purpose with expectedStatus `skipped`; a test skipped because an
// earlier test of its serial group failed keeps expectedStatus `passed`, so it did not run and counts as
// failed. Errors outside tests (a spec that failed to load, a web server that never started) count too.
function sumPlaywright(r) {
  let p = 0;
  let f = 0;
  let skipped = 0;
  let notRun = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'expected' || t.status === 'flaky') {
          if (t.expectedStatus === 'skipped') skipped += 1;
          else p += 1;
        } else if (t.status === 'skipped' && t.expectedStatus === 'skipped') skipped += 1;
        else if (t.status === 'skipped') notRun += 1;
        else f += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
  const errors = (r.errors ?? []).length;
  for (const e of r.errors ?? []) problems.push(`playwright: ${String(e.message ?? '').split('\n')[0]}`);
  passed += p;
  failed += f + notRun + errors;
  seen.push(`playwright ${p} passed, ${f} failed, ${notRun} did not run after a failure, ${errors} errors outside tests, ${skipped} skipped`);
}

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const r = readReport(vitestFile);
  if (r) sumVitest(r);
}
const playwrightFile = join(dir, 'playwright.json');
if (existsSync(playwrightFile)) {
  const r = readReport(playwrightFile);
  if (r) sumPlaywright(r);
}
if (status !== 0 && failed === 0) failed = 1;
// A green run that wrote no report ran no test: that is a failure of CI itself, not a pass.
if (seen.length === 0 && failed === 0) failed = 1;
for (const p of problems) console.log(p);
console.log(seen.join('; ') || 'no test report was written');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
