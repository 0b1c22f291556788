/** The action bar under the map, the same in solo play and on a drill's crew page: one button per action
 *  that makes sense now (with its key), the orders the player may give the selected crew member, and the
 *  START triage picker with what the crew member finds. Buttons send the same intents as the keys,
 *  through the session; the engine still decides. */
import { useTranslation } from 'react-i18next';
import type { Intent } from '../../../engine/index';
import { actionLabelParams, type ContextAction } from '../../game/contextActions';
import type { OrderOption } from '../../game/orderOptions';
import type { Session } from '../../session/Session';
import { usePlayStore } from '../../store/playStore';
import { pick } from '../text';
import { TriagePicker } from './TriagePicker';

/** "KeyH" -> "H"; the label a keyboard shows. */
export function keyLabel(code: string): string {
  return code.replace(/^Key|^Digit/, '');
}

export function ActionBar({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const actions = usePlayStore((s) => s.hud?.actions ?? []);
  const orders = usePlayStore((s) => s.hud?.orders ?? []);
  const floors = usePlayStore((s) => s.hud?.floors ?? []);
  const crewId = usePlayStore((s) => s.crewId);
  const triageFor = usePlayStore((s) => s.triageFor);
  const setTriageFor = usePlayStore((s) => s.setTriageFor);
  const submit = (intent: Intent) => session.submit(intent);
  const items = session.run.scenario.world.items;
  const itemName = (id: string | undefined) => pick(items.find((i) => i.id === id)?.name, i18n.language) || (id ?? '');
  const run = (a: ContextAction) => {
    if (a.intent) submit(a.intent);
    else if (a.id === 'triage' && a.victimId) setTriageFor(a.victimId);
  };
  const orderLabel = (o: OrderOption): string => {
    const floor = o.floor === undefined ? undefined : floors[o.floor];
    return t(`orders.${o.id}`, { item: itemName(o.itemId), floor: floor ? pick(floor.name, i18n.language) : '', storey: (o.level ?? 0) + 1, level: o.level ?? 0 });
  };
  const victim = triageFor ? session.run.world.victims.find((v) => v.id === triageFor) : undefined;
  return (
    <section className="action-bar" aria-label={t('actions.label')} data-testid="action-bar">
      {actions.length === 0 && orders.length === 0 && <p className="muted">{session.interactive ? t('actions.none') : t('actions.watching')}</p>}
      {actions.map((a) => (
        <button key={`${a.id}-${a.level ?? ''}-${a.slot ?? ''}`} type="button" className="button action" data-action={a.id} onClick={() => run(a)} aria-keyshortcuts={keyLabel(a.code)}>
          <kbd aria-hidden="true">{keyLabel(a.code)}</kbd> {t(`actions.${a.id}`, { ...actionLabelParams(a), item: itemName(a.itemId), agent: a.agent ? t(`agent.${a.agent}`, { defaultValue: a.agent }) : '' })}
        </button>
      ))}
      {orders.length > 0 && (
        <div className="orders" role="group" aria-label={t('orders.label')} data-testid="orders">
          <span className="orders-title">{t('orders.title')}</span>
          {orders.map((o) => (
            <button key={`${o.id}-${o.itemId ?? ''}`} type="button" className={o.id === 'control' ? 'button order control' : 'button order'} data-order={o.id} onClick={() => submit(o.intent)}>
              {orderLabel(o)}
            </button>
          ))}
        </div>
      )}
      {triageFor && (
        <TriagePicker
          victim={victim}
          onOpenAirway={() => submit({ type: 'openAirway', crewId, victimId: triageFor })}
          onPick={(tag) => {
            submit({ type: 'triage', crewId, victimId: triageFor, tag });
            setTriageFor(null);
          }}
          onCancel={() => setTriageFor(null)}
        />
      )}
    </section>
  );
}
