/** The best result per scenario on this device (stars, percent, pass), kept in localStorage so the
 *  light catalogue can show stars without opening the database. Written when a run ends; the server's
 *  results for a signed-in player are merged in for display. */

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

/** The better of two results: more stars, then a higher percent. */
export function better(a: Best | undefined, b: Best): Best {
  return a && (a.stars > b.stars || (a.stars === b.stars && a.percent >= b.percent)) ? a : b;
}

/** This device's progress with results from elsewhere (the server's, for a signed-in player) merged in. */
export function mergeProgress(local: Record<string, Best>, other: readonly (Best & { scenarioId: string })[]): Record<string, Best> {
  const out = { ...local };
  for (const { scenarioId, stars, percent, passed } of other) out[scenarioId] = better(out[scenarioId], { stars, percent, passed });
  return out;
}

/** Keeps the better of the stored and the new result for `scenarioId`. */
export function recordResult(scenarioId: string, result: Best): void {
  const all = readProgress();
  const old = all[scenarioId];
  if (old && better(old, result) === old) return;
  all[scenarioId] = result;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: progress is a convenience, the run itself is in the outbox.
  }
}
