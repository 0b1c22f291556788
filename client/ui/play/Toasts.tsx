/** Event toasts (flashover, air alarm, victim rescued...): announced politely to screen readers, each
 *  gone after a few seconds; the radio log keeps the lasting record. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayStore } from '../../store/playStore';

const TOAST_MS = 4500;
const DANGER = new Set(['FLASHOVER', 'ROLLOVER_WARNING', 'AGENT_FLARE_UP', 'LPG_FAILURE', 'ELECTRIC_SHOCK', 'COLLAPSE', 'CREW_INJURED', 'AIR_ALARM', 'AIR_EMPTY', 'VICTIM_DIED', 'VICTIM_INCAPACITATED', 'TANK_EMPTY', 'HYDRANT_FAILED', 'HOSE_SHORT']);

export function Toasts() {
  const { t } = useTranslation();
  const toasts = usePlayStore((s) => s.toasts);
  const drop = usePlayStore((s) => s.dropToast);
  useEffect(() => {
    const timers = toasts.map((x) => window.setTimeout(() => drop(x.key), TOAST_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, drop]);
  return (
    <div className="toasts" aria-live="polite" aria-atomic="false" data-testid="toasts">
      {toasts.map((x) => (
        <p key={x.key} className={DANGER.has(x.type) ? 'toast danger' : 'toast'} data-event={x.type}>
          {t(`toast.${x.type}`, { defaultValue: x.type })}
        </p>
      ))}
    </div>
  );
}
