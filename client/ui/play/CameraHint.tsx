/** How to look around, said once at the start of each run over the map (drag, zoom, floors, the
 *  minimap), in the words for a mouse or a finger; gone after a few seconds or when dismissed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHOW_MS = 12_000;

export function CameraHint() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const id = window.setTimeout(() => setShown(false), SHOW_MS);
    return () => window.clearTimeout(id);
  }, []);
  if (!shown) return null;
  return (
    <p className="camera-hint" role="note" data-testid="camera-hint">
      <span>
        <span className="mouse">{t('play.cameraHintMouse')}</span>
        <span className="touch">{t('play.cameraHintTouch')}</span>
      </span>
      <button type="button" className="button" onClick={() => setShown(false)} aria-label={t('play.cameraHintClose')}>
        ✕
      </button>
    </p>
  );
}
