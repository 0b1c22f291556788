/** `npm run scenarios:check [files]`: validates scenario files (syntax, shape, semantics) and prints
 *  every problem as `file: $.json.path: rule`. Exit code 1 when any file is broken. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatIssues, validateScenarioText } from '../engine/index';

const args = process.argv.slice(2);
const files = args.length > 0 ? args : readdirSync('scenarios').filter((f) => f.endsWith('.scenario.json')).map((f) => join('scenarios', f));

let broken = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    broken += 1;
    console.error(`${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
    continue;
  }
  const result = validateScenarioText(text);
  const issues = result.ok ? [] : [...result.issues];
  if (result.ok && `${result.scenario.id}.scenario.json` !== basename(file)) {
    issues.push({ path: '$.id', rule: `must equal the file name stem ("${basename(file, '.scenario.json')}")` });
  }
  if (issues.length > 0) {
    broken += 1;
    console.error(formatIssues(issues, file));
  } else {
    console.log(`${file}: ok`);
  }
}
console.log(`${files.length - broken} of ${files.length} scenario files valid`);
process.exitCode = broken > 0 ? 1 : 0;
