/** Parses a request part with a zod schema or throws a 400 ApiError carrying JSON-path issues. */
import type { z } from 'zod';
import { ApiError } from './ApiError';
import { zodIssues } from './zodIssues';

export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError(400, 'invalidRequest', `The ${what} is not valid.`, zodIssues(parsed.error));
  return parsed.data;
}
