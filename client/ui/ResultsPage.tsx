/** Stored runs as the server scored them (GET /api/runs): scenario, time, status, score, stars.
 *  Light route: no Phaser, no engine; shows only what the server says. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRuns, type StoredRun } from '../store/api';
import { pick } from './text';

type State = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; runs: StoredRun[] };

export default function ResultsPage() {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<State>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    listRuns().then(
      (runs) => live && setData({ state: 'ready', runs }),
      (err: unknown) => live && setData({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <main id="main" className="results">
      <h1>{t('results.title')}</h1>
      {data.state === 'loading' && <p role="status">{t('results.loading')}</p>}
      {data.state === 'error' && (
        <p className="error" role="alert">
          {t('results.error', { message: data.message })}
        </p>
      )}
      {data.state === 'ready' && data.runs.length === 0 && <p>{t('results.empty')}</p>}
      {data.state === 'ready' && data.runs.length > 0 && (
        <table className="results-table">
          <caption>{t('results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.scenario')}</th>
              <th scope="col">{t('results.received')}</th>
              <th scope="col">{t('results.status')}</th>
              <th scope="col">{t('results.score')}</th>
              <th scope="col">{t('results.stars')}</th>
              <th scope="col">{t('results.result')}</th>
            </tr>
          </thead>
          <tbody>
            {data.runs.map((r) => (
              <tr key={r.id} data-run-id={r.id}>
                <th scope="row">{pick(r.scenarioTitle, i18n.language) || r.scenarioId}</th>
                <td>{Number.isNaN(Date.parse(r.receivedAt)) ? r.receivedAt : when.format(new Date(r.receivedAt))}</td>
                <td title={r.error ?? undefined}>{t(`results.statusValue.${r.status}`, { defaultValue: r.status })}</td>
                <td data-col="percent">{r.percent === null ? '-' : `${r.percent}%`}</td>
                <td aria-label={t('end.stars', { count: r.stars ?? 0 })}>{r.stars === null ? '-' : '★'.repeat(r.stars) || '0'}</td>
                <td>{r.passed === null ? '-' : r.passed ? t('end.passed') : t('end.failed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
