/** Event toasts (flashover, air alarm, victim rescued...): announced politely to screen readers, each
 *  gone after a few seconds; the radio log keeps the lasting record. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { toastable } from '../../session/eventFeed';
import { usePlayStore } from '../../store/playStore';
import { pick } from '../text';

const TOAST_MS = 4500;

export function Toasts() {
  const { t, i18n } = useTranslation();
  const toasts = usePlayStore((s) => s.toasts);
  const crew = usePlayStore((s) => s.hud?.crew ?? []);
  const crewName = (id: string | undefined): string => pick(crew.find((c) => c.id === id)?.name, i18n.language) || (id ?? '');
  const drop = usePlayStore((s) => s.dropToast);
  useEffect(() => {
    const timers = toasts.map((x) => window.setTimeout(() => drop(x.key), TOAST_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [toasts, drop]);
  return (
    <div className="toasts" aria-live="polite" aria-atomic="false" data-testid="toasts">
      {toasts.map((x) => (
        <p key={x.key} className={toastable(x) === 'danger' ? 'toast danger' : 'toast'} data-event={x.type}>
          {t(`toast.${x.type}`, { crew: crewName(x.crewId), defaultValue: t(`event.${x.type}`, { defaultValue: x.type }) })}
        </p>
      ))}
    </div>
  );
}
