/** The one play surface: the Phaser scene with the DOM HUD around it (status, floors, tools, toasts,
 *  action bar, crew, water, radio), over any Session. Solo play mounts it on a LocalSession, a drill's
 *  crew page on a NetworkSession, the instructor's console on an observing NetworkSession; what differs
 *  is only what the session allows. Starts the session and the scene with it and stops both on unmount. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createGame } from '../../game/createGame';
import type { Session } from '../../session/Session';
import { HudSide, HudStatus } from '../Hud';
import { ActionBar } from './ActionBar';
import { CameraHint } from './CameraHint';
import { CrewPanel, FloorSwitch, WaterPanel } from './CrewPanel';
import { EndRunButton } from './EndRunButton';
import { MuteButton } from './MuteButton';
import { PausedBanner, SpeedControl } from './SpeedControl';
import { Toasts } from './Toasts';

export function PlaySurface({ session, label, side }: { session: Session; label: string; side?: ReactNode }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [booting, setBooting] = useState(true);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setBooting(true);
    const game = createGame(el, session, 'auto', () => setBooting(false));
    session.start();
    return () => {
      session.stop();
      game.destroy(true);
    };
  }, [session]);

  return (
    <div className="play-layout" data-session={session.kind} data-testid="play-surface">
      <div className="stage">
        <HudStatus />
        <div className="stage-tools">
          <FloorSwitch onView={(f) => session.setViewFloor(f)} />
          {session.canPause && <SpeedControl />}
          <MuteButton />
          {session.canPause && <EndRunButton onEnd={() => session.submit({ type: 'endRun' })} />}
        </div>
        <div className="game-wrap">
          <div ref={host} className="game-host" tabIndex={0} role="application" aria-label={label} data-testid="game" />
          {booting && (
            <p className="booting" role="status">
              {t('play.loadingGame')}
            </p>
          )}
          {!booting && <CameraHint />}
          <Toasts />
          {session.canPause && <PausedBanner />}
        </div>
        <ActionBar session={session} />
      </div>
      <HudSide>
        <CrewPanel session={session} />
        <WaterPanel />
        {side}
      </HudSide>
    </div>
  );
}
