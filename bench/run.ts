/** `npm run bench`: runs every benchmark, prints a table and writes bench/results.json with each
 *  figure's name, value, unit and, where it has one, the baseline measured in the same run and the ratio.
 *  `npm run bench -- engine` (or drills, store, frames, studio) runs one group only. */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { drillLoadBench } from './drillLoadBench';
import { engineBench } from './engineBench';
import { storeBench } from './storeBench';
import { frameBench } from './frameBench';
import { studioBench } from './studioBench';
import type { Figure } from './measure';

const groups: Record<string, () => Promise<Figure[]> | Figure[]> = {
  engine: engineBench,
  drills: () => drillLoadBench(),
  store: storeBench,
  frames: frameBench,
  studio: studioBench,
};
const wanted = process.argv.slice(2).filter((g) => g in groups);
const figures: Figure[] = [];
for (const [name, bench] of Object.entries(groups)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`running ${name} benchmarks...`);
  figures.push(...(await bench()));
}
const out = { date: new Date().toISOString(), machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`, figures };
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.table(figures.map((f) => ({ name: f.name, value: f.value, unit: f.unit, baseline: f.baseline ?? '', ratio: f.ratio ?? '', note: f.note ?? '' })));
console.log(`wrote bench/results.json (${out.machine})`);
process.exit(0);
