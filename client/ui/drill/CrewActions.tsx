/** A trainee's controls in a drill: steps, doors, extinguishers, valves, the hose, casualties (carry,
 *  put down, triage) and the radio, by button or key, limited to what the role may send and to what the
 *  seat sees. Proposes intents for the trainee's own crew member only; the room and engine decide. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Intent, type Scenario } from '../../../engine/index';
import { nearestDoor, nozzleIntent } from '../../game/keyIntents';
import { send, type CrewSnap, type DrillSnapshot } from './drillSession';
import { scenarioPlan, type ScenarioPlan } from './scenarioPlan';

type Lang = 'vi' | 'en';
const DIRS = ['N', 'E', 'S', 'W'] as const;
const TAGS = ['green', 'yellow', 'red', 'black'] as const;
/** The solo game's keys (client/game/keyIntents.ts), so a trainee's hands know both. */
const STEP_KEYS: Record<string, (typeof DIRS)[number]> = { ArrowUp: 'N', KeyW: 'N', ArrowRight: 'E', KeyD: 'E', ArrowDown: 'S', KeyS: 'S', ArrowLeft: 'W', KeyA: 'W' };

const d2 = (ax: number, ay: number, bx: number, by: number): number => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);

/** Intent types the crew member's role may send; null: all. */
function allowedFor(scenario: Scenario, role: string): ReadonlySet<string> | null {
  const may = scenario.roles.find((r) => r.id === role)?.may;
  return may ? new Set(may) : null;
}

/** The nearest door cell around the crew member on the scenario's plan (doors stay doors, open or shut). */
function doorNear(plan: ScenarioPlan, c: CrewSnap): { x: number; y: number } | null {
  const g = plan.floors[c.floor];
  return g ? nearestDoor(g, c.x, c.y) : null;
}

