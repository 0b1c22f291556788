/** Drafts kept in the browser (Dexie over IndexedDB, its own database so the play outbox is never
 *  touched): the scenario being written, its background images and when it was last saved. Written on
 *  every change after a short pause, so a closed tab, a crash or a lost network loses nothing. */
import Dexie, { type Table } from 'dexie';
import type { FloorBackground } from '../plan/backgroundStore';

export interface StoredDraft {
  id: string;
  /** The draft as plain JSON: it may not parse yet, that is what drafts are for. */
  scenario: unknown;
  backgrounds: Record<string, FloorBackground>;
  updatedAt: string;
  /** When it was last saved to the library or exported; null if never. */
  savedAt: string | null;
  /** The library's id for this draft once saved there. */
  libraryId: string | null;
}

class StudioDb extends Dexie {
  drafts!: Table<StoredDraft, string>;
  constructor() {
    super('fireground-studio', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ drafts: 'id, updatedAt' });
  }
}

export const studioDb = new StudioDb();

export function listDrafts(): Promise<StoredDraft[]> {
  return studioDb.drafts.orderBy('updatedAt').reverse().toArray();
}

export function getDraft(id: string): Promise<StoredDraft | undefined> {
  return studioDb.drafts.get(id);
}

export async function putDraft(d: StoredDraft): Promise<void> {
  await studioDb.drafts.put(d);
}

export async function deleteDraft(id: string): Promise<void> {
  await studioDb.drafts.delete(id);
}
