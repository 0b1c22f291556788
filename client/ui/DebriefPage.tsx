/** The debrief of a run stored on this device, or else on the server (a run from another device, or
 *  one a manager reached from the dashboard): pass or fail, stars, score, every criterion with its
 *  evidence linked to that moment in the replay, competencies, feedback in the current language, and
 *  charts computed by re-simulating the run with the engine. Lazy route (engine). Never rescoring for
 *  the record: the server's score, when known, is shown beside the local one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatIssues, scoreRun, validateScenario, TICKS_PER_SECOND, type LocalizedText, type Scenario, type ScoreResult } from '../../engine/index';
import { readStoredRecord, runSeries, type RunSeries, type StoredRecord } from '../debrief/runSeries';
import { fetchRun, fetchScenario, type ServerRun } from '../store/api';
import type { LocalRun } from '../store/offline/db';
import { getLocalRun } from '../store/offline/outbox';
import { colourAt, LineChart } from './debrief/LineChart';
import { Stars } from './Stars';
import { mmss, pick } from './text';

type State = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; scenario: Scenario; stored: LocalRun; record: StoredRecord; series: RunSeries; score: ScoreResult };

/** A server-stored run in the shape this device keeps its own runs; the score shown is still the
 *  local re-simulation's, with the server's beside it. */
function asLocalRun(run: ServerRun): LocalRun {
  const verified = run.status === 'verified' && run.percent !== null;
  return {
    id: run.id,
    scenarioId: run.scenarioId,
    finishedAt: run.receivedAt,
    record: run.record,
    percent: run.percent ?? 0,
    stars: run.stars ?? 0,
    passed: run.passed ?? false,
    server: verified ? { id: run.id, status: run.status, percent: run.percent ?? 0, passed: run.passed ?? false, stars: run.stars ?? 0 } : null,
  };
}

/** Loads the stored run (this device's, else the server's) and its scenario and re-simulates it;
 *  shared by the debrief and the replay. */
