/** Saves the open draft to the browser half a second after the last change (and at once when the page
 *  is hidden), and warns before the page is left with changes not yet saved to the library or exported. */
import { useEffect } from 'react';
import { useStudio } from '../model/studioStore';
import { useBackgrounds } from '../plan/backgroundStore';
import { getDraft, putDraft } from './draftsDb';

export async function saveNow(): Promise<void> {
  const { draftId, draft } = useStudio.getState();
  if (!draftId || !draft) return;
  const old = await getDraft(draftId);
  await putDraft({ id: draftId, scenario: draft, backgrounds: useBackgrounds.getState().byFloor, updatedAt: new Date().toISOString(), savedAt: old?.savedAt ?? null, libraryId: old?.libraryId ?? null });
}

export function useAutosave(): void {
  useEffect(() => {
    let timer = 0;
    const later = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void saveNow(), 500);
    };
    const un = useStudio.subscribe((s, prev) => {
      if (s.draft !== prev.draft && s.draftId === prev.draftId) later();
    });
    const unBg = useBackgrounds.subscribe(later);
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    const leave = (e: BeforeUnloadEvent): void => {
      const { revision, savedRevision } = useStudio.getState();
      if (revision !== savedRevision) {
        void saveNow();
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('beforeunload', leave);
    return () => {
      window.clearTimeout(timer);
      void saveNow();
      un();
      unBg();
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('beforeunload', leave);
    };
  }, []);
}
