/** Ending a solo run by touch as well as by Esc: asks once, then sends the run's end through the session. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function EndRunButton({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button" data-testid="end-run" aria-keyshortcuts="Escape" onClick={() => setAsking(true)}>
        {t('play.endRun')}
      </button>
    );
  }
  return (
    <span className="end-confirm" role="group" aria-label={t('play.endRunConfirm')}>
      {t('play.endRunConfirm')}{' '}
      <button type="button" className="button primary" data-testid="end-run-yes" onClick={onEnd}>
        {t('play.endRunYes')}
      </button>{' '}
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t('play.endRunNo')}
      </button>
    </span>
  );
}
