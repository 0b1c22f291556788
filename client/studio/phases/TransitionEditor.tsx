/** One transition of a phase: the event it waits for, an optional guard, the phase it leads to (none
 *  for an inject that only acts), and its actions. */
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, jsonPath } from '../../../engine/index';
import { rulesAt, useIssues } from '../check/issueStore';
import { append, getIn, removeAt, setIn, type Path } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { BehaviourEditor } from './BehaviourEditor';

const EVENTS = ['TICK', ...EVENT_TYPES];

export function TransitionEditor({ path, event, phases, onEvent, onRemove }: { path: Path; event: string; phases: string[]; onEvent: (next: string) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const tr = useStudio((s) => getIn(s.draft, path)) as { target?: string; actions?: unknown[] } | undefined;
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  if (!tr) return null;
  const targetRules = rulesAt(byPath, jsonPath([...path, 'target']));
  return (
    <div className="transition" data-path={jsonPath(path)}>
      <div className="transition-head">
        <label className="field">
          <span>{t('studio.phases.event')}</span>
          <select value={event} onChange={(e) => onEvent(e.target.value)}>
            {EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {t(`studio.value.${ev}`, { defaultValue: ev })}
              </option>
            ))}
          </select>
        </label>
        <label className={`field${targetRules.length > 0 ? ' bad' : ''}`}>
          <span>{t('studio.phases.target')}</span>
          <select data-path={jsonPath([...path, 'target'])} value={tr.target ?? ''} aria-invalid={targetRules.length > 0} onChange={(e) => change((s) => setIn(s, [...path, 'target'], e.target.value || undefined))}>
            <option value="">{t('studio.phases.stay')}</option>
            {[...new Set([...phases, ...(tr.target ? [tr.target] : [])])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {targetRules.length > 0 && <span className="field-error">{targetRules.join(' · ')}</span>}
        </label>
        <button type="button" className="button small danger" onClick={onRemove}>
          {t('studio.phases.removeTransition')}
        </button>
      </div>
      <BehaviourEditor path={[...path, 'guard']} kind="guard" optional />
      <div className="actions">
        {(tr.actions ?? []).map((_, i) => (
          <BehaviourEditor key={i} path={[...path, 'actions', i]} kind="action" onRemove={() => change((s) => removeAt(s, [...path, 'actions'], i))} />
        ))}
        <button type="button" className="button small" onClick={() => change((s) => append(s, [...path, 'actions'], { type: 'radio', params: { from: { vi: 'Chỉ huy', en: 'Commander' }, text: { vi: '…', en: '…' } } }))}>
          {t('studio.phases.addAction')}
        </button>
      </div>
    </div>
  );
}
