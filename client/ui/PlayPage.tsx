/** The play route (lazy-loaded: the only route that pulls in Phaser and the engine): loads and
 *  validates the scenario, runs a LocalSession, mounts the Phaser game and the DOM HUD over it. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatIssues } from '../../engine/index';
import { createGame } from '../game/createGame';
import { LocalSession } from '../session/LocalSession';
import { fetchScenario } from '../store/api';
import { usePlayStore } from '../store/playStore';
import { EndScreen } from './EndScreen';
import { HudSide, HudStatus } from './Hud';
import { pick } from './text';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; json: unknown };

export default function PlayPage({ scenarioId }: { scenarioId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    fetchScenario(scenarioId).then(
      (json) => live && setLoaded({ state: 'ready', json }),
      (err: unknown) => live && setLoaded({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [scenarioId]);

  if (loaded.state === 'loading') {
    return (
      <main id="main" className="play">
        <p role="status">{t('play.loading')}</p>
      </main>
    );
  }
  if (loaded.state === 'error') {
    return (
      <main id="main" className="play">
        <p className="error" role="alert">
          {t('play.loadError', { message: loaded.message })}
        </p>
        <Link href="/">{t('play.back')}</Link>
      </main>
    );
  }
  return <Game json={loaded.json} />;
}

/** One mounted game; `round` bumps on "play again" so a fresh run and a fresh Phaser game start. */
function Game({ json }: { json: unknown }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [round, setRound] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [title, setTitle] = useState({ vi: '', en: '' });
  const [size, setSize] = useState({ w: 24, h: 15 });
  const end = usePlayStore((s) => s.end);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const made = LocalSession.fromJson(json);
    if (!made.ok) {
      setProblem(formatIssues(made.issues));
      return;
    }
    const session = made.session;
    const grid = session.run.world.floors[0];
    setTitle(session.scenario.title);
    if (grid) setSize({ w: grid.width, h: grid.height });
    const game = createGame(el, session);
    session.start();
    return () => {
      session.stop();
      game.destroy(true);
    };
  }, [json, round]);

  if (problem !== null) {
    return (
      <main id="main" className="play">
        <p className="error" role="alert">
          {t('play.loadError', { message: problem })}
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="play">
      <h1 className="visually-hidden">{pick(title, i18n.language)}</h1>
      <div className="play-layout">
        <div className="stage">
          <HudStatus />
          <div ref={host} className="game-host" style={{ aspectRatio: `${size.w} / ${size.h}` }} role="application" aria-label={t('play.canvas', { title: pick(title, i18n.language) })} data-testid="game" />
        </div>
        <HudSide />
      </div>
      {end && <EndScreen end={end} onAgain={() => setRound((r) => r + 1)} />}
    </main>
  );
}
