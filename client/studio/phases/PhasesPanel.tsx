/** The statechart as an editable list of phases, in the order a run meets them, with the initial
 *  phase chosen above and the timeline of timed injects and radio lines below. */
import { useTranslation } from 'react-i18next';
import { rulesAt, useIssues } from '../check/issueStore';
import { addPhase, phaseOrder } from '../model/statechartEdit';
import { useStudio } from '../model/studioStore';
import { InjectTimeline } from './InjectTimeline';
import { PhaseCard } from './PhaseCard';

export function PhasesPanel() {
  const { t } = useTranslation();
  const chart = useStudio((s) => s.draft.statechart);
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  const phases = phaseOrder(chart);
  const initialRules = rulesAt(byPath, '$.statechart.initial');
  const stateRules = rulesAt(byPath, '$.statechart.states');
  return (
    <div className="phases-view" data-path="$.statechart">
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('studio.timeline.title')}</h2>
        <InjectTimeline phases={phases} />
      </section>
      <section aria-labelledby="phases-title" data-path="$.statechart.states">
        <h2 id="phases-title">{t('studio.phases.title')}</h2>
        <label className={`field${initialRules.length > 0 ? ' bad' : ''}`}>
          <span>{t('studio.phases.initial')}</span>
          <select data-path="$.statechart.initial" value={chart.initial} onChange={(e) => change((s) => ({ ...s, statechart: { ...s.statechart, initial: e.target.value } }))}>
            {[...new Set([...phases, chart.initial])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {initialRules.length > 0 && <span className="field-error">{initialRules.join(' · ')}</span>}
        </label>
        {stateRules.length > 0 && <p className="field-error">{stateRules.join(' · ')}</p>}
        <div className="phase-list">
          {phases.map((p) => (
            <PhaseCard key={p} name={p} phases={phases} />
          ))}
        </div>
        <button type="button" className="button" onClick={() => change((s) => ({ ...s, statechart: addPhase(s.statechart).chart }))}>
          {t('studio.phases.add')}
        </button>
      </section>
    </div>
  );
}
