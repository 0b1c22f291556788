/** Opening a draft in the editor: into the store, with its backgrounds, and stored in the browser at
 *  once so it is in "my drafts" even before the first edit. */
import type { Scenario } from '../../../engine/index';
import { useStudio } from '../model/studioStore';
import { useBackgrounds, type FloorBackground } from '../plan/backgroundStore';
import { useProofs } from '../proof/proofStore';
import { getDraft, putDraft } from '../store/draftsDb';

export function newDraftId(): string {
  return crypto.randomUUID();
}

/** A kebab-case scenario id that is new: from the title's words where possible. */
export function scenarioIdFor(base: string): string {
  const slug = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'tinh-huong'}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function openDraft(id: string, draft: Scenario, backgrounds: Record<string, FloorBackground> = {}): Promise<void> {
  const old = await getDraft(id);
  useBackgrounds.getState().setAll(backgrounds);
  useProofs.getState().reset();
  // Saved means: exported or in the library since its last change; a new draft is not.
  useStudio.getState().load(id, draft, !!old?.savedAt && old.savedAt >= old.updatedAt);
  await putDraft({ id, scenario: draft, backgrounds, updatedAt: new Date().toISOString(), savedAt: old?.savedAt ?? null, libraryId: old?.libraryId ?? null });
}
