/** The scenario's own settings, from the schema: id, titles and summary in both languages, category,
 *  difficulty, time limit, competencies, doctrine, roles and the debrief. It is also where issues about
 *  the envelope or anything without a place of its own are shown. */
import { useTranslation } from 'react-i18next';
import { useIssues } from '../check/issueStore';
import { locateIssue } from '../check/locateIssue';
import { DoctrineList } from './FieldInput';
import { fieldsAt } from './schemaFields';
import { SchemaForm } from './SchemaForm';

const ELSEWHERE = ['$schema', 'format', 'version', 'world', 'crew', 'statechart', 'rubric'];

export function ScenarioPanel() {
  const { t } = useTranslation();
  const issues = useIssues((s) => s.issues);
  const here = issues.filter((i) => locateIssue(i.path).view === 'scenario');
  return (
    <div className="scenario-view" data-path="$">
      <DoctrineList />
      <h2>{t('studio.view.scenario')}</h2>
      {here.length > 0 && (
        <ul className="envelope-issues" data-path="$.world">
          {here.map((i, n) => (
            <li key={n} className="field-error">
              <code>{i.path}</code> {i.rule}
            </li>
          ))}
        </ul>
      )}
      <SchemaForm path={[]} fields={fieldsAt([])} exclude={ELSEWHERE} />
    </div>
  );
}
