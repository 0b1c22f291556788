/** The outbox's state in the header: how many finished runs wait on this device and whether they are
 *  being sent. Loads the outbox (Dexie) lazily, and not at all on a device that has never saved a run. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mayHoldRuns } from '../store/offline/deviceStore';
import { useSyncStore } from '../store/syncStore';

export function SyncBadge() {
  const { t } = useTranslation();
  const { pending, phase } = useSyncStore();
  useEffect(() => {
    void mayHoldRuns().then(async (may) => {
      if (may) (await import('../store/offline/outbox')).startOutbox();
    });
  }, []);
  const text = phase === 'syncing' ? t('sync.syncing') : phase === 'offline' ? t('sync.offline', { count: pending }) : pending > 0 ? (phase === 'error' ? t('sync.error', { count: pending }) : t('sync.pending', { count: pending })) : t('sync.idle');
  return (
    <p className={`sync-badge ${phase}${pending > 0 ? ' waiting' : ''}`} role="status" aria-label={t('sync.label')} data-testid="sync-badge" data-pending={pending} data-phase={phase}>
      <span aria-hidden="true" className="dot" /> {text}
    </p>
  );
}
