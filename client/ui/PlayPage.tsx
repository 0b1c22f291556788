/** The play route (lazy-loaded: with debrief and replay, the only routes that pull in Phaser and the
 *  engine): loads and validates the scenario, runs a LocalSession (fresh, or forked from a replay
 *  moment) on the shared play surface, and shows loading progress throughout. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { forkRun, formatIssues, replayToTick, type Scenario } from '../../engine/index';
import { LocalSession } from '../session/LocalSession';
import { fetchScenario } from '../store/api';
import { getLocalRun } from '../store/offline/outbox';
import { getDraft } from '../studio/store/draftsDb';
import { usePlayStore } from '../store/playStore';
import { EndScreen } from './EndScreen';
import { PlaySurface } from './play/PlaySurface';
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
    // `?draft=<id>`: the studio's "play" proof, a draft kept in this browser rather than a published scenario.
    const draftId = new URLSearchParams(window.location.search).get('draft');
    const source = draftId ? getDraft(draftId).then((d) => (d ? d.scenario : Promise.reject(new Error(`“${draftId}”`)))) : fetchScenario(scenarioId);
    Promise.all([source, fp ? getLocalRun(fp.runId) : Promise.resolve(undefined)]).then(
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
  const [round, setRound] = useState(0);
  const end = usePlayStore((s) => s.end);
  const made = useMemo(() => {
    // "Play again" after a fork starts fresh rather than re-forking.
    const branch = round === 0 && fork ? (scenario: Scenario) => forkRun(replayToTick(scenario, fork.record as Parameters<typeof replayToTick>[1], fork.tick)) : undefined;
    return LocalSession.fromJson(json, branch);
  }, [json, round, fork]);

  if (!made.ok) {
    return (
      <main id="main" className="play">
        <p className="error" role="alert">
          {t('play.loadError', { message: formatIssues(made.issues) })}
        </p>
      </main>
    );
  }
  const title = pick(made.session.scenario.title, i18n.language);
  return (
    <main id="main" className="play">
      <h1 className="visually-hidden">{title}</h1>
      <PlaySurface key={round} session={made.session} label={t('play.canvas', { title })} />
      {end && <EndScreen end={end} onAgain={() => setRound((r) => r + 1)} />}
    </main>
  );
}
