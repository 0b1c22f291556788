/** The outbox's state for the header badge and the end screen: how many finished runs wait on this
 *  device and whether an upload is under way. Plain zustand, no Dexie, so any route can show it. */
import { create } from 'zustand';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error';

interface SyncState {
  pending: number;
  phase: SyncPhase;
  /** Ids uploaded in this page's lifetime, so screens can react to a run they are showing. */
  uploaded: Record<string, true>;
  set: (part: Partial<Omit<SyncState, 'set'>>) => void;
}

export const useSyncStore = create<SyncState>()((set) => ({
  pending: 0,
  phase: 'idle',
  uploaded: {},
  set: (part) => set(part),
}));
