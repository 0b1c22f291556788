/** The play route (lazy-loaded: with debrief and replay, the only routes that pull in Phaser and the
 *  engine): loads and validates the scenario, runs a LocalSession (fresh, or forked from a replay
 *  moment), mounts the Phaser game and the DOM HUD over it, and shows loading progress throughout. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { forkRun, formatIssues, replayToTick, type Scenario } from '../../engine/index';
import { createGame } from '../game/createGame';
import { LocalSession } from '../session/LocalSession';
import { fetchScenario } from '../store/api';
import { getLocalRun } from '../store/offline/outbox';
import { usePlayStore } from '../store/playStore';
import { EndScreen } from './EndScreen';
import { HudSide, HudStatus } from './Hud';
import { ActionBar } from './play/ActionBar';
import { CrewPanel, FloorSwitch, WaterPanel } from './play/CrewPanel';
import { MuteButton } from './play/MuteButton';
import { PausedBanner, SpeedControl } from './play/SpeedControl';
import { Toasts } from './play/Toasts';
import { pick } from './text';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; json: unknown; fork: ForkFrom | null };

/** A "what if" start: the record of an earlier run and the tick to branch from. */
interface ForkFrom {
  record: { seed: number; intents: { tick: number; intent: unknown }[] };
  tick: number;
}

/** `?fork=<runId>&tick=<n>` on the play route forks that stored run at that tick. */
function forkParams(): { runId: string; tick: number } | null {
  const q = new URLSearchParams(window.location.search);
  const runId = q.get('fork');
  const tick = Number(q.get('tick'));
  return runId && Number.isInteger(tick) && tick >= 0 ? { runId, tick } : null;
}

export default function PlayPage({ scenarioId }: { scenarioId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    const fp = forkParams();
    Promise.all([fetchScenario(scenarioId), fp ? getLocalRun(fp.runId) : Promise.resolve(undefined)]).then(
      ([json, stored]) => live && setLoaded({ state: 'ready', json, fork: fp && stored ? { record: stored.record, tick: fp.tick } : null }),
      (err: unknown) => live && setLoaded({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [scenarioId]);

  if (loaded.state === 'loading') {
    return (
      <main id="main" className="play">
        <p role="status">{t('play.loadingScenario')}</p>
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
  return <Game json={loaded.json} fork={loaded.fork} />;
}

/** One mounted game; `round` bumps on "play again" so a fresh run and a fresh Phaser game start. */
function Game({ json, fork }: { json: unknown; fork: ForkFrom | null }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [round, setRound] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [title, setTitle] = useState({ vi: '', en: '' });
  const [session, setSession] = useState<LocalSession | null>(null);
  const [booting, setBooting] = useState(true);
  const end = usePlayStore((s) => s.end);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // "Play again" after a fork starts fresh rather than re-forking.
    const branch = round === 0 && fork ? (scenario: Scenario) => forkRun(replayToTick(scenario, fork.record as Parameters<typeof replayToTick>[1], fork.tick)) : undefined;
    const made = LocalSession.fromJson(json, branch);
    if (!made.ok) {
      setProblem(formatIssues(made.issues));
      return;
    }
    const s = made.session;
    setTitle(s.scenario.title);
    setSession(s);
    setBooting(true);
    const game = createGame(el, s, 'auto', () => setBooting(false));
    s.start();
    return () => {
      s.stop();
      game.destroy(true);
    };
  }, [json, round, fork]);

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
          <div className="stage-tools">
            <FloorSwitch onView={(f) => session?.setViewFloor(f)} />
            <SpeedControl />
            <MuteButton />
          </div>
          <div className="game-wrap">
            <div ref={host} className="game-host" tabIndex={0} role="application" aria-label={t('play.canvas', { title: pick(title, i18n.language) })} data-testid="game" />
            {booting && (
              <p className="booting" role="status">
                {t('play.loadingGame')}
              </p>
            )}
            <Toasts />
            <PausedBanner />
          </div>
          {session && <ActionBar submit={(intent) => session.submit(intent)} />}
        </div>
        <HudSide>
          <CrewPanel onSelect={(id) => session?.selectCrew(id)} />
          <WaterPanel />
        </HudSide>
      </div>
      {end && <EndScreen end={end} onAgain={() => setRound((r) => r + 1)} />}
    </main>
  );
}
