/** The end of a run: local score, stars, pass/fail, each rubric criterion with feedback, and the
 *  server's authoritative score once the upload answers. Shows results; never computes a score. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { EndState } from '../store/playStore';
import { Stars } from './Stars';
import { pick } from './text';

export function EndScreen({ end, onAgain }: { end: EndState; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const { score, upload } = end;
  return (
    <div className="end-backdrop">
      <section className="end-screen" role="dialog" aria-modal="true" aria-labelledby="end-title" data-testid="end-screen">
        <h2 id="end-title">{t('end.title')}</h2>
        <p className="end-reason">{t(`end.reason.${end.reason}`)}</p>
        <p className="end-score">
          <strong data-testid="client-score">{t('end.score', { percent: score.percent })}</strong> <Stars count={score.stars} label={t('end.stars', { count: score.stars })} />{' '}
          <span className={score.passed ? 'badge pass' : 'badge fail'}>{score.passed ? t('end.passed') : t('end.failed')}</span>
        </p>
        <div className="server-score" role="status" aria-live="polite">
          <h3>{t('end.server')}</h3>
          {upload.state === 'pending' && <p>{t('end.serverPending')}</p>}
          {upload.state === 'queued' && <p data-testid="upload-queued">{t('end.queued')}</p>}
          {upload.state === 'done' && (
            <p data-testid="server-score" data-run-id={upload.answer.id} data-percent={upload.answer.percent}>
              {t('end.serverScore', { percent: upload.answer.percent, status: t(`results.statusValue.${upload.answer.status}`, { defaultValue: upload.answer.status }) })}{' '}
              <Stars count={upload.answer.stars} label={t('end.stars', { count: upload.answer.stars })} />
            </p>
          )}
          {upload.state === 'error' && <p className="error" data-testid="server-error">{t('end.serverError', { message: upload.message })}</p>}
        </div>
        <h3>{t('end.criteria')}</h3>
        <ul className="criteria">
          {score.criteria.map((c) => (
            <li key={c.id} className={c.passed ? 'pass' : 'fail'} data-criterion={c.id}>
              <span className={c.passed ? 'badge pass' : 'badge fail'}>{c.passed ? t('end.criterionPassed') : t('end.criterionFailed')}</span> <strong>{pick(c.title, i18n.language)}</strong>
              <p>{pick(c.feedback, i18n.language)}</p>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button ref={first} type="button" className="button primary" onClick={onAgain}>
            {t('end.again')}
          </button>
          <Link href={`/debrief/${end.runId}`} className="button">
            {t('end.debrief')}
          </Link>
          <Link href="/results" className="button">
            {t('end.results')}
          </Link>
        </div>
      </section>
    </div>
  );
}
