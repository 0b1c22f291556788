// Sums the JSON reports of Vitest and Playwright into the one line CI reads: `N passed, N failed`.
// A step that failed before its runner wrote a report (typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
const seen = [];

if (existsSync('reports/vitest.json')) {
  const r = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  seen.push(`vitest ${r.numPassedTests}/${r.numTotalTests}`);
}
if (existsSync('reports/playwright.json')) {
  const r = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  seen.push(`playwright ${s.expected ?? 0} expected, ${s.unexpected ?? 0} unexpected, ${s.flaky ?? 0} flaky, ${s.skipped ?? 0} skipped`);
}
if (status !== 0 && failed === 0) failed = 1;
// A green run that wrote no report ran no test: that is a failure of CI itself, not a pass.
if (seen.length === 0 && failed === 0) failed = 1;
console.log(seen.join('; ') || 'no test report was written');
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
