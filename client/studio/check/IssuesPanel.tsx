/** The checker's answer for the draft: a count, how long the check took, and a list of issues, each a
 *  button that jumps to the element it concerns. */
import { useTranslation } from 'react-i18next';
import { useStudio } from '../model/studioStore';
import { useIssues } from './issueStore';
import { jumpTo } from './jumpTo';
import { locateIssue } from './locateIssue';

export function IssuesPanel() {
  const { t } = useTranslation();
  const issues = useIssues((s) => s.issues);
  const checked = useIssues((s) => s.revision);
  const ms = useIssues((s) => s.ms);
  const revision = useStudio((s) => s.revision);
  const pending = checked !== revision;
  return (
    <section className="issues" aria-labelledby="issues-title">
      <h2 id="issues-title">
        {t('studio.issues.title')}{' '}
        <span className={`count ${issues.length === 0 ? 'ok' : 'bad'}`} data-testid="issue-count">
          {issues.length}
        </span>
      </h2>
      <p className="hint" aria-live="polite">
        {checked === 0 ? t('studio.issues.checking') : pending ? t('studio.issues.rechecking') : issues.length === 0 ? t('studio.issues.none', { ms: ms.toFixed(0) }) : t('studio.issues.some', { count: issues.length, ms: ms.toFixed(0) })}
      </p>
      <ul>
        {issues.map((i, n) => (
          <li key={`${i.path}-${n}`}>
            <button type="button" className="issue" onClick={() => jumpTo(i.path, i.rule)}>
              <span className="where">{t(`studio.view.${locateIssue(i.path, i.rule).view}`)}</span> <code>{i.path}</code>
              <span className="rule">{i.rule}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
