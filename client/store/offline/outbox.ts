/** Finished runs go into the outbox first and upload when the network allows, each exactly once by
 *  its UUID (the server also answers a repeated id with the stored result). Never drops a record that
 *  was not accepted or refused by the server. */
import { ApiError, uploadRun, type UploadAnswer } from '../api';
import { useSyncStore } from '../syncStore';
import { db, type LocalRun } from './db';

let flushing: Promise<void> | null = null;
let started = false;

async function refreshCount(): Promise<void> {
  useSyncStore.getState().set({ pending: await db.outbox.count() });
}

/** Asks the browser to keep our storage under pressure; a refusal only means it may be evicted. */
async function persist(): Promise<void> {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Not supported here: the outbox still works, with best-effort storage.
  }
}

/** Stores a finished run and queues its upload; resolves once both are durably written. */
export async function saveRun(run: LocalRun): Promise<void> {
  await db.transaction('rw', db.runs, db.outbox, async () => {
    await db.runs.put(run);
    await db.outbox.put({ id: run.id, queuedAt: new Date().toISOString(), attempts: 0 });
  });
  void persist();
  await refreshCount();
  // A page that found no database at load did not start the outbox; this run must still go out.
  startOutbox();
}

/** 4xx answers other than timeouts and throttling mean the server will never take this record. */
function permanent(err: unknown): boolean {
  return err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

async function drain(): Promise<void> {
  const sync = useSyncStore.getState();
  if (!navigator.onLine) {
    sync.set({ phase: 'offline' });
    return;
  }
  sync.set({ phase: 'syncing' });
  let phase: 'idle' | 'error' | 'offline' = 'idle';
  for (const entry of await db.outbox.orderBy('queuedAt').toArray()) {
    const run = await db.runs.get(entry.id);
    if (!run) {
      await db.outbox.delete(entry.id);
      continue;
    }
    let answer: UploadAnswer;
    try {
      answer = await uploadRun(run.record);
    } catch (err) {
      if (permanent(err)) {
        // Keep the run for its debrief, but stop retrying a record the server refuses.
        await db.outbox.delete(entry.id);
        phase = 'error';
        continue;
      }
      await db.outbox.update(entry.id, { attempts: entry.attempts + 1 });
      phase = navigator.onLine ? 'error' : 'offline';
      break;
    }
    await db.transaction('rw', db.runs, db.outbox, async () => {
      await db.runs.update(entry.id, { server: answer });
      await db.outbox.delete(entry.id);
    });
    useSyncStore.getState().set({ uploaded: { ...useSyncStore.getState().uploaded, [entry.id]: true } });
  }
  useSyncStore.getState().set({ phase });
  await refreshCount();
}

/** Uploads what waits, one drain at a time in this tab and, where Web Locks exist, across tabs. */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      if (navigator.locks) await navigator.locks.request('fireground-outbox', () => drain());
      else await drain();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Starts watching the network: flush now, again whenever it comes back. Idempotent. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flushOutbox());
  window.addEventListener('offline', () => useSyncStore.getState().set({ phase: 'offline' }));
  void flushOutbox();
}

export async function getLocalRun(id: string): Promise<LocalRun | undefined> {
  return db.runs.get(id);
}

export async function listLocalRuns(): Promise<LocalRun[]> {
  return db.runs.orderBy('finishedAt').reverse().toArray();
}
