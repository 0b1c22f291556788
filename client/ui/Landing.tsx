/** The landing page: what Fireground is and the scenario list (server first, bundled when offline).
 *  Must stay light: no Phaser and no engine imports, directly or through other modules. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listScenarios, type ScenarioSummary } from '../store/api';
import { pick } from './text';

export default function Landing() {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<{ scenarios: ScenarioSummary[]; offline: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void listScenarios().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main id="main" className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('app.name')}</h1>
        <p className="tagline">{t('landing.tagline')}</p>
        <p>{t('landing.intro')}</p>
        <ul className="points">
          <li>{t('landing.points.realistic')}</li>
          <li>{t('landing.points.doctrine')}</li>
          <li>{t('landing.points.offline')}</li>
        </ul>
      </section>
      <section aria-labelledby="scenarios-title" aria-busy={list === null}>
        <h2 id="scenarios-title">{t('landing.scenarios')}</h2>
        {list === null && <p role="status">{t('landing.loading')}</p>}
        {list?.offline && <p className="notice" role="status">{t('landing.offline')}</p>}
        {list && list.scenarios.length === 0 && <p>{t('landing.empty')}</p>}
        <ul className="scenario-list">
          {list?.scenarios.map((s) => {
            const title = pick(s.title, i18n.language);
            return (
              <li key={s.id} className="scenario-card" data-scenario-id={s.id}>
                <h3>{title}</h3>
                <p>{pick(s.summary, i18n.language)}</p>
                <p className="meta">
                  <span>{t(`category.${s.category}`, { defaultValue: s.category })}</span>
                  <span>{t('landing.difficulty', { level: s.difficulty })}</span>
                  <span>{t('landing.minutes', { count: s.estimatedMinutes })}</span>
                </p>
                <Link href={`/briefing/${encodeURIComponent(s.id)}`} className="button primary" aria-label={t('landing.play', { title })}>
                  {t('landing.start')}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </main>
  );
}
