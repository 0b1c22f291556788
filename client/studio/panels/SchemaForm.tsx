/** A form for any object of the draft, built from the engine's schema at its path: leaf fields, nested
 *  objects (optional ones can be added and removed), lists (choices as check boxes, others as entries
 *  with add and remove), and one-of objects (choose the kind, then its fields). Writes each change to
 *  the draft as one undo step. */
import { useTranslation } from 'react-i18next';
import { jsonPath } from '../../../engine/index';
import { rulesAt } from '../check/issueStore';
import { useIssues } from '../check/issueStore';
import { getIn, setIn, type Path } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { FieldInput, fieldLabel, valueLabel } from './FieldInput';
import { referenceOptions } from './references';
import { initialValue, type Field } from './schemaFields';

export interface SchemaFormProps {
  path: Path;
  fields: Field[];
  /** Keys shown elsewhere (an id in a heading, a position set by dragging...). */
  exclude?: readonly string[];
  /** Suggested values when an optional object is added (a standard breathing set). */
  suggest?: Record<string, unknown>;
}

export function SchemaForm({ path, fields, exclude = [], suggest = {} }: SchemaFormProps) {
  return (
    <div className="schema-form">
      {fields
        .filter((f) => !exclude.includes(f.key))
        .map((f) => (
          <FieldView key={f.key} field={f} path={[...path, f.key]} suggest={suggest} />
        ))}
    </div>
  );
}

export function FieldView({ field, path, suggest }: { field: Field; path: Path; suggest: Record<string, unknown> }) {
  const { t } = useTranslation();
  const value = useStudio((s) => getIn(s.draft, path));
  const draft = useStudio((s) => s.draft);
  const change = useStudio((s) => s.change);
  const byPath = useIssues((s) => s.byPath);
  const p = jsonPath(path);
  const rules = rulesAt(byPath, p);
  const commit = (v: unknown): void => change((s) => setIn(s, path, v));
  const label = fieldLabel(t, field.key);

  if (field.kind === 'object' || field.kind === 'union') {
    if (value === undefined) {
      if (!field.optional) return null;
      return (
        <div className="field optional-object" data-path={p}>
          <button type="button" className="button small" onClick={() => commit(structuredClone(suggest[field.key]) ?? initialValue(field))}>
            {t('studio.form.add', { what: label })}
          </button>
          {rules.length > 0 && <span className="field-error">{rules.join(' · ')}</span>}
        </div>
      );
    }
    const variant = field.kind === 'union' ? field.variants?.find((v) => (value as Record<string, unknown>)[v.key] === v.value) ?? field.variants?.[0] : null;
    const inner = variant ? variant.fields : (field.fields ?? []);
    return (
      <fieldset className={`field nested${rules.length > 0 ? ' bad' : ''}`} data-path={p}>
        <legend>{label}</legend>
        {field.variants && variant && (
          <label className="field">
            <span>{fieldLabel(t, variant.key)}</span>
            <select value={variant.value} onChange={(e) => {
              const next = field.variants?.find((v) => v.value === e.target.value);
              // Fields both kinds share (a criterion's title, weight, feedback) keep what the author wrote.
              const cur = value as Record<string, unknown>;
              if (next) commit(Object.fromEntries(next.fields.filter((f) => !f.optional || cur[f.key] !== undefined).map((f) => [f.key, f.key === next.key ? next.value : (cur[f.key] ?? initialValue(f))])));
            }}>
              {field.variants.map((v) => (
                <option key={v.value} value={v.value}>
                  {valueLabel(t, v.value)}
                </option>
              ))}
            </select>
          </label>
        )}
        <SchemaForm path={path} fields={inner} exclude={variant ? [variant.key] : []} suggest={suggest} />
        {field.optional && (
          <button type="button" className="button small" onClick={() => commit(undefined)}>
            {t('studio.form.remove', { what: label })}
          </button>
        )}
        {rules.length > 0 && <span className="field-error">{rules.join(' · ')}</span>}
      </fieldset>
    );
  }

  if (field.kind === 'list') {
    const list = Array.isArray(value) ? (value as unknown[]) : [];
    const el = field.element;
    if (!el) return null;
    if (el.kind === 'enum') {
      return (
        <fieldset className={`field choices${rules.length > 0 ? ' bad' : ''}`} data-path={p}>
          <legend>{label}</legend>
          {(el.options ?? []).map((o) => (
            <label key={o} className="check">
              <input type="checkbox" checked={list.includes(o)} onChange={(e) => commit(e.target.checked ? [...list, o] : list.filter((x) => x !== o))} />
              {valueLabel(t, o)}
            </label>
          ))}
          {rules.length > 0 && <span className="field-error">{rules.join(' · ')}</span>}
        </fieldset>
      );
    }
    return (
      <fieldset className={`field list${rules.length > 0 ? ' bad' : ''}`} data-path={p}>
        <legend>{label}</legend>
        <ol>
          {list.map((_, i) => (
            <li key={i}>
              {el.kind === 'object' || el.kind === 'union' ? (
                <FieldView field={{ ...el, optional: false }} path={[...path, i]} suggest={suggest} />
              ) : (
                <FieldInput field={el} value={list[i]} path={jsonPath([...path, i])} rules={rulesAt(byPath, jsonPath([...path, i]))} options={referenceOptions(draft, el.key)} commit={(v) => change((s) => setIn(s, [...path, i], v))} />
              )}
              <button type="button" className="button small" aria-label={t('studio.form.removeEntry', { what: label, n: i + 1 })} onClick={() => commit(list.filter((__, j) => j !== i))}>
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button small" onClick={() => commit([...list, structuredClone(suggest[`${field.key}[]`]) ?? initialValue(el)])}>
          {t('studio.form.add', { what: label })}
        </button>
        {rules.length > 0 && <span className="field-error">{rules.join(' · ')}</span>}
      </fieldset>
    );
  }

  return <FieldInput field={field} value={value} path={p} rules={rules} options={referenceOptions(draft, field.key)} commit={commit} />;
}
