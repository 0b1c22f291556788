/** Saving the draft to the server's scenario library and submitting it for review: submitting is
 *  offered only when the checker finds nothing and the ghost run of this very revision has the expert
 *  passing and the novice failing (the server checks and ghost-runs it again). Shows the library's
 *  status of the draft and the reviewers' comments. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryError, libraryApi, type LibraryDetail } from '../../store/libraryApi';
import '../../store/libraryI18n';
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

type Busy = 'idle' | 'saving' | 'submitting';

export function LibraryBox() {
  const { t } = useTranslation();
  // Re-render when any input of the verdict changes.
  const revision = useStudio((s) => s.revision);
  useIssues((s) => s.revision);
  useProofs((s) => s.ghost);
  const id = useStudio((s) => s.draft.id);
  const blockers = submitBlockers();
  const [detail, setDetail] = useState<LibraryDetail | null>(null);
  const [serverRevision, setServerRevision] = useState(-1);
  const [busy, setBusy] = useState<Busy>('idle');
  const [message, setMessage] = useState<{ ok: boolean; text: string; issues: readonly { path: string; message: string }[] } | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    // A draft the server has never seen (or another author's id) simply has no library status yet.
    setDetail(await libraryApi.get(id).catch(() => null));
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const fail = (error: unknown): void => {
    if (error instanceof LibraryError) setMessage({ ok: false, text: t('library.failed', { message: error.message }), issues: error.issues });
    else setMessage({ ok: false, text: t('library.failed', { message: String(error) }), issues: [] });
  };

  const save = async (): Promise<boolean> => {
    const { draft, revision: at, markSaved } = useStudio.getState();
    setBusy('saving');
    try {
      await libraryApi.saveDraft(draft.id, draft);
      markSaved();
      setServerRevision(at);
      setMessage({ ok: true, text: t('library.saved'), issues: [] });
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      setBusy('idle');
      await reload();
    }
  };

  const submit = async (): Promise<void> => {
    if (serverRevision !== revision && !(await save())) return;
    setBusy('submitting');
    try {
      const version = await libraryApi.submit(useStudio.getState().draft.id);
      setMessage({ ok: true, text: t('library.submitted', { version: version.version }), issues: [] });
    } catch (error) {
      fail(error);
    } finally {
      setBusy('idle');
      await reload();
    }
  };

  const latest = detail?.versions.at(-1) ?? null;
  const status = latest ? t(`library.status.${latest.status}`, { version: latest.version }) : detail ? t('library.status.draft') : t('library.status.none');
  const comments = (detail?.transitions ?? []).filter((c) => c.comment !== null);
  return (
    <section className="library-box" aria-labelledby="library-title">
      <h2 id="library-title">{t('studio.submit.title')}</h2>
      <p data-testid="library-status">{status}</p>
      {blockers.length === 0 ? (
        <p className="ok" data-testid="submit-ready">{t('studio.submit.ready')}</p>
      ) : (
        <ul className="blockers" data-testid="submit-blockers">
          {blockers.map((b) => (
            <li key={b.key}>{t(b.key, b.values)}</li>
          ))}
        </ul>
      )}
      <div className="library-actions">
        <button type="button" onClick={() => void save()} disabled={busy !== 'idle'}>
          {busy === 'saving' ? t('library.saving') : t('library.save')}
        </button>
        <button type="button" onClick={() => void submit()} disabled={busy !== 'idle' || blockers.length > 0}>
          {busy === 'submitting' ? t('library.submitting') : t('library.submit')}
        </button>
      </div>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'} data-testid="library-message">
          <p>{message.text}</p>
          {message.issues.length > 0 && (
            <ul>
              {message.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{t('library.comments')}</h3>
      {comments.length === 0 ? (
        <p className="hint">{t('library.noComments')}</p>
      ) : (
        <ul className="library-comments" data-testid="library-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <strong>{c.actorName ?? '—'}</strong> ({t(`library.action.${c.action}`)}
              {c.version === null ? '' : `, ${t('library.review.version', { version: c.version })}`}, {new Date(c.at).toLocaleString()}): {c.comment}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
