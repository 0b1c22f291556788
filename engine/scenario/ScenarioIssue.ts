/** The error shape every scenario check produces: where (a JSON path such as
 *  `$.world.items[0].growth`) and which rule was broken, in words an instructor understands. */

export interface ScenarioIssue {
  path: string;
  rule: string;
}

/** Renders a property path the way instructors read it in an editor: `$.a.b[2].c`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

export function formatIssues(issues: readonly ScenarioIssue[], file?: string): string {
  return issues.map((i) => `${file ? `${file}: ` : ''}${i.path}: ${i.rule}`).join('\n');
}

/** Thrown by the throwing variants of parse and check; carries every issue found, not just the first. */
export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];
  constructor(issues: readonly ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
