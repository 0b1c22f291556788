/** The briefing before play: dispatch message, map preview, objectives (the rubric's criteria),
 *  crew and equipment, doctrine notes, then start. Light route: reads the scenario JSON as data and
 *  must not import the engine or Phaser. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fetchScenario, type LocalizedText } from '../store/api';
import { MapPreview, type PreviewMarker } from './MapPreview';
import { mmss, pick } from './text';

interface Placed {
  id: string;
  name: LocalizedText;
  floor: string;
  x: number;
  y: number;
}

/** The parts of a scenario file the briefing reads; the play route validates the whole file. */
interface BriefingJson {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  category: string;
  difficulty: number;
  timeLimitS: number;
  doctrine: string[];
  world: {
    floors: { id: string; name: LocalizedText; rows: string[] }[];
    items: (Placed & { ignitedAtS?: number })[];
    victims?: Placed[];
    vehicles?: (Placed & { tankL: number; hoseM: number })[];
    hydrants?: Placed[];
  };
  crew: (Placed & { equipment: { id: string; agent: string }[]; tools?: string[]; breathingSet?: { cylinderL: number; fullBar: number } })[];
  statechart: { initial: string; states: Record<string, { entry?: unknown[] }> };
  rubric: { criteria: { id: string; title: LocalizedText }[] };
}

/** The first radio message the incident opens with: the dispatch. */
function dispatchMessage(s: BriefingJson): LocalizedText | null {
  for (const a of s.statechart.states[s.statechart.initial]?.entry ?? []) {
    const o = a as { type?: string; params?: { text?: LocalizedText } };
    if (o.type === 'radio' && o.params?.text) return o.params.text;
  }
  return null;
}

export default function Briefing({ scenarioId }: { scenarioId: string }) {
  const { t, i18n } = useTranslation();
  const [s, setS] = useState<BriefingJson | null | 'error'>(null);
  const lang = i18n.language;

  useEffect(() => {
    let live = true;
    fetchScenario(scenarioId).then(
      (json) => live && setS(json as BriefingJson),
      () => live && setS('error'),
    );
    return () => {
      live = false;
    };
  }, [scenarioId]);

  if (s === null) return <main id="main" className="briefing"><p role="status">{t('briefing.loading')}</p></main>;
  if (s === 'error') {
    return (
      <main id="main" className="briefing">
        <p className="error" role="alert">{t('play.notFound', { id: scenarioId })}</p>
        <Link href="/scenarios">{t('app.nav.catalogue')}</Link>
      </main>
    );
  }
  const dispatch = dispatchMessage(s);
  const markersOn = (floor: string): PreviewMarker[] => [
    ...s.crew.filter((c) => c.floor === floor).map((c) => ({ x: c.x, y: c.y, kind: 'crew' as const })),
    ...s.world.items.filter((i) => i.floor === floor && i.ignitedAtS !== undefined).map((i) => ({ x: i.x, y: i.y, kind: 'fire' as const })),
    ...(s.world.vehicles ?? []).filter((v) => v.floor === floor).map((v) => ({ x: v.x, y: v.y, kind: 'vehicle' as const })),
    ...(s.world.hydrants ?? []).filter((v) => v.floor === floor).map((v) => ({ x: v.x, y: v.y, kind: 'hydrant' as const })),
  ];
  return (
    <main id="main" className="briefing">
      <p className="muted">{t('briefing.title')}</p>
      <h1>{pick(s.title, lang)}</h1>
      <p>{pick(s.summary, lang)}</p>
      <p className="meta">
        <span>{t(`category.${s.category}`, { defaultValue: s.category })}</span>
        <span>{t('landing.difficulty', { level: s.difficulty })}</span>
        <span>{t('briefing.timeLimit', { time: mmss(s.timeLimitS) })}</span>
      </p>
      {dispatch && (
        <section aria-labelledby="dispatch-title" className="dispatch">
          <h2 id="dispatch-title">{t('briefing.dispatch')}</h2>
          <blockquote data-testid="dispatch">{pick(dispatch, lang)}</blockquote>
        </section>
      )}
      <div className="briefing-grid">
        <section aria-labelledby="objectives-title">
          <h2 id="objectives-title">{t('briefing.objectives')}</h2>
          <ul data-testid="briefing-objectives">
            {s.rubric.criteria.map((c) => (
              <li key={c.id}>{pick(c.title, lang)}</li>
            ))}
          </ul>
          <h2>{t('briefing.equipment')}</h2>
          <ul>
            {s.crew.map((c) => {
              // A commander who directs from the street carries no kit: the name alone, no dangling colon.
              const gear = [...c.equipment.map((e) => t(`agent.${e.agent}`, { defaultValue: e.agent })), ...(c.tools ?? []).map((x) => t(`tool.${x}`, { defaultValue: x }))].join(', ');
              const air = c.breathingSet ? t('briefing.air', { litres: c.breathingSet.cylinderL, bar: c.breathingSet.fullBar }) : '';
              const kit = [gear, air].filter((part) => part.length > 0).join('; ');
              return (
                <li key={c.id}>
                  <strong>{pick(c.name, lang)}</strong>
                  {kit.length > 0 && `: ${kit}`}
                </li>
              );
            })}
            {(s.world.vehicles ?? []).map((v) => (
              <li key={v.id}>{t('briefing.tank', { name: pick(v.name, lang), litres: v.tankL, hose: v.hoseM })}</li>
            ))}
          </ul>
          <h2>{t('briefing.doctrine')}</h2>
          <ul>
            {s.doctrine.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="map-title" className="maps">
          <h2 id="map-title" className="visually-hidden">{t('briefing.map', { floor: '' })}</h2>
          {s.world.floors.map((f) => (
            <figure key={f.id}>
              <MapPreview rows={f.rows} markers={markersOn(f.id)} label={t('briefing.map', { floor: pick(f.name, lang) })} />
              <figcaption>{pick(f.name, lang)}</figcaption>
            </figure>
          ))}
          <p className="muted small">{t('briefing.legend')}</p>
        </section>
      </div>
      <p className="actions">
        <Link href={`/play/${encodeURIComponent(s.id)}`} className="button primary" data-testid="start">
          {t('briefing.start')}
        </Link>
      </p>
    </main>
  );
}
