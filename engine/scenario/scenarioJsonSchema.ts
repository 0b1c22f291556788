/** The JSON Schema of the scenario format, generated from the zod schema, so editors autocomplete
 *  and validate scenario files. Written to scenarios/scenario.schema.json by a script. */
import { z } from 'zod';
import { Scenario } from './format';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Scenario, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://fireground.local/scenario.schema.json',
    title: 'Fireground scenario',
  };
}
