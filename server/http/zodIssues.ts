/** Turns zod's issues into the API's `{ path, message }` list, with JSON paths people can follow
 *  (`$.intents[0].intent.crewId`). Formatting only. */
import type { z } from 'zod';
import { jsonPath } from '../../engine/index';
import type { ApiIssue } from './ApiError';

/** Caps the list: a 2 MB body can hold a great many mistakes, and the first ones are enough. */
export function zodIssues(error: z.ZodError, max = 50): ApiIssue[] {
  return error.issues.slice(0, max).map((i) => ({ path: jsonPath(i.path), message: i.message }));
}
