/** `npm run scenarios:schema`: regenerates scenarios/scenario.schema.json from the engine's zod
 *  schema. A test fails when the committed file is stale, so editors never autocomplete an old format. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/index';

writeFileSync('scenarios/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/scenario.schema.json');
