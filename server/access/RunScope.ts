/** Which runs (and people) a caller may see, as plain data. Decided only by access/policy.ts and
 *  translated to SQL only by store/scopeSql.ts; nothing else builds one by hand. */

export type RunScope =
  /** An admin: every run, owned or not. */
  | { kind: 'all' }
  /** A trainee: their own runs. */
  | { kind: 'owner'; userId: string }
  /** An instructor: runs trained in exactly these units. */
  | { kind: 'units'; unitIds: readonly string[] }
  /** A manager: runs trained anywhere under this unit path (the unit itself included). */
  | { kind: 'subtree'; path: string }
  /** Nobody signed in: only anonymous practice runs, which name no person. */
  | { kind: 'unowned' };

export const ALL_RUNS: RunScope = { kind: 'all' };
