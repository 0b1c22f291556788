/** The timeline of the incident: timed injects on a bar from 0 to the time limit (those timed from a
 *  phase's start listed with their phase), each phase's opening radio lines, and a form to add an
 *  inject. Each inject is edited in place with the same guard and action forms as any transition. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mmss } from '../../ui/text';
import { addInject, timedInjects } from '../model/statechartEdit';
import { getIn, removeAt, setIn } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { BehaviourEditor } from './BehaviourEditor';

export function InjectTimeline({ phases }: { phases: string[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const chart = useStudio((s) => s.draft.statechart);
  const limit = useStudio((s) => s.draft.timeLimitS) || 600;
  const change = useStudio((s) => s.change);
  const injects = timedInjects(chart);
  const [phase, setPhase] = useState(phases.find((p) => chart.states[p]?.type !== 'final') ?? phases[0] ?? '');
  const [from, setFrom] = useState<'incident' | 'phase'>('incident');
  const [seconds, setSeconds] = useState('60');
  const radios = phases.flatMap((p) => (chart.states[p]?.entry ?? []).flatMap((a) => (typeof a === 'object' && a.type === 'radio' ? [{ phase: p, text: (a.params?.text as { vi?: string; en?: string } | undefined)?.[lang] ?? '' }] : [])));
  const s = Number(seconds);
  const valid = Number.isInteger(s) && s >= 1 && s <= limit;
  return (
    <div className="timeline">
      <div className="timeline-bar" role="img" aria-label={t('studio.timeline.bar', { count: injects.filter((x) => x.from === 'incident').length, limit: mmss(limit) })}>
        {injects
          .filter((x) => x.from === 'incident')
          .map((x, i) => (
            <span key={i} className="mark" style={{ left: `${Math.min(100, (x.seconds / limit) * 100)}%` }} title={`${mmss(x.seconds)} ${x.phase}`} />
          ))}
        <span className="end">{mmss(limit)}</span>
      </div>
      <ol className="inject-list">
        {injects.map((x) => {
          const path = ['statechart', 'states', x.phase, ...x.at];
          return (
            <li key={path.join('.')}>
              <p>
                <strong>{x.from === 'incident' ? mmss(x.seconds) : t('studio.timeline.afterPhase', { s: x.seconds, phase: x.phase })}</strong> {t('studio.timeline.inPhase', { phase: x.phase })}
              </p>
              <label className="field">
                <span>{t('studio.timeline.seconds')}</span>
                <input type="number" min={1} max={limit} defaultValue={x.seconds} key={x.seconds} onBlur={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isInteger(v) && v >= 1) change((d) => setIn(d, [...path, 'guard', 'params', 'seconds'], v));
                }} />
              </label>
              {x.actions.map((_, i) => (
                <BehaviourEditor key={i} path={[...path, 'actions', i]} kind="action" />
              ))}
              <button type="button" className="button small danger" onClick={() => change((d) => {
                const on = getIn(d, ['statechart', 'states', x.phase, 'on', 'TICK']);
                return Array.isArray(on) ? removeAt(d, ['statechart', 'states', x.phase, 'on', 'TICK'], Number(x.at[2])) : setIn(d, ['statechart', 'states', x.phase, 'on', 'TICK'], undefined);
              })}>
                {t('studio.timeline.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <form className="add-inject" onSubmit={(e) => {
        e.preventDefault();
        if (valid && chart.states[phase]) change((d) => ({ ...d, statechart: addInject(d.statechart, phase, from, s) }));
      }}>
        <label className="field">
          <span>{t('studio.timeline.phase')}</span>
          <select value={phase} onChange={(e) => setPhase(e.target.value)}>
            {phases.filter((p) => chart.states[p]?.type !== 'final').map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('studio.timeline.from')}</span>
          <select value={from} onChange={(e) => setFrom(e.target.value === 'phase' ? 'phase' : 'incident')}>
            <option value="incident">{t('studio.timeline.fromIncident')}</option>
            <option value="phase">{t('studio.timeline.fromPhase')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('studio.timeline.seconds')}</span>
          <input inputMode="numeric" value={seconds} aria-invalid={!valid} onChange={(e) => setSeconds(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={!valid}>
          {t('studio.timeline.add')}
        </button>
      </form>
      <h3>{t('studio.timeline.radio')}</h3>
      <ul className="radio-lines">
        {radios.map((r, i) => (
          <li key={i}>
            <strong>{r.phase}</strong>: {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
