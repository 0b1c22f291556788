/** The scenario catalogue: category and difficulty filters, stars earned (on this device, and on the
 *  server for a signed-in player, whichever is better), and what to try next. Light route: no Phaser and no engine, directly or through other modules. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { bestResults, listScenarios, type ScenarioSummary } from '../store/api';
import { mergeProgress, readProgress } from '../store/progress';
import { Stars } from './Stars';
import { pick } from './text';

/** The easiest scenario not yet finished with three stars, tutorial-like ones (difficulty 1) first. */
export function nextToTry(list: readonly ScenarioSummary[], stars: (id: string) => number): ScenarioSummary | null {
  return [...list].filter((s) => stars(s.id) < 3).sort((a, b) => a.difficulty - b.difficulty || a.estimatedMinutes - b.estimatedMinutes)[0] ?? null;
}

export default function Catalogue() {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<{ scenarios: ScenarioSummary[]; offline: boolean } | null>(null);
  const [category, setCategory] = useState('');
  const [maxDifficulty, setMaxDifficulty] = useState(5);
  const local = useMemo(() => readProgress(), []);
  const [progress, setProgress] = useState(local);

  useEffect(() => {
    let live = true;
    void listScenarios().then((l) => live && setList(l));
    // Stars earned on another device follow a signed-in player here.
    void bestResults().then((server) => live && setProgress(mergeProgress(local, server)));
    return () => {
      live = false;
    };
  }, [local]);

  const scenarios = list?.scenarios ?? [];
  const categories = [...new Set(scenarios.map((s) => s.category))].sort();
  const shown = scenarios.filter((s) => (!category || s.category === category) && s.difficulty <= maxDifficulty).sort((a, b) => a.difficulty - b.difficulty);
  const next = nextToTry(scenarios, (id) => progress[id]?.stars ?? 0);

  return (
    <main id="main" className="catalogue">
      <h1>{t('catalogue.title')}</h1>
      {list === null && <p role="status">{t('landing.loading')}</p>}
      {list?.offline && <p className="notice" role="status">{t('landing.offline')}</p>}
      {next && (
        <section className="next" aria-labelledby="next-title" data-testid="try-next">
          <h2 id="next-title">{t('catalogue.next')}</h2>
          <p>
            <Link href={`/briefing/${encodeURIComponent(next.id)}`}>{pick(next.title, i18n.language)}</Link> <span className="muted">{t('catalogue.nextWhy')}</span>
          </p>
        </section>
      )}
      <form className="filters" aria-label={t('catalogue.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('catalogue.category')}{' '}
          <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="filter-category">
            <option value="">{t('catalogue.all')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`, { defaultValue: c })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('catalogue.difficulty')}{' '}
          <select value={maxDifficulty} onChange={(e) => setMaxDifficulty(Number(e.target.value))} data-testid="filter-difficulty">
            {[5, 4, 3, 2, 1].map((d) => (
              <option key={d} value={d}>
                {d === 5 ? t('catalogue.all') : t('catalogue.upTo', { level: d })}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list && shown.length === 0 && <p>{t('catalogue.none')}</p>}
      <ul className="scenario-list">
        {shown.map((s) => {
          const title = pick(s.title, i18n.language);
          const best = progress[s.id];
          return (
            <li key={s.id} className="scenario-card" data-scenario-id={s.id}>
              <h2 className="card-title">{title}</h2>
              <p>{pick(s.summary, i18n.language)}</p>
              <p className="meta">
                <span>{t(`category.${s.category}`, { defaultValue: s.category })}</span>
                <span>{t('landing.difficulty', { level: s.difficulty })}</span>
                <span>{t('landing.minutes', { count: s.estimatedMinutes })}</span>
              </p>
              <p className="meta">
                <Stars count={best?.stars ?? 0} label={t('end.stars', { count: best?.stars ?? 0 })} />
                <span>{best ? t('catalogue.best', { percent: best.percent }) : t('catalogue.notPlayed')}</span>
              </p>
              <Link href={`/briefing/${encodeURIComponent(s.id)}`} className="button primary" aria-label={t('catalogue.brief', { title })}>
                {t('catalogue.open')}
              </Link>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
