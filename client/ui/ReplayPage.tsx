/** The replay route: the stored run re-simulated in the play scene with a timeline (play, pause,
 *  speed, scrub), markers at scored moments, and a "what if" fork into a new play session from the
 *  moment on screen. Lazy route (engine and Phaser). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { TICKS_PER_SECOND } from '../../engine/index';
import { createGame } from '../game/createGame';
import { ReplaySource } from '../session/ReplaySource';
import { useStoredRun } from './DebriefPage';
import { mmss, pick } from './text';

const SPEEDS = [0.5, 1, 2, 4, 8];

export default function ReplayPage({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const s = useStoredRun(runId);
  const host = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState<ReplaySource | null>(null);
  const [tick, setTick] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [, navigate] = useLocation();

  useEffect(() => {
    const el = host.current;
    if (s.state !== 'ready' || !el) return;
    const src = new ReplaySource(s.scenario, s.record);
    const start = Number(new URLSearchParams(window.location.search).get('t'));
    if (Number.isFinite(start) && start > 0) src.seek(start);
    const off = src.onTick((run) => {
      setTick(run.world.tick);
      setPlaying(src.playing);
    });
    setSource(src);
    const game = createGame(el, src);
    return () => {
      off();
      src.pause();
      game.destroy(true);
    };
  }, [s]);

  if (s.state === 'loading') return <main id="main" className="replay"><p role="status">{t('debrief.loading')}</p></main>;
  if (s.state === 'error') return <main id="main" className="replay"><p className="error" role="alert">{s.message}</p></main>;
  const end = s.stored.record.endTick;
  const markers = s.score.criteria.filter((c) => c.evidence).map((c) => ({ id: c.id, tick: c.evidence?.tick ?? 0, title: pick(c.title, i18n.language), passed: c.passed }));
  return (
    <main id="main" className="replay" data-testid="replay">
      <h1>{t('replay.title', { title: pick(s.scenario.title, i18n.language) })}</h1>
      <div className="game-wrap">
        <div ref={host} className="game-host" tabIndex={0} role="application" aria-label={t('replay.title', { title: pick(s.scenario.title, i18n.language) })} />
      </div>
      <section className="timeline" aria-label={t('replay.time')}>
        <button type="button" className="button primary" data-testid="replay-toggle" onClick={() => (playing ? source?.pause() : source?.play())}>
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <label>
          {t('replay.speed')}{' '}
          <select
            value={speed}
            onChange={(e) => {
              const v = Number(e.target.value);
              setSpeed(v);
              if (source) source.speed = v;
            }}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                ×{v}
              </option>
            ))}
          </select>
        </label>
        <div className="scrub">
          <input type="range" min={0} max={end} value={tick} aria-label={t('replay.time')} aria-valuetext={mmss(tick / TICKS_PER_SECOND)} data-testid="scrub" onChange={(e) => source?.seek(Number(e.target.value))} />
          <div className="markers" aria-label={t('replay.markers')} role="group">
            {markers.map((m) => (
              <button key={m.id} type="button" className={m.passed ? 'marker pass' : 'marker fail'} style={{ left: `${(m.tick / Math.max(1, end)) * 100}%` }} title={m.title} aria-label={`${m.title} (${mmss(m.tick / TICKS_PER_SECOND)})`} onClick={() => source?.seek(m.tick)} data-marker={m.id} />
            ))}
          </div>
        </div>
        <output data-testid="replay-time">
          {mmss(tick / TICKS_PER_SECOND)} / {mmss(end / TICKS_PER_SECOND)}
        </output>
        <button type="button" className="button" data-testid="fork" onClick={() => navigate(`/play/${encodeURIComponent(s.scenario.id)}?fork=${runId}&tick=${tick}`)}>
          {t('replay.fork')}
        </button>
        <Link href={`/debrief/${runId}`}>{t('replay.back')}</Link>
      </section>
    </main>
  );
}
