/** The playback speed switch on the play HUD: x1, x2 and x4 toggle buttons, and the N key to cycle.
 *  It only writes the speed store; the local session turns the speed into more fixed ticks per second. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS } from '../../session/tickClock';
import { useSpeedStore } from '../../store/speedStore';

/** KeyboardEvent.code that cycles the speed; free of every game and action key. */
export const SPEED_KEY = 'KeyN';

export function SpeedControl() {
  const { t } = useTranslation();
  const speed = useSpeedStore((s) => s.speed);
  const setSpeed = useSpeedStore((s) => s.setSpeed);
  const cycle = useSpeedStore((s) => s.cycle);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== SPEED_KEY || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      // Typing into a form control or answering a dialog must not change the speed.
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea, [role="dialog"]')) return;
      e.preventDefault();
      cycle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cycle]);

  return (
    <div className="speed-control" role="group" aria-label={t('speed.label')} data-testid="speed-control">
      {SPEEDS.map((s) => (
        <button key={s} type="button" className="button" aria-pressed={speed === s} aria-label={t('speed.option', { speed: s })} aria-keyshortcuts="N" data-speed={s} onClick={() => setSpeed(s)}>
          ×{s}
        </button>
      ))}
      <span className="muted small">{t('speed.key')}</span>
    </div>
  );
}
