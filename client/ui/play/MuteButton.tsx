/** The sound on/off switch (a toggle button; the choice is remembered). */
import { useTranslation } from 'react-i18next';
import { useSoundStore } from '../../store/soundStore';

export function MuteButton() {
  const { t } = useTranslation();
  const muted = useSoundStore((s) => s.muted);
  const toggle = useSoundStore((s) => s.toggle);
  return (
    <button type="button" className="button" aria-pressed={muted} onClick={toggle} data-testid="mute">
      {muted ? t('sound.muted') : t('sound.on')}
    </button>
  );
}
