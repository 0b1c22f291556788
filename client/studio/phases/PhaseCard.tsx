/** One phase of the statechart: its name (renaming updates every transition aiming at it), whether the
 *  run ends there, which intents players may send in it, what it does on entry, and its transitions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTENT_TYPES, jsonPath, type Scenario } from '../../../engine/index';
import { rulesAt, useIssues } from '../check/issueStore';
import { append, removeAt, setIn, updateIn } from '../model/paths';
import { addTransition, removePhase, renamePhase } from '../model/statechartEdit';
import { useStudio } from '../model/studioStore';
import { BehaviourEditor } from './BehaviourEditor';
import { TransitionEditor } from './TransitionEditor';

type State = Scenario['statechart']['states'][string];

export function PhaseCard({ name, phases }: { name: string; phases: string[] }) {
  const { t } = useTranslation();
  const st: State | undefined = useStudio((s) => s.draft.statechart.states[name]);
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  const [newName, setNewName] = useState(name);
  if (!st) return null;
  const base = ['statechart', 'states', name];
  const p = jsonPath(base);
  const rules = rulesAt(byPath, p);
  const on = Object.entries(st.on ?? {}).flatMap(([ev, tr]) => (Array.isArray(tr) ? tr.map((_, i) => ({ ev, path: [...base, 'on', ev, i], list: true, i })) : [{ ev, path: [...base, 'on', ev], list: false, i: 0 }]));
  const chart = (fn: (c: Scenario['statechart']) => Scenario['statechart']): void => change((s) => ({ ...s, statechart: fn(s.statechart) }));
  const removeTransition = (ev: string, list: boolean, i: number): void =>
    change((s) => {
      if (!list) return setIn(s, [...base, 'on', ev], undefined);
      const next = removeAt(s, [...base, 'on', ev], i);
      return next;
    });
  const moveTransition = (ev: string, list: boolean, i: number, to: string): void =>
    change((s) => {
      const tr = list ? (s.statechart.states[name]?.on?.[ev] as unknown[])[i] : s.statechart.states[name]?.on?.[ev];
      const without = list ? removeAt(s, [...base, 'on', ev], i) : setIn(s, [...base, 'on', ev], undefined);
      return { ...without, statechart: addTransition(without.statechart, name, to, tr as never) };
    });
  const intents = st.meta?.intents;
  return (
    <article className={`phase-card${rules.length > 0 ? ' bad' : ''}`} data-path={p} aria-label={t('studio.phases.phase', { name })}>
      <header>
        <label className="field">
          <span>{t('studio.phases.name')}</span>
          <input value={newName} onChange={(e) => setNewName(e.target.value.replace(/\s/g, ''))} onBlur={() => newName !== name && chart((c) => renamePhase(c, name, newName))} />
        </label>
        <label className="field check">
          <input type="checkbox" checked={st.type === 'final'} onChange={(e) => change((s) => setIn(s, base, e.target.checked ? { type: 'final', ...(st.description ? { description: st.description } : {}) } : { on: {} }))} />
          {t('studio.phases.final')}
        </label>
        <button type="button" className="button small danger" onClick={() => chart((c) => removePhase(c, name))}>
          {t('studio.phases.remove')}
        </button>
      </header>
      {rules.length > 0 && <p className="field-error">{rules.join(' · ')}</p>}
      {st.type !== 'final' && (
        <>
          <h4>{t('studio.phases.entry')}</h4>
          {(st.entry ?? []).map((_, i) => (
            <BehaviourEditor key={i} path={[...base, 'entry', i]} kind="action" onRemove={() => change((s) => removeAt(s, [...base, 'entry'], i))} />
          ))}
          <button type="button" className="button small" onClick={() => change((s) => append(s, [...base, 'entry'], { type: 'radio', params: { from: { vi: 'Trung tâm 114', en: '114 control' }, text: { vi: '…', en: '…' } } }))}>
            {t('studio.phases.addEntry')}
          </button>
          <h4>{t('studio.phases.transitions')}</h4>
          {on.map(({ ev, path, list, i }) => (
            <TransitionEditor key={jsonPath(path)} path={path} event={ev} phases={phases} onEvent={(to) => moveTransition(ev, list, i, to)} onRemove={() => removeTransition(ev, list, i)} />
          ))}
          <button type="button" className="button small" onClick={() => chart((c) => addTransition(c, name, 'TICK', { target: phases.find((x) => x !== name) ?? name }))}>
            {t('studio.phases.addTransition')}
          </button>
          <details className="intents" data-path={jsonPath([...base, 'meta', 'intents'])}>
            <summary>{intents ? t('studio.phases.intentsSome', { count: intents.length }) : t('studio.phases.intentsAll')}</summary>
            <label className="check">
              <input type="checkbox" checked={intents === undefined} onChange={(e) => change((s) => setIn(s, [...base, 'meta'], e.target.checked ? undefined : { intents: ['moveTo', 'step'] }))} />
              {t('studio.phases.intentsAll')}
            </label>
            {intents &&
              INTENT_TYPES.map((it) => (
                <label key={it} className="check">
                  <input type="checkbox" checked={intents.includes(it)} onChange={(e) => change((s) => updateIn(s, [...base, 'meta', 'intents'], (l: string[]) => (e.target.checked ? [...l, it] : l.filter((x) => x !== it))))} />
                  {t(`studio.intent.${it}`, { defaultValue: it })}
                </label>
              ))}
          </details>
        </>
      )}
    </article>
  );
}
