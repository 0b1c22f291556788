/** The device's database (Dexie over IndexedDB): finished runs kept for debrief and replay, and the
 *  outbox of records still to upload. Strict durability so a run written is on disk before we say so. */
import Dexie, { type Table } from 'dexie';
import type { UploadAnswer } from '../api';
import { DB_NAME } from './deviceStore';

/** A finished run as this device keeps it. `record` is the engine's RunRecord as plain JSON. */
export interface LocalRun {
  id: string;
  scenarioId: string;
  finishedAt: string;
  record: { id: string; seed: number; endTick: number; intents: { tick: number; intent: unknown }[]; [k: string]: unknown };
  percent: number;
  stars: number;
  passed: boolean;
  server: UploadAnswer | null;
}

export interface OutboxEntry {
  id: string;
  queuedAt: string;
  attempts: number;
}

class FiregroundDb extends Dexie {
  runs!: Table<LocalRun, string>;
  outbox!: Table<OutboxEntry, string>;

  constructor() {
    super(DB_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ runs: 'id, scenarioId, finishedAt', outbox: 'id, queuedAt' });
  }
}

export const db = new FiregroundDb();
