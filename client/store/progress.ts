/** The best result per scenario on this device (stars, percent, pass), kept in localStorage so the
 *  light catalogue can show stars without opening the database. Written when a run ends. */

export interface Best {
  stars: number;
  percent: number;
  passed: boolean;
}

const KEY = 'fireground.progress';

export function readProgress(): Record<string, Best> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' ? (raw as Record<string, Best>) : {};
  } catch {
    // Unreadable or blocked storage: the catalogue simply shows no stars.
    return {};
  }
}

/** Keeps the better of the stored and the new result for `scenarioId`. */
export function recordResult(scenarioId: string, result: Best): void {
  const all = readProgress();
  const old = all[scenarioId];
  if (old && (old.stars > result.stars || (old.stars === result.stars && old.percent >= result.percent))) return;
  all[scenarioId] = result;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: progress is a convenience, the run itself is in the outbox.
  }
}
