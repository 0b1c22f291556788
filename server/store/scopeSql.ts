/** Turns a RunScope into a SQL condition over a table with `owner_id` and `unit_id` columns. It only
 *  translates: who gets which scope is decided in access/policy.ts. Parameters are appended to `params`. */
import type { RunScope } from '../access/RunScope';

export function scopeCondition(scope: RunScope, alias: string, params: unknown[]): string {
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'owner':
      return `${alias}.owner_id = ${p(scope.userId)}`;
    case 'units':
      // An empty list must match nothing, and `IN ()` is not valid SQL.
      return scope.unitIds.length === 0 ? 'FALSE' : `${alias}.unit_id IN (${scope.unitIds.map(p).join(', ')})`;
    case 'subtree':
      // Unit ids are [a-z0-9-] (checked by the schema), so the path holds no LIKE wildcards.
      return `${alias}.unit_id IN (SELECT id FROM units WHERE path LIKE ${p(`${scope.path}%`)})`;
    case 'unowned':
      // A drill's run has no owner either, but names its participants: never an anonymous read.
      return `${alias}.owner_id IS NULL AND ${alias}.drill IS NULL`;
  }
}
