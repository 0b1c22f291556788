/** Submitting the draft: allowed only when the checker finds nothing and the ghost run of this very
 *  revision has the expert passing and the novice failing; otherwise the box says why. Saving to the
 *  server's scenario library goes through libraryApi. */
import { useTranslation } from 'react-i18next';
import { useIssues } from '../check/issueStore';
import { useStudio } from '../model/studioStore';
import { verdict } from '../proof/ghostRun';
import { useProofs } from '../proof/proofStore';

/** Why the draft cannot be submitted now, as i18n keys with values; empty when it can. */
export function submitBlockers(): { key: string; values: Record<string, string | number> }[] {
  const { revision } = useStudio.getState();
  const { issues, revision: checked } = useIssues.getState();
  const ghost = useProofs.getState().ghost;
  const out: { key: string; values: Record<string, string | number> }[] = [];
  if (checked !== revision) out.push({ key: 'studio.submit.checking', values: {} });
  else if (issues.length > 0) out.push({ key: 'studio.submit.issues', values: { count: issues.length } });
  if (ghost.state !== 'done') out.push({ key: 'studio.submit.noGhost', values: {} });
  else if (ghost.revision !== revision) out.push({ key: 'studio.submit.staleGhost', values: {} });
  else out.push(...verdict(ghost.result.expert, ghost.result.novice).reasons);
  return out;
}

export function LibraryBox() {
  const { t } = useTranslation();
  // Re-render when any input of the verdict changes.
  useStudio((s) => s.revision);
  useIssues((s) => s.revision);
  useProofs((s) => s.ghost);
  const blockers = submitBlockers();
  return (
    <section className="library-box" aria-labelledby="library-title">
      <h2 id="library-title">{t('studio.submit.title')}</h2>
      {blockers.length === 0 ? (
        <p className="ok" data-testid="submit-ready">{t('studio.submit.ready')}</p>
      ) : (
        <ul className="blockers" data-testid="submit-blockers">
          {blockers.map((b) => (
            <li key={b.key}>{t(b.key, b.values)}</li>
          ))}
        </ul>
      )}
      <p className="hint">{t('studio.submit.localOnly')}</p>
    </section>
  );
}
