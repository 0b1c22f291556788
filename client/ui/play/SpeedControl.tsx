/** The play clock's controls on the HUD: x1, x2 and x4 toggle buttons with the N key to cycle, a pause
 *  toggle with the Space key, and the banner over the map while paused. They only write the speed store;
 *  the local session turns speed and pause into more, fewer or no fixed ticks per second. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS } from '../../session/tickClock';
import { useSpeedStore } from '../../store/speedStore';

/** KeyboardEvent.code that cycles the speed; free of every game and action key. */
export const SPEED_KEY = 'KeyN';
/** KeyboardEvent.code that pauses and resumes. P is taken (isolating the power), so Space, the pause
 *  key of most tactical games; free of every game and action key too. */
export const PAUSE_KEY = 'Space';

/** Whether a key press belongs to a form control or an open dialog rather than to the clock. */
function typing(e: KeyboardEvent): boolean {
  return e.target instanceof HTMLElement && e.target.closest('input, select, textarea, [role="dialog"]') !== null;
}

export function SpeedControl() {
  const { t } = useTranslation();
  const speed = useSpeedStore((s) => s.speed);
  const paused = useSpeedStore((s) => s.paused);
  const setSpeed = useSpeedStore((s) => s.setSpeed);
  const cycle = useSpeedStore((s) => s.cycle);
  const togglePause = useSpeedStore((s) => s.togglePause);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.code !== SPEED_KEY && e.code !== PAUSE_KEY) || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      // Space would also press the focused button (a crew member, an action) and scroll the page;
      // holding it must not flicker the pause on every auto-repeat.
      e.preventDefault();
      if (e.repeat) return;
      if (e.code === SPEED_KEY) cycle();
      else togglePause();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cycle, togglePause]);

  return (
    <div className="speed-control" role="group" aria-label={t('speed.label')} data-testid="speed-control">
      {/* The button says what it will do: "Pause" while running, "Resume" while paused; the banner says it is paused. */}
      <button type="button" className="button pause" aria-keyshortcuts="Space" title={paused ? t('speed.resumeHint') : t('speed.pauseHint')} data-testid="pause" data-paused={paused} onClick={togglePause}>
        <span aria-hidden="true">{paused ? '▶' : '❚❚'}</span> <span className="pause-label">{paused ? t('speed.resume') : t('speed.pause')}</span>
      </button>
      {SPEEDS.map((s) => (
        <button key={s} type="button" className="button" aria-pressed={speed === s} aria-label={t('speed.option', { speed: s })} aria-keyshortcuts="N" data-speed={s} onClick={() => setSpeed(s)}>
          ×{s}
        </button>
      ))}
      <span className="muted small key-hint">{t('speed.key')}</span>
    </div>
  );
}

/** The banner over the map while the clock is paused: says so and how to resume. The live region stays
 *  mounted (empty and hidden while running) so screen readers hear the change; clicks pass through it
 *  to the map, since orders are still given while paused. */
export function PausedBanner() {
  const { t } = useTranslation();
  const paused = useSpeedStore((s) => s.paused);
  return (
    <p className="paused-banner" role="status" data-testid="paused-banner">
      {paused && (
        <>
          <strong>{t('speed.paused')}</strong> <span className="small">{t('speed.resumeHint')}</span>
        </>
      )}
    </p>
  );
}
