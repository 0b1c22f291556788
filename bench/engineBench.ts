/** Engine benchmarks: field throughput on a 256 x 256 floor against an object-per-cell version of the
 *  same rules, whole-tick step time, replay speed of a 15-minute run, and memory per run. */
import { readFileSync } from 'node:fs';
import { createRun, expertBot, loadScenario, playWithBot, replayRecord, stepRun, toRunRecord, TICKS_PER_SECOND } from '../engine/index';
import { stepFields } from '../engine/world/stepFields';
import { largeFloorScenario } from './largeFloorScenario';
import { compared, round, timeMs, timePairMs, type Figure } from './measure';
import { stepObjectFields, toObjectGrid } from './objectPerCellFields';

export async function engineBench(): Promise<Figure[]> {
  const scenario = largeFloorScenario(256, 900);
  const run = createRun(scenario, 1);
  // Let the fires develop so the fields are busy, as at the height of an incident.
  for (let i = 0; i < 60 * TICKS_PER_SECOND; i++) stepRun(run);
  const floor = run.world.floors[0];
  if (!floor) throw new Error('no floor');
  const cellsPerStep = floor.width * floor.height * 2;

  const grid = toObjectGrid(run.world);
  const sources = run.world.items.filter((i) => i.burning).map((i) => ({ index: i.y * floor.width + i.x, hrrKW: i.hrrKW }));
  const [typedMs, objectMs] = timePairMs(() => stepFields(run.world), () => stepObjectFields(grid, sources));

  // The step alone, on a run whose fires have developed as above: building the run is not part of a tick.
  const stepping = createRun(scenario, 2);
  for (let i = 0; i < 60 * TICKS_PER_SECOND; i++) stepRun(stepping);
  const tickMs = timeMs(() => stepRun(stepping));
  if (stepping.endReason !== null) throw new Error(`the stepped run ended (${stepping.endReason}) while being timed`);

  // A 15-minute run of the 256 x 256 floor: the expert acts, then the clock runs out.
  const long = playWithBot(createRun(scenario, 3), expertBot);
  const record = toRunRecord(long, '00000000-0000-4000-8000-000000000001');
  const replayMs = timeMs(() => {
    const r = replayRecord(scenario, record);
    if (!r.ok) throw new Error('replay failed');
  }, 3000, 1);
  const runSeconds = record.endTick / TICKS_PER_SECOND;

  // The largest reference scenario, left to burn for its full 15 minutes: every field and room busy.
  const tube = loadScenario(JSON.parse(readFileSync(new URL('../scenarios/tube-house-motorbikes.scenario.json', import.meta.url), 'utf8')));
  const idle = playWithBot(createRun(tube, 4), () => []);
  const tubeRecord = toRunRecord(idle, '00000000-0000-4000-8000-000000000002');
  const tubeMs = timeMs(() => {
    const r = replayRecord(tube, tubeRecord);
    if (!r.ok) throw new Error('replay failed');
  }, 3000, 1);
  const tubeSeconds = tubeRecord.endTick / TICKS_PER_SECOND;

  const gc = (globalThis as { gc?: () => void }).gc;
  // A typed array's memory is given back some time after the collection that finds it dead, so collect
  // and yield a few times; one gc() left the replays' buffers counted before and gone after.
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 4; i++) {
      gc?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Typed arrays live outside the JS heap, so count both.
  const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  await settle();
  const before = used();
  const many = Array.from({ length: 20 }, (_, i) => createRun(scenario, i));
  await settle();
  const perRun = (used() - before) / many.length;

  return [
    compared('engine.fields.cellUpdatesPerSecond', cellsPerStep / (typedMs / 1000), cellsPerStep / (objectMs / 1000), 'cell-updates/s', 'typed arrays vs object per cell, 256 x 256, heat + smoke'),
    { name: 'engine.step.msPerTick256', value: round(tickMs), unit: 'ms', note: 'stepRun alone, 256 x 256, fires developed for 60 s' },
    { name: 'engine.replay.realTimeFactor.tubeHouse', value: round((tubeSeconds * 1000) / tubeMs), unit: 'x real time', note: `${round(tubeSeconds)} s tube-house run (4 floors, 132 x 40) replayed in ${round(tubeMs)} ms` },
    { name: 'engine.replay.realTimeFactor.floor256', value: round((runSeconds * 1000) / replayMs), unit: 'x real time', note: `${round(runSeconds)} s run on 256 x 256 replayed in ${round(replayMs)} ms` },
    { name: 'engine.memory.perRun256', value: round(perRun / 1024), unit: 'KiB', note: gc ? 'after gc' : 'without --expose-gc' },
  ];
}
