/** The rubric: pass mark and star thresholds, each criterion edited through the engine's schema (its
 *  kind, events, competency, doctrine, feedback in both languages), and "draft the rubric", which
 *  proposes criteria from the draft for the author to accept, edit or drop. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonPath, type Criterion } from '../../../engine/index';
import { rulesAt, useIssues } from '../check/issueStore';
import { draftRubric } from '../model/draftRubric';
import { removeAt, uniqueId } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { DoctrineList } from '../panels/FieldInput';
import { describe, fieldsAt, initialValue, schemaAt } from '../panels/schemaFields';
import { FieldView, SchemaForm } from '../panels/SchemaForm';

export function RubricPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const criteria = useStudio((s) => s.draft.rubric.criteria);
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  const [proposals, setProposals] = useState<Criterion[] | null>(null);
  const accept = (list: Criterion[]): void => {
    change((s) => {
      const taken = s.rubric.criteria.map((c) => c.id);
      const added = list.map((c) => (taken.includes(c.id) ? { ...c, id: uniqueId(c.id, taken) } : c));
      return { ...s, rubric: { ...s.rubric, criteria: [...s.rubric.criteria, ...added] } };
    });
    setProposals((p) => (p ? p.filter((x) => !list.includes(x)) : p));
  };
  const listRules = rulesAt(byPath, '$.rubric.criteria');
  const criterionSchema = schemaAt(['rubric', 'criteria', 0]);
  return (
    <div className="rubric-view" data-path="$.rubric">
      <DoctrineList />
      <section aria-labelledby="rubric-title">
        <h2 id="rubric-title">{t('studio.rubric.title')}</h2>
        <SchemaForm path={['rubric']} fields={fieldsAt(['rubric'])} exclude={['criteria']} />
      </section>
      <section aria-labelledby="draft-title" className="draft-rubric">
        <h2 id="draft-title">{t('studio.rubric.draftTitle')}</h2>
        <p className="hint">{t('studio.rubric.draftHint')}</p>
        <button type="button" className="button primary" onClick={() => setProposals(draftRubric(useStudio.getState().draft))}>
          {t('studio.rubric.draft')}
        </button>
        {proposals && (
          <>
            {proposals.length > 0 ? (
              <button type="button" className="button" onClick={() => accept(proposals)}>
                {t('studio.rubric.acceptAll', { count: proposals.length })}
              </button>
            ) : (
              <p className="hint">{t('studio.rubric.noMore')}</p>
            )}
            <ul className="proposals">
              {proposals.map((c) => (
                <li key={c.id}>
                  <strong>{c.title[lang]}</strong> <small>({t(`studio.value.${c.kind}`)}, {t(`studio.value.${c.competency}`)})</small>
                  <button type="button" className="button small" onClick={() => accept([c])}>
                    {t('studio.rubric.accept')}
                  </button>
                  <button type="button" className="button small" onClick={() => setProposals(proposals.filter((x) => x !== c))}>
                    {t('studio.rubric.drop')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="criteria-title" data-path="$.rubric.criteria">
        <h2 id="criteria-title">
          {t('studio.rubric.criteria')} ({criteria.length})
        </h2>
        {listRules.length > 0 && <p className="field-error">{listRules.join(' · ')}</p>}
        {criteria.map((c, i) => (
          <article key={`${c.id}-${i}`} className="criterion" data-path={jsonPath(['rubric', 'criteria', i])} aria-label={c.title?.[lang] || c.id}>
            {criterionSchema && <FieldView field={{ ...describe('criterion', criterionSchema), optional: false }} path={['rubric', 'criteria', i]} suggest={{}} />}
            <button type="button" className="button small danger" onClick={() => change((s) => removeAt(s, ['rubric', 'criteria'], i))}>
              {t('studio.rubric.remove')}
            </button>
          </article>
        ))}
        <button type="button" className="button" onClick={() => criterionSchema && change((s) => ({ ...s, rubric: { ...s.rubric, criteria: [...s.rubric.criteria, { ...(initialValue(describe('criterion', criterionSchema)) as Criterion), id: uniqueId('criterion', s.rubric.criteria.map((x) => x.id)) }] } }))}>
          {t('studio.rubric.add')}
        </button>
      </section>
    </div>
  );
}
