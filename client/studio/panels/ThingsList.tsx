/** Everything placed in the draft, by kind, on every floor: choosing one shows its floor and selects
 *  it. Kinds with issues (a missing crew, say) are marked, so list-level issues have a place too. */
import { useTranslation } from 'react-i18next';
import { jsonPath } from '../../../engine/index';
import { rulesAt, rulesUnder, useIssues } from '../check/issueStore';
import { getIn } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { THING_KINDS, THING_PATH } from '../model/things';

export function ThingsList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const draft = useStudio((s) => s.draft);
  const selection = useStudio((s) => s.selection);
  const byPath = useIssues((s) => s.byPath);
  const pickThing = (kind: (typeof THING_KINDS)[number], index: number, floor: unknown): void => {
    const st = useStudio.getState();
    const f = st.draft.world.floors.findIndex((x) => x.id === floor);
    if (f >= 0 && f !== st.floor) st.setFloor(f);
    st.select({ path: THING_PATH[kind], index });
  };
  return (
    <nav className="things-list" aria-label={t('studio.things.title')}>
      {THING_KINDS.map((kind) => {
        const path = THING_PATH[kind];
        const list = (getIn(draft, path) as { id?: string; name?: { vi?: string; en?: string }; floor?: string }[] | undefined) ?? [];
        const p = jsonPath(path);
        const listRules = rulesAt(byPath, p);
        return (
          <details key={kind} data-path={p} open={listRules.length > 0 || list.length > 0}>
            <summary className={listRules.length > 0 ? 'bad' : ''}>
              {t(`studio.thing.${kind}`)} ({list.length})
            </summary>
            {listRules.length > 0 && <p className="field-error">{listRules.join(' · ')}</p>}
            <ul>
              {list.map((x, i) => {
                const bad = rulesUnder(byPath, jsonPath([...path, i])).length > 0;
                const active = selection?.path === path && selection.index === i;
                return (
                  <li key={`${x.id}-${i}`}>
                    <button type="button" className={`${bad ? 'bad' : ''}${active ? ' active' : ''}`} aria-current={active} onClick={() => pickThing(kind, i, x.floor)}>
                      {x.name?.[lang] || x.id} <small>{x.floor}</small>
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}
