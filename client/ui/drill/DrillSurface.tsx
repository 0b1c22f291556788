/** A drill seat on the shared play surface: loads the scenario (the engine and Phaser load with this
 *  component, not with the lobby), builds the seat's NetworkSession once and mounts PlaySurface on it.
 *  A trainee's seat controls its own crew member; the instructor's console observes. */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../engine/index';
import { NetworkSession, type Seat } from '../../session/NetworkSession';
import { PlaySurface } from '../play/PlaySurface';
import { pick } from '../text';
import { scenarioPlan } from './scenarioPlan';

export default function DrillSurface({ scenarioId, seat, side }: { scenarioId: string; seat: Seat; side?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [failed, setFailed] = useState(false);
  const [session, setSession] = useState<NetworkSession | null>(null);

  useEffect(() => {
    let live = true;
    scenarioPlan(scenarioId).then(
      (s) => live && setScenario(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [scenarioId]);

  useEffect(() => {
    if (scenario) setSession(new NetworkSession(scenario, seat));
  }, [scenario, seat]);

  if (failed) return <p role="alert">{t('drill.map.failed')}</p>;
  if (!session || !scenario) return <p role="status">{t('drill.map.loading')}</p>;
  return <PlaySurface session={session} label={t('play.canvas', { title: pick(scenario.title, i18n.language) })} side={side} />;
}
