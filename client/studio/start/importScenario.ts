/** Reads a .scenario.json the author chose: text that is not JSON is refused with the parser's message
 *  and position; any JSON object opens as a draft, with the checker's issues shown in the studio. */
import { parseScenarioText, type ScenarioIssue } from '../../../engine/index';
import { normalizeDraft } from '../model/normalizeDraft';
import type { Scenario } from '../../../engine/index';

export type ImportResult = { ok: true; draft: Scenario; issues: ScenarioIssue[]; replaced: string[] } | { ok: false; reason: 'notJson' | 'notObject'; message: string };

export function importScenarioText(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'notJson', message: err instanceof Error ? err.message : String(err) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'notObject', message: '' };
  const parsed = parseScenarioText(text);
  const { draft, replaced } = normalizeDraft(parsed.ok ? parsed.scenario : value);
  return { ok: true, draft, issues: parsed.ok ? [] : parsed.issues, replaced };
}

/** The draft as a file the author can keep or share. */
export function exportText(draft: Scenario): string {
  return `${JSON.stringify({ $schema: './scenario.schema.json', ...draft }, null, 2)}\n`;
}