export default function CrewActions({ snap, crew, lang }: { snap: DrillSnapshot; crew: CrewSnap; lang: Lang }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<ScenarioPlan | null>(null);
  const [radio, setRadio] = useState('');
  useEffect(() => {
    let live = true;
    scenarioPlan(snap.scenarioId).then(
      (p) => live && setPlan(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [snap.scenarioId]);

  const canAct = snap.status === 'running';
  const allowed = plan ? allowedFor(plan.scenario, crew.role) : null;
  const may = (type: Intent['type']): boolean => allowed === null || allowed.has(type);
  const act = (intent: Intent): void => {
    if (canAct) send('intent', intent);
  };
  const id = crew.id;
  const member = plan?.scenario.crew.find((m) => m.id === id);
  const extinguishers = member?.equipment ?? [];
  const name = (list: readonly { id: string; name: { vi: string; en: string } }[], key: string): string => list.find((e) => e.id === key)?.name[lang] ?? key;
  const places = new Map((plan?.itemPlaces ?? []).map((p) => [p.id, p]));
  const here = (itemId: string): boolean => places.get(itemId)?.floor === crew.floor;
  const fires = snap.items.filter((i) => i.burning && here(i.id));
  const valves = snap.items.filter((i) => i.valve === 'open' && here(i.id));
  const carrying = snap.victims.find((v) => v.carriedBy === id);
  const casualties = snap.victims.filter((v) => v.floor === crew.floor && v.carriedBy === '' && !v.safe);
  const vehicles = plan?.scenario.world.vehicles ?? [];
  const items = plan?.scenario.world.items ?? [];
  const victimsNamed = plan?.scenario.world.victims ?? [];

  // Keys, as in the solo game; never while typing in a field.
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      const target = e.target as HTMLElement | null;
      if (!canAct || e.altKey || e.ctrlKey || e.metaKey || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      let intent: Intent | null = null;
      const dir = STEP_KEYS[e.code];
      if (dir) intent = { type: 'step', crewId: id, dir };
      else if (e.code === 'KeyF' && plan) {
        const door = doorNear(plan, crew);
        if (door) intent = { type: 'toggleDoor', crewId: id, ...door };
      } else if (e.code === 'KeyE') {
        const nearest = [...fires].sort((a, b) => d2(places.get(a.id)?.x ?? 0, places.get(a.id)?.y ?? 0, crew.x, crew.y) - d2(places.get(b.id)?.x ?? 0, places.get(b.id)?.y ?? 0, crew.x, crew.y))[0];
        intent = nozzleIntent(id, crew.dischargingAt === '' ? null : crew.dischargingAt, fires, nearest);
      } else if (e.code === 'KeyP' && carrying) intent = { type: 'putDown', crewId: id };
      else if (e.code === 'KeyH') intent = { type: 'dropHose', crewId: id };
      else if (e.code === 'Digit1' || e.code === 'Digit2') {
        const eq = extinguishers[e.code === 'Digit1' ? 0 : 1];
        if (eq) intent = { type: 'selectEquipment', crewId: id, equipmentId: eq.id };
      }
      if (!intent || !may(intent.type)) return;
      e.preventDefault();
      send('intent', intent);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const door = plan ? doorNear(plan, crew) : null;
  return (
    <div className="drill-actions">
      {may('step') && (
        <div role="group" aria-label={t('drill.steps')} className="drill-steps">
          {DIRS.map((dir) => (
            <button key={dir} type="button" className="button" data-testid={`step-${dir}`} disabled={!canAct} onClick={() => act({ type: 'step', crewId: id, dir })}>
              {t(`drill.step.${dir}`)}
            </button>
          ))}
        </div>
      )}
      <div role="group" aria-label={t('drill.actions.group')} className="drill-steps">
        {may('toggleDoor') && (
          <button type="button" className="button" data-testid="act-door" disabled={!canAct || !door} onClick={() => door && act({ type: 'toggleDoor', crewId: id, ...door })}>
            {t('drill.actions.door')}
          </button>
        )}
        {may('selectEquipment') &&
          extinguishers.map((eq, k) => (
            <button key={eq.id} type="button" className="button" aria-pressed={crew.selected === k} disabled={!canAct} onClick={() => act({ type: 'selectEquipment', crewId: id, equipmentId: eq.id })}>
              {t('drill.actions.select', { n: k + 1, agent: t(`drill.agents.${eq.agent}`, { defaultValue: eq.agent }) })}
            </button>
          ))}
        {may('startDischarge') &&
          fires.map((f) => (
            <button key={f.id} type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'startDischarge', crewId: id, itemId: f.id })}>
              {t('drill.actions.spray', { item: name(items, f.id) })}
            </button>
          ))}
        {may('stopDischarge') && crew.dischargingAt !== '' && (
          <button type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'stopDischarge', crewId: id })}>
            {t('drill.actions.stop')}
          </button>
        )}
        {may('closeValve') &&
          valves.map((v) => (
            <button key={v.id} type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'closeValve', crewId: id, itemId: v.id })}>
              {t('drill.actions.valve', { item: name(items, v.id) })}
            </button>
          ))}
        {may('takeHose') &&
          vehicles.map((v) => (
            <button key={v.id} type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'takeHose', crewId: id, vehicleId: v.id })}>
              {t('drill.actions.takeHose', { vehicle: v.name[lang] })}
            </button>
          ))}
        {may('dropHose') && vehicles.length > 0 && (
          <button type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'dropHose', crewId: id })}>
            {t('drill.actions.dropHose')}
          </button>
        )}
        {may('putDown') && carrying && (
          <button type="button" className="button" data-testid="act-put-down" disabled={!canAct} onClick={() => act({ type: 'putDown', crewId: id })}>
            {t('drill.actions.putDown')}
          </button>
        )}
      </div>
      {casualties.length > 0 && (
        <ul className="drill-casualties" aria-label={t('drill.actions.casualties')}>
          {casualties.map((v) => (
            <li key={v.id}>
              {t('drill.actions.casualty', { name: name(victimsNamed, v.id), x: v.x, y: v.y })}{' '}
              {may('carry') && !carrying && (
                <button type="button" className="button" disabled={!canAct} onClick={() => act({ type: 'carry', crewId: id, victimId: v.id })}>
                  {t('drill.actions.carry')}
                </button>
              )}
              {may('triage') &&
                TAGS.map((tag) => (
                  <button key={tag} type="button" className="button" aria-pressed={v.tag === tag} disabled={!canAct} onClick={() => act({ type: 'triage', crewId: id, victimId: v.id, tag })}>
                    {t(`drill.actions.tag.${tag}`)}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!radio.trim() || !canAct) return;
          send('radio', { text: radio.trim() });
          setRadio('');
        }}
      >
        <label>
          {t('drill.actions.radio')} <input data-testid="crew-radio" value={radio} maxLength={200} onChange={(e) => setRadio(e.target.value)} />
        </label>{' '}
        <button type="submit" className="button" disabled={!canAct}>
          {t('drill.sendRadio')}
        </button>
      </form>
      <p className="drill-keys">{t('drill.actions.keys')}</p>
    </div>
  );
}
