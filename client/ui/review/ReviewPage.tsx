/** /review and /review/:id: the scenario library's review screen. A reviewer sees what waits for them;
 *  for one scenario the plan of the version under review, the server's checker verdict and ghost run,
 *  the diff against the published version and the history of comments, and returns, approves or
 *  publishes it to a unit. The server decides every permission; this only shows and asks. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LibraryError, libraryApi, type LibraryDetail, type LibraryItem, type ScenarioDiff } from '../../store/libraryApi';
import '../../store/libraryI18n';
import { api, HttpError, type Me, type UnitRow } from '../dashboard/dashboardApi';
import { SignInForm } from '../dashboard/SignInForm';
import { MapPreview } from '../MapPreview';

function Queue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  useEffect(() => {
    void libraryApi.workspace().then(setItems, () => setItems([]));
  }, []);
  if (!items) return <p role="status">…</p>;
  const waiting = items.filter((i) => i.mayReview && (i.latest?.status === 'submitted' || i.latest?.status === 'approved'));
  const mine = items.filter((i) => i.ownerId === me.user.id);
  const row = (i: LibraryItem) => (
    <li key={i.id}>
      <Link href={`/review/${encodeURIComponent(i.id)}`}>{i.id}</Link> {i.latest ? `— ${t(`library.status.${i.latest.status}`, { version: i.latest.version })}` : ''}
    </li>
  );
  return (
    <>
      <h2>{t('library.review.queue')}</h2>
      {waiting.length === 0 ? <p>{t('library.review.empty')}</p> : <ul data-testid="review-queue">{waiting.map(row)}</ul>}
      {mine.length > 0 && (
        <>
          <h2>{t('library.review.mine')}</h2>
          <ul>{mine.map(row)}</ul>
        </>
      )}
    </>
  );
}

function DiffView({ diff }: { diff: ScenarioDiff }) {
  const { t } = useTranslation();
  if (diff.same) return <p>{t('library.review.noChanges')}</p>;
  const n = (c: { added: string[]; removed: string[]; changed: string[] }) => ({ added: c.added.length, removed: c.removed.length, changed: c.changed.length });
  return (
    <ul data-testid="review-diff">
      {diff.cells.count > 0 && <li>{t('library.review.cells', { count: diff.cells.count })}</li>}
      {Object.entries(diff.entities)
        .filter(([, c]) => c.added.length + c.removed.length + c.changed.length > 0)
        .map(([kind, c]) => (
          <li key={kind}>{t('library.review.entity', { kind, ...n(c) })}</li>
        ))}
      {diff.statechart.added.length + diff.statechart.removed.length + diff.statechart.changed.length > 0 && <li>{t('library.review.phases', n(diff.statechart))}</li>}
      {(diff.rubric.added.length + diff.rubric.removed.length + diff.rubric.changed.length > 0 || diff.rubric.thresholdsChanged) && <li>{t('library.review.criteria', n(diff.rubric))}</li>}
      {diff.text.length > 0 && <li>{t('library.review.texts', { paths: diff.text.map((x) => x.path).join(', ') })}</li>}
    </ul>
  );
}

function Detail({ id }: { id: string }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<LibraryDetail | null>(null);
  const [floors, setFloors] = useState<{ id: string; rows: string[] }[]>([]);
  const [diff, setDiff] = useState<ScenarioDiff | null>(null);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [scope, setScope] = useState('');
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const d = await libraryApi.get(id);
    setDetail(d);
    const latest = d.versions.at(-1);
    if (!latest) return;
    setFloors((await libraryApi.version(id, latest.version)).content.world.floors);
    const published = d.publishedVersion;
    setDiff(published !== null && published !== latest.version ? await libraryApi.diff(id, published, latest.version) : null);
  }, [id]);
  useEffect(() => {
    void load().catch((e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }));
    void api.units().then((u) => {
      setUnits(u);
      setScope((s) => s || (u[0]?.id ?? ''));
    });
  }, [load]);

  if (!detail) return message ? <p role="alert">{message.text}</p> : <p role="status">…</p>;
  const latest = detail.versions.at(-1) ?? null;
  const act = async (fn: () => Promise<unknown>, needsComment = false): Promise<void> => {
    if (needsComment && comment.trim() === '') {
      setMessage({ ok: false, text: t('library.review.needComment') });
      return;
    }
    try {
      await fn();
      setComment('');
      setMessage({ ok: true, text: t('library.review.done') });
    } catch (error) {
      setMessage({ ok: false, text: t('library.failed', { message: error instanceof LibraryError ? error.message : String(error) }) });
    }
    await load();
  };
  const result = (passed: boolean): string => t(passed ? 'library.review.pass' : 'library.review.fail');

  return (
    <article className="review-detail" aria-labelledby="review-scenario">
      <h2 id="review-scenario">{detail.id}</h2>
      <p data-testid="review-status">{latest ? t(`library.status.${latest.status}`, { version: latest.version }) : t('library.status.draft')}</p>
      {latest && (
        <>
          <h3>{t('library.review.plan', { version: latest.version })}</h3>
          <div className="review-plans">
            {floors.map((f) => (
              <MapPreview key={f.id} rows={f.rows} markers={[]} label={f.id} />
            ))}
          </div>
          <h3>{t('library.review.checks')}</h3>
          <p>{t('library.review.checksOk')}</p>
          <h3>{t('library.review.ghost')}</h3>
          {latest.ghost ? (
            <ul data-testid="review-ghost">
              <li>{t('library.review.expert', { percent: latest.ghost.expert.percent, result: result(latest.ghost.expert.passed) })}</li>
              <li>{t('library.review.novice', { percent: latest.ghost.novice.percent, result: result(latest.ghost.novice.passed) })}</li>
            </ul>
          ) : (
            <p>{t('library.review.noGhost')}</p>
          )}
          <h3>{detail.publishedVersion !== null && detail.publishedVersion !== latest.version ? t('library.review.diff', { version: detail.publishedVersion }) : t('library.review.noPublished')}</h3>
          {diff && <DiffView diff={diff} />}
        </>
      )}
      {detail.mayReview && latest && (
        <section className="review-actions" aria-label={t('library.review.title')}>
          <label>
            {t('library.review.comment')}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
          </label>
          <div>
            <button type="button" onClick={() => void act(() => libraryApi.comment(id, latest.version, comment), true)}>
              {t('library.review.addComment')}
            </button>
            <button type="button" onClick={() => void act(() => libraryApi.returnVersion(id, latest.version, comment), true)}>
              {t('library.review.returnIt')}
            </button>
            <button type="button" onClick={() => void act(() => libraryApi.approve(id, latest.version))}>
              {t('library.review.approve')}
            </button>
          </div>
          <label>
            {t('library.review.scope')}
            <select value={scope} onChange={(e) => setScope(e.target.value)}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void act(() => libraryApi.publish(id, latest.version, scope, comment || undefined))}>
            {t('library.review.publish')}
          </button>
          {detail.publishedVersion !== null && detail.withdrawnAt === null && (
            <button type="button" onClick={() => void act(() => libraryApi.withdraw(id, comment), true)}>
              {t('library.review.withdraw')}
            </button>
          )}
        </section>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="review-message">
          {message.text}
        </p>
      )}
      <h3>{t('library.review.history')}</h3>
      <ol data-testid="review-history">
        {detail.transitions.map((c) => (
          <li key={c.id}>
            {new Date(c.at).toLocaleString()} — <strong>{c.actorName ?? '—'}</strong> {t(`library.action.${c.action}`)}
            {c.version === null ? '' : ` (${t('library.review.version', { version: c.version })})`}
            {c.scopeUnitId ? ` → ${c.scopeUnitId}` : ''}
            {c.comment ? `: ${c.comment}` : ''}
          </li>
        ))}
      </ol>
    </article>
  );
}

export default function ReviewPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [me, setMe] = useState<Me | null | 'out' | 'loading'>('loading');
  useEffect(() => {
    api.me().then(setMe, (e: unknown) => setMe(e instanceof HttpError && e.status === 401 ? 'out' : null));
  }, []);
  return (
    <main id="main" className="review">
      <h1>{t('library.review.title')}</h1>
      {me === 'loading' && <p role="status">…</p>}
      {me === 'out' && <SignInForm onSignedIn={setMe} />}
      {me !== 'loading' && me !== 'out' && me !== null && (id ? <Detail key={id} id={id} /> : <Queue me={me} />)}
    </main>
  );
}
