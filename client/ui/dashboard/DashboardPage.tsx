/** The training manager's dashboard (/dashboard): compliance matrix, competency heatmap by unit, trends
 *  by month, most failed criteria, drill-down unit -> trainee -> run, filters, CSV and XLSX downloads and
 *  a printable monthly unit report. Shows only what /api/dashboard answers; decides no access itself. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listScenarios, type ScenarioSummary } from '../../store/api';
import { pick } from '../text';
import { api, query, type Compliance, type CompetencyCell, type FailedCriterion, type Filters, type Me, type MonthTrend, type Trainee, type TraineeRun, type UnitRow } from './dashboardApi';
import { SignInForm } from './SignInForm';
import './dashboard.css';

const EMPTY: Filters = { from: '', to: '', unitId: '', scenarioId: '' };
const REPORTS = ['compliance', 'competencies', 'trends', 'failed-criteria'] as const;

interface Data {
  compliance: Compliance;
  competencies: CompetencyCell[];
  trends: MonthTrend[];
  failed: FailedCriterion[];
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="dashboard-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Heat from pass rate: red (0 %) through amber to green (100 %), always with the number as text. */
function heat(rate: number): string {
  return `hsl(${Math.round(rate * 1.2)} 70% 85%)`;
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [me, setMe] = useState<Me | null | 'loading'>('loading');
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unit, setUnit] = useState<UnitRow | null>(null);
  const [trainees, setTrainees] = useState<Trainee[] | null>(null);
  const [trainee, setTrainee] = useState<Trainee | null>(null);
  const [runs, setRuns] = useState<TraineeRun[] | null>(null);

  useEffect(() => {
    api.me().then(setMe, () => setMe(null));
  }, []);
  const staff = me !== 'loading' && me !== null && me.user.role !== 'trainee';

  useEffect(() => {
    if (!staff) return;
    api.units().then(setUnits, () => setUnits([]));
    listScenarios().then((s) => setScenarios(s.scenarios), () => setScenarios([]));
  }, [staff]);

  useEffect(() => {
    if (!staff) return;
    let live = true;
    Promise.all([api.compliance(filters), api.competencies(filters), api.trends(filters), api.failedCriteria(filters)]).then(
      ([compliance, competencies, trends, failed]) => live && setData({ compliance, competencies, trends, failed }),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [staff, filters]);

  useEffect(() => {
    setTrainees(null);
    setTrainee(null);
    if (unit) api.trainees(unit.id, filters).then(setTrainees, () => setTrainees([]));
  }, [unit, filters]);

  useEffect(() => {
    setRuns(null);
    if (trainee) api.runsOf(trainee.userId, filters).then(setRuns, () => setRuns([]));
  }, [trainee, filters]);

  if (me === 'loading') return <main id="main" className="dashboard"><p role="status">{t('dashboard.loading')}</p></main>;
  if (me === null) return <main id="main" className="dashboard"><SignInForm onSignedIn={setMe} /></main>;
  if (!staff) {
    return (
      <main id="main" className="dashboard">
        <h1>{t('dashboard.title')}</h1>
        <p role="alert">{t('dashboard.forbidden')}</p>
        <p>
          <Link href="/account/password">{t('account.password.link')}</Link>
        </p>
      </main>
    );
  }

  const unitName = (id: string): string => units.find((u) => u.id === id)?.name ?? id;
  const scenarioTitle = (id: string): string => pick(scenarios.find((s) => s.id === id)?.title, lang) || id;
  const competencyNames = [...new Set(data?.competencies.map((c) => c.competency) ?? [])].sort();
  const heatUnits = [...new Set(data?.competencies.map((c) => c.unitId) ?? [])];
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short' });
  const set = (patch: Partial<Filters>): void => setFilters((f) => ({ ...f, ...patch }));
  const selectedUnit = units.find((u) => u.id === filters.unitId);

  return (
    <main id="main" className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="no-print">
        <Link href="/account/password">{t('account.password.link')}</Link>
      </p>
      <p className="print-only">{t('dashboard.reportFor', { unit: selectedUnit?.name ?? t('dashboard.allUnits'), from: filters.from || '…', to: filters.to || '…' })}</p>
      <form className="dashboard-filters no-print" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dashboard.from')}
          <input type="date" name="from" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('dashboard.to')}
          <input type="date" name="to" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          {t('dashboard.unit')}
          <select name="unitId" value={filters.unitId} onChange={(e) => set({ unitId: e.target.value })}>
            <option value="">{t('dashboard.allUnits')}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label>
          {t('dashboard.scenario')}
          <select name="scenarioId" value={filters.scenarioId} onChange={(e) => set({ scenarioId: e.target.value })}>
            <option value="">{t('dashboard.allScenarios')}</option>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{pick(s.title, lang) || s.id}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>{t('dashboard.print')}</button>
      </form>
      <nav className="dashboard-downloads no-print" aria-label={t('dashboard.downloads')}>
        {REPORTS.map((r) => (
          <span key={r} className="download-group">
            {t(`dashboard.report.${r}`)}:{' '}
            <a href={`/api/dashboard/export/${r}.csv${query(filters, { lang })}`} download>{t('dashboard.csv')}<span className="visually-hidden"> {t(`dashboard.report.${r}`)}</span></a>{' '}
            <a href={`/api/dashboard/export/${r}.xlsx${query(filters, { lang })}`} download data-testid={`xlsx-${r}`}>{t('dashboard.xlsx')}<span className="visually-hidden"> {t(`dashboard.report.${r}`)}</span></a>
          </span>
        ))}
      </nav>
      {error && <p role="alert" className="error">{t('dashboard.error', { message: error })}</p>}
      {!data && !error && <p role="status">{t('dashboard.loading')}</p>}
      {data && (
        <>
          <Section id="compliance" title={t('dashboard.report.compliance')}>
            {data.compliance.rows.length === 0 ? <p>{t('dashboard.empty')}</p> : (
              <table className="dashboard-table">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.unit')}</th>
                    {data.compliance.assignments.map((a) => <th scope="col" key={a.id}>{pick(a.title, lang)} ({date.format(new Date(a.dueAt))})</th>)}
                  </tr>
                </thead>
                <tbody>
                  {data.compliance.rows.map((row) => (
                    <tr key={row.unitId}>
                      <th scope="row">{row.unitName}</th>
                      {row.cells.map((c) => <td key={c.assignmentId}>{c.people === 0 ? '–' : t('dashboard.complianceCell', { rate: c.completionRate, completed: c.counts.completed, people: c.people, overdue: c.counts.overdue })}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section id="competencies" title={t('dashboard.report.competencies')}>
            {heatUnits.length === 0 ? <p>{t('dashboard.empty')}</p> : (
              <table className="dashboard-table heatmap">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.unit')}</th>
                    {competencyNames.map((c) => <th scope="col" key={c}>{c}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {heatUnits.map((u) => (
                    <tr key={u}>
                      <th scope="row">
                        <button type="button" className="link" onClick={() => setUnit(units.find((x) => x.id === u) ?? { id: u, name: u, path: '' })}>{unitName(u)}</button>
                      </th>
                      {competencyNames.map((c) => {
                        const cell = data.competencies.find((x) => x.unitId === u && x.competency === c);
                        const rate = cell && cell.total > 0 ? Math.round((cell.passed / cell.total) * 100) : null;
                        return <td key={c} style={rate === null ? undefined : { background: heat(rate) }}>{rate === null ? '–' : `${rate}%`}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          {unit && (
            <Section id="drilldown" title={t('dashboard.traineesOf', { unit: unit.name })}>
              {trainees === null ? <p role="status">{t('dashboard.loading')}</p> : (
                <table className="dashboard-table">
                  <thead>
                    <tr><th scope="col">{t('dashboard.trainee')}</th><th scope="col">{t('dashboard.runs')}</th><th scope="col">{t('dashboard.passed')}</th><th scope="col">{t('dashboard.average')}</th></tr>
                  </thead>
                  <tbody>
                    {trainees.map((p) => (
                      <tr key={p.userId}>
                        <th scope="row"><button type="button" className="link" onClick={() => setTrainee(p)}>{p.displayName}</button></th>
                        <td>{p.runs}</td><td>{p.passed}</td><td>{p.averagePercent === null ? '–' : `${p.averagePercent}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {trainee && (
                <>
                  <h3>{t('dashboard.runsOf', { name: trainee.displayName })}</h3>
                  {runs === null ? <p role="status">{t('dashboard.loading')}</p> : (
                    <ul className="run-list">
                      {runs.map((r) => (
                        <li key={r.id} data-run-id={r.id}>
                          <Link href={`/replay/${r.id}`}>{t('dashboard.runLink', { scenario: scenarioTitle(r.scenarioId), date: date.format(new Date(r.receivedAt)), score: r.percent ?? '–' })}</Link>{' '}
                          {r.passed === null ? '' : r.passed ? t('end.passed') : t('end.failed')}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </Section>
          )}
          <Section id="trends" title={t('dashboard.report.trends')}>
            <table className="dashboard-table">
              <thead>
                <tr><th scope="col">{t('dashboard.month')}</th><th scope="col">{t('dashboard.runs')}</th><th scope="col">{t('dashboard.passRate')}</th><th scope="col">{t('dashboard.average')}</th></tr>
              </thead>
              <tbody>
                {data.trends.map((m) => {
                  const rate = m.runs === 0 ? 0 : Math.round((m.passed / m.runs) * 100);
                  return (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th><td>{m.runs}</td>
                      <td><span className="bar" style={{ width: `${rate}%` }} aria-hidden="true" />{rate}%</td>
                      <td>{m.averagePercent}%</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Section>
          <Section id="failed" title={t('dashboard.report.failed-criteria')}>
            <ol className="failed-list">
              {data.failed.map((f) => <li key={`${f.scenarioId}/${f.criterionId}`}>{t('dashboard.failedItem', { criterion: pick(f.title, lang), scenario: scenarioTitle(f.scenarioId), failed: f.failed, total: f.total, rate: f.failRate })}</li>)}
            </ol>
          </Section>
        </>
      )}
    </main>
  );
}
