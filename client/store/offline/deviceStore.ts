/** Whether this device may hold finished runs, asked without loading Dexie, so light pages (the
 *  landing) skip the outbox on a first visit. Holds no data itself. */

/** The IndexedDB database the outbox and local runs live in (see db.ts). */
export const DB_NAME = 'fireground';

/** False only when the browser can list its databases and ours is not among them: nothing has ever
 *  been saved here. Any doubt answers true, so a waiting run is never left unsent. */
export async function mayHoldRuns(): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    if (typeof indexedDB.databases !== 'function') return true;
    return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
  } catch {
    return true;
  }
}
