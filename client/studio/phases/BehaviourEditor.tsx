/** One guard or action of the statechart: its name from the engine's catalogue and a form for its
 *  params, built from the catalogue's own zod schema. A name without params is stored as plain text,
 *  as XState writes it. */
import { useTranslation } from 'react-i18next';
import { ACTION_PARAMS, GUARD_PARAMS, jsonPath } from '../../../engine/index';
import { rulesAt, useIssues } from '../check/issueStore';
import { getIn, setIn, type Path } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { describe, initialValue } from '../panels/schemaFields';
import { SchemaForm } from '../panels/SchemaForm';

const CATALOGUE = { guard: GUARD_PARAMS, action: ACTION_PARAMS } as const;

export function BehaviourEditor({ path, kind, optional, onRemove }: { path: Path; kind: 'guard' | 'action'; optional?: boolean; onRemove?: () => void }) {
  const { t } = useTranslation();
  const ref = useStudio((s) => getIn(s.draft, path)) as string | { type: string; params?: Record<string, unknown> } | undefined;
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  const catalogue = CATALOGUE[kind] as Record<string, Parameters<typeof describe>[1]>;
  const name = ref === undefined ? '' : typeof ref === 'string' ? ref : ref.type;
  const schema = catalogue[name];
  const fields = schema ? (describe('params', schema).fields ?? []) : [];
  const p = jsonPath(path);
  const rules = [...rulesAt(byPath, p), ...rulesAt(byPath, `${p}.type`)];
  const choose = (next: string): void => {
    if (!next) return change((s) => setIn(s, path, undefined));
    const sch = catalogue[next];
    const f = sch ? describe('params', sch) : null;
    const needs = (f?.fields ?? []).length > 0;
    change((s) => setIn(s, path, needs && f ? { type: next, params: initialValue(f) } : next));
  };
  // Params live under .params once the reference is an object.
  const paramsPath = [...path, 'params'];
  const objectForm = typeof ref === 'object' && fields.length > 0;
  return (
    <div className={`behaviour ${kind}${rules.length > 0 ? ' bad' : ''}`} data-path={p}>
      <label className="field">
        <span>{t(`studio.phases.${kind}`)}</span>
        <select value={name} aria-invalid={rules.length > 0} onChange={(e) => choose(e.target.value)}>
          {(optional || !schema) && <option value="">{name && !schema ? name : t('studio.phases.none')}</option>}
          {Object.keys(catalogue).map((n) => (
            <option key={n} value={n}>
              {t(`studio.catalogue.${n}`, { defaultValue: n })}
            </option>
          ))}
        </select>
      </label>
      {objectForm && <SchemaForm path={paramsPath} fields={fields} />}
      {typeof ref === 'string' && fields.length > 0 && (
        <button type="button" className="button small" onClick={() => choose(name)}>
          {t('studio.phases.setParams')}
        </button>
      )}
      {onRemove && (
        <button type="button" className="button small" aria-label={t('studio.phases.removeAction')} onClick={onRemove}>
          ✕
        </button>
      )}
      {rules.length > 0 && <span className="field-error">{rules.join(' · ')}</span>}
    </div>
  );
}
