/** Checks one typed value against its field's schema as the author types, and says what is wrong in
 *  the author's language (the checker's own rule follows once the whole draft is checked). */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export function fieldMessage(schema: z.ZodType, value: unknown, t: TFunction): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (!issue) return null;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? t('studio.invalid.empty') : t('studio.invalid.min', { min: String(issue.minimum) });
    case 'too_big':
      return t('studio.invalid.max', { max: String(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? t('studio.invalid.number') : t('studio.invalid.type');
    case 'invalid_format':
      return t('studio.invalid.id');
    default:
      return t('studio.invalid.type');
  }
}
