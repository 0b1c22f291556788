/** Who the player controls (one button per crew member; Tab on the map cycles), each with floor,
 *  breathing air against its alarm, and what they hold; plus the floor switcher and water supply. */
import { useTranslation } from 'react-i18next';
import type { Session } from '../../session/Session';
import { usePlayStore } from '../../store/playStore';
import { pick } from '../text';

/** Crew by name with air, kit and standing order; a button selects (solo: takes control of) a member, or
 *  for an observer the member the view follows. A drill seat sees its own member and those in sight. */
export function CrewPanel({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const hud = usePlayStore((s) => s.hud);
  const crewId = usePlayStore((s) => s.crewId);
  if (!hud) return null;
  const observer = !session.interactive && session.kind === 'network';
  const onSelect = (id: string) => session.selectCrew(id);
  const floorName = (f: number) => pick(hud.floors[f]?.name, i18n.language);
  return (
    <section aria-labelledby="crew-title" className="crew-panel">
      <h2 id="crew-title">{t('crew.title')}</h2>
      {observer && (
        <button type="button" className="crew-select" aria-pressed={crewId === ''} data-crew="" onClick={() => onSelect('')}>
          {t('crew.wholeMap')}
        </button>
      )}
      <ul className="crew-list">
        {hud.crew.map((c) => {
          const air = c.air;
          const pct = air ? Math.max(0, Math.round((air.bar / air.fullBar) * 100)) : 0;
          return (
            <li key={c.id} className={c.id === crewId ? 'me' : ''}>
              <button type="button" className="crew-select" aria-pressed={c.id === crewId} data-crew={c.id} onClick={() => onSelect(c.id)}>
                <strong>{pick(c.name, i18n.language)}</strong> <span className="muted">{floorName(c.floor)}</span>
              </button>
              {air && (
                <div className={air.alarmed ? 'air alarm' : 'air'} data-testid={`air-${c.id}`}>
                  <meter min={0} max={air.fullBar} low={air.alarmBar} optimum={air.fullBar} value={air.bar} aria-label={t('crew.air', { name: pick(c.name, i18n.language) })} />
                  <span>{t('crew.bar', { bar: air.bar, percent: pct })}</span>
                  {air.empty ? <strong className="alarm-text">{t('crew.airEmpty')}</strong> : air.alarmed && <strong className="alarm-text">{t('crew.airAlarm')}</strong>}
                </div>
              )}
              <p className="muted small" data-testid={`crew-state-${c.id}`}>
                {[c.order && t('crew.order', { order: t(`orders.kind.${c.order}`) }), c.hose && t('crew.hose'), c.carrying && t('crew.carrying'), c.busy && t('crew.busy'), c.thermalCamera && t('crew.camera')].filter(Boolean).join(' · ')}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function FloorSwitch({ onView }: { onView: (floor: number | null) => void }) {
  const { t, i18n } = useTranslation();
  const hud = usePlayStore((s) => s.hud);
  const view = usePlayStore((s) => s.viewFloor);
  const crewId = usePlayStore((s) => s.crewId);
  if (!hud || hud.floors.length < 2) return null;
  const crewFloor = hud.crew.find((c) => c.id === crewId)?.floor ?? 0;
  const shown = view ?? crewFloor;
  return (
    <div className="floor-switch" role="group" aria-label={t('floors.label')} data-testid="floor-switch">
      {[...hud.floors].reverse().map((f) => (
        <button key={f.index} type="button" className="button" aria-pressed={shown === f.index} data-floor={f.index} onClick={() => onView(f.index === crewFloor ? null : f.index)}>
          {pick(f.name, i18n.language)}
          {f.index === crewFloor && <span aria-hidden="true"> ●</span>}
        </button>
      ))}
      <span className="muted small key-hint">{t('floors.keys')}</span>
    </div>
  );
}

export function WaterPanel() {
  const { t, i18n } = useTranslation();
  const water = usePlayStore((s) => s.hud?.water ?? []);
  if (water.length === 0) return null;
  return (
    <section aria-labelledby="water-title">
      <h2 id="water-title">{t('water.title')}</h2>
      <ul className="water">
        {water.map((v) => (
          <li key={v.id} data-testid={`water-${v.id}`}>
            {pick(v.name, i18n.language)}: {t('water.litres', { litres: v.waterL, tank: v.tankL })}
            {v.hydrant && <span className="muted"> · {t('water.hydrant')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
