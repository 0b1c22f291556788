/** The drill map on the page: loads the scenario's plan, starts the Phaser map lazily (Phaser is not in
 *  the lobby's bundle) and feeds it the room's synced entities and field frames. The instructor picks a
 *  crew member to follow or a floor; the commander sees the whole floor; a crew member follows itself. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorGrid } from '../../../engine/index';
import type { DrillMapSource, MapPlace } from '../../game/DrillMapScene';
import { fields, type DrillSnapshot } from './drillSession';
import { scenarioPlan } from './scenarioPlan';
import { useRoleName } from './useRoleName';
import { CrewOptions } from './CrewOptions';

export type MapSeat = 'instructor' | 'commander' | 'crew';

interface Plan {
  floors: FloorGrid[];
  floorNames: string[];
  itemPlaces: MapPlace[];
}

async function loadPlan(scenarioId: string, lang: 'vi' | 'en'): Promise<Plan> {
  const { scenario, floors, itemPlaces } = await scenarioPlan(scenarioId);
  return { floors, itemPlaces, floorNames: scenario.world.floors.map((f) => f.name[lang]) };
}

export default function DrillMap({ snap, seat, ownCrewId }: { snap: DrillSnapshot; seat: MapSeat; ownCrewId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const roleName = useRoleName(snap.scenarioId);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [failed, setFailed] = useState(false);
  const [follow, setFollow] = useState<string | null>(seat === 'crew' ? ownCrewId : null);
  const [floor, setFloor] = useState(0);
  const host = useRef<HTMLDivElement | null>(null);
  // The scene reads these every frame; refs keep it off React's render cycle.
  const snapRef = useRef(snap);
  const followRef = useRef(follow);
  const floorRef = useRef(floor);
  snapRef.current = snap;
  followRef.current = seat === 'crew' ? ownCrewId : follow;
  floorRef.current = floor;

  useEffect(() => {
    let live = true;
    loadPlan(snap.scenarioId, lang).then(
      (p) => live && setPlan(p),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [snap.scenarioId, lang]);

  useEffect(() => {
    const el = host.current;
    if (!plan || !el) return;
    const source: DrillMapSource = {
      floors: plan.floors,
      itemPlaces: plan.itemPlaces,
      entities: () => snapRef.current,
      fields: (f) => fields.get(f),
      follow: () => followRef.current,
      floor: () => floorRef.current,
      shown: (f, followed) => {
        el.dataset.floor = String(f);
        el.dataset.follow = followed ? `${followed.id}@${followed.x},${followed.y}` : '';
      },
    };
    let game: { destroy(removeCanvas: boolean): void } | null = null;
    let live = true;
    void import('../../game/createDrillMap').then((m) => {
      if (live) game = m.createDrillMap(el, source);
    });
    return () => {
      live = false;
      game?.destroy(true);
    };
  }, [plan]);

  if (failed) return <p role="alert">{t('drill.map.failed')}</p>;
  const following = seat === 'crew' ? ownCrewId : follow;
  return (
    <section aria-labelledby="drill-map" className="drill-map">
      <h2 id="drill-map">{t('drill.map.title')}</h2>
      {seat !== 'crew' && (
        <div className="drill-map-controls">
          {seat === 'instructor' && (
            <label>
              {t('drill.map.follow')}{' '}
              <select data-testid="map-follow" value={follow ?? ''} onChange={(e) => setFollow(e.target.value || null)}>
                <option value="">{t('drill.map.wholeMap')}</option>
                <CrewOptions crew={snap.crew} roleName={roleName} />
              </select>
            </label>
          )}{' '}
          {plan && plan.floors.length > 1 && following === null && (
            <label>
              {t('drill.map.floor')}{' '}
              <select data-testid="map-floor" value={floor} onChange={(e) => setFloor(Number(e.target.value))}>
                {plan.floorNames.map((name, f) => (
                  <option key={f} value={f}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      <div ref={host} data-testid="drill-map" style={{ width: '100%', maxWidth: 800, aspectRatio: '8 / 5' }} role="img" aria-label={following ? t('drill.map.followingLabel', { id: following }) : t('drill.map.overviewLabel')} />
      {!plan && <p role="status">{t('drill.map.loading')}</p>}
    </section>
  );
}