export function useStoredRun(runId: string): State {
  const { t } = useTranslation();
  const [s, setS] = useState<State>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      const local = await getLocalRun(runId);
      const remote = local ? null : await fetchRun(runId);
      const stored = local ?? (remote ? asLocalRun(remote) : null);
      if (!stored) return live && setS({ state: 'error', message: t('debrief.notFound') });
      const loaded = validateScenario(await fetchScenario(stored.scenarioId));
      if (!loaded.ok) return live && setS({ state: 'error', message: formatIssues(loaded.issues) });
      const read = readStoredRecord(stored.record);
      if (!read.ok) return live && setS({ state: 'error', message: t('debrief.badRecord', { where: read.where, message: read.message }) });
      const series = runSeries(loaded.scenario, read.record);
      if (live) setS({ state: 'ready', scenario: loaded.scenario, stored, record: read.record, series, score: scoreRun(loaded.scenario, series.run.events) });
    })().catch((err: unknown) => live && setS({ state: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [runId, t]);
  return s;
}

export default function DebriefPage({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const s = useStoredRun(runId);
  const lang = i18n.language;
  if (s.state === 'loading') return <main id="main" className="debrief"><p role="status">{t('debrief.loading')}</p></main>;
  if (s.state === 'error') return <main id="main" className="debrief"><p className="error" role="alert">{s.message}</p></main>;
  const { scenario, stored, series, score } = s;
  const marks = series.marks.map((m) => ({ second: m.second, label: t(`debrief.mark.${m.type}`, { defaultValue: m.type }) }));
  return (
    <main id="main" className="debrief" data-testid="debrief">
      <h1>{t('debrief.title', { title: pick(scenario.title, lang) })}</h1>
      <section aria-labelledby="summary-title" className="summary">
        <h2 id="summary-title">{t('debrief.summary')}</h2>
        <p className="end-score">
          <strong data-testid="debrief-score">{t('end.score', { percent: score.percent })}</strong> <Stars count={score.stars} label={t('end.stars', { count: score.stars })} />{' '}
          <span className={score.passed ? 'badge pass' : 'badge fail'}>{score.passed ? t('end.passed') : t('end.failed')}</span>{' '}
          <span className="muted">{stored.server ? t('debrief.server', { percent: stored.server.percent }) : t('debrief.serverWaiting')}</span>
        </p>
        <p className="actions">
          <Link href={`/play/${encodeURIComponent(scenario.id)}`} className="button primary">
            {t('debrief.again')}
          </Link>
          <Link href={`/replay/${runId}`} className="button">
            {t('debrief.replay')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('debrief.criteria')}</h2>
        <ul className="criteria">
          {score.criteria.map((c) => (
            <li key={c.id} className={c.passed ? 'pass' : 'fail'} data-criterion={c.id}>
              <span className={c.passed ? 'badge pass' : 'badge fail'}>{c.passed ? t('end.criterionPassed') : t('end.criterionFailed')}</span> <strong>{pick(c.title, lang)}</strong>{' '}
              <span className="muted">
                ({t(`competency.${c.competency}`)} · {c.doctrine})
              </span>
              <p>{pick(c.feedback, lang)}</p>
              <p className="small">
                {c.evidence ? (
                  <Link href={`/replay/${runId}?t=${c.evidence.tick}`} data-testid={`evidence-${c.id}`}>
                    {t('debrief.evidence', { time: mmss(c.evidence.tick / TICKS_PER_SECOND), event: t(`event.${c.evidence.type}`, { defaultValue: c.evidence.type }) })} · {t('debrief.watch')}
                  </Link>
                ) : (
                  <span className="muted">{t('debrief.noEvidence')}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <Lessons scenario={scenario} />
      <section aria-labelledby="competency-title">
        <h2 id="competency-title">{t('debrief.competencies')}</h2>
        <ul className="competencies">
          {Object.entries(score.competencies).map(([id, v]) => {
            const pct = v.possible > 0 ? Math.round((v.earned / v.possible) * 100) : 0;
            return (
              <li key={id}>
                <span>{t(`competency.${id}`)}</span>
                <meter min={0} max={100} value={pct} aria-label={t(`competency.${id}`)} /> <span>{pct}%</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t('debrief.charts')}</h2>
        <p className="muted small">{t('debrief.chartsNote')}</p>
        <div className="charts" data-testid="charts">
          <LineChart
            title={t('debrief.hrr')}
            unit="kW"
            seconds={series.seconds}
            marks={marks}
            lines={[
              { id: 'hrr', label: t('debrief.hrrSeries'), values: series.hrr.values, colour: colourAt(0) },
              { id: 'fo', label: t('debrief.flashover'), values: series.flashover.values, colour: '#ff5a52', dashed: true },
            ]}
          />
          <LineChart title={t('debrief.hotLayer')} unit="°C" seconds={series.seconds} marks={marks} lines={[{ id: 'hot', label: t('debrief.hotLayer'), values: series.hotLayer.values, colour: colourAt(3) }]} />
          {series.air.length > 0 ? (
            <LineChart
              title={t('debrief.air')}
              unit="bar"
              seconds={series.seconds}
              marks={marks}
              threshold={series.airAlarm !== null ? { value: series.airAlarm, label: t('crew.airAlarm') } : undefined}
              lines={series.air.map((a, k) => ({ id: a.id, label: pick(a.name, lang), values: a.values, colour: colourAt(k + 1) }))}
            />
          ) : (
            <p>{t('debrief.noAir')}</p>
          )}
          {series.dose.length > 0 ? (
            <LineChart
              title={t('debrief.dose')}
              unit="FED"
              seconds={series.seconds}
              marks={marks}
              threshold={{ value: 1, label: t('debrief.dose') }}
              lines={series.dose.map((d, k) => ({ id: d.id, label: pick(d.name, lang), values: d.values, colour: colourAt(k + 2) }))}
            />
          ) : (
            <p>{t('debrief.noVictims')}</p>
          )}
        </div>
      </section>
    </main>
  );
}

/** The scenario's lessons and handbook references, read as data so older scenario files without them still work. */
function Lessons({ scenario }: { scenario: Scenario }) {
  const { t, i18n } = useTranslation();
  const d = (scenario as { debrief?: { lessons?: LocalizedText[]; handbook?: { title: LocalizedText; reference: string }[] } }).debrief;
  if (!d?.lessons?.length && !d?.handbook?.length) return null;
  return (
    <section aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('debrief.lessons')}</h2>
      <ul data-testid="lessons">
        {(d.lessons ?? []).map((l) => (
          <li key={l.en}>{pick(l, i18n.language)}</li>
        ))}
      </ul>
      {d.handbook && d.handbook.length > 0 && (
        <>
          <h3>{t('debrief.handbook')}</h3>
          <ul>
            {d.handbook.map((h) => (
              <li key={h.reference}>
                {pick(h.title, i18n.language)} <span className="muted">({h.reference})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
