/** One leaf field of a form: text, a number, a choice, yes/no, or the same text in Vietnamese and
 *  English side by side. Validates against the field's schema as the author types, commits a valid value
 *  when the field is left (or at once for choices), and shows the checker's rules for its path in red. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCTRINE_REFERENCES } from '../model/doctrine';
import { asText } from '../model/paths';
import type { Field } from './schemaFields';
import { fieldMessage } from './fieldMessage';

export interface LeafProps {
  field: Field;
  value: unknown;
  path: string;
  rules: string[];
  options?: string[] | null;
  commit: (value: unknown) => void;
}

export function fieldLabel(t: (k: string, o?: Record<string, unknown>) => string, key: string): string {
  return t(`studio.field.${key}`, { defaultValue: key });
}

export function valueLabel(t: (k: string, o?: Record<string, unknown>) => string, v: string): string {
  // Numbers and the format's own name read the same in every language.
  if (/^[\d.]+$/.test(v) || v.includes('-')) return v;
  return t(`studio.value.${v}`, { defaultValue: v });
}

function Problems({ id, local, rules }: { id: string; local: string | null; rules: string[] }) {
  if (!local && rules.length === 0) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {[local, ...rules].filter(Boolean).join(' · ')}
    </span>
  );
}

function TextLike({ field, value, path, rules, commit, lang }: LeafProps & { lang?: 'vi' | 'en' }) {
  const { t } = useTranslation();
  const id = useId();
  const numeric = field.kind === 'int' || field.kind === 'number';
  const shown = asText(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const parse = (raw: string): unknown => {
    if (raw.trim() === '' && field.optional) return undefined;
    if (numeric) return raw.trim() === '' ? Number.NaN : Number(raw.replace(',', '.'));
    return raw;
  };
  const local = text === shown ? null : parse(text) === undefined ? null : fieldMessage(field.schema, parse(text), t);
  const done = (): void => {
    if (text === shown) return;
    const v = parse(text);
    if (v === undefined || !fieldMessage(field.schema, v, t)) commit(v);
  };
  const bad = local !== null || rules.length > 0;
  return (
    <>
      <input
        id={`${id}-input`}
        data-path={path}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        lang={lang}
        value={text}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-err` : undefined}
        aria-label={lang ? `${fieldLabel(t, field.key)} (${lang === 'vi' ? 'Tiếng Việt' : 'English'})` : undefined}
        list={field.key === 'doctrine' ? 'doctrine-references' : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={done}
        onKeyDown={(e) => {
          if (e.key === 'Enter') done();
          if (e.key === 'Escape') setText(shown);
        }}
      />
      <Problems id={`${id}-err`} local={local} rules={rules} />
    </>
  );
}

/** Suggestions for doctrine fields: typed freely, or picked from the references the studio knows. */
export function DoctrineList() {
  return (
    <datalist id="doctrine-references">
      {DOCTRINE_REFERENCES.map((d) => (
        <option key={d} value={d} />
      ))}
    </datalist>
  );
}

export function FieldInput(props: LeafProps) {
  const { t } = useTranslation();
  const { field, value, path, rules, commit, options } = props;
  const label = fieldLabel(t, field.key);
  const id = useId();
  const bad = rules.length > 0;
  if (field.kind === 'localized') {
    const v = (value ?? {}) as { vi?: string; en?: string };
    const sub = (lang: 'vi' | 'en') => ({ ...field, kind: 'text' as const, schema: (field.schema as unknown as { shape: Record<string, Field['schema']> }).shape[lang] ?? field.schema });
    return (
      <fieldset className={`field localized${bad ? ' bad' : ''}`} data-path={path}>
        <legend>{label}</legend>
        <div className="side-by-side">
          <label>
            <span className="lang-tag">VI</span>
            <TextLike {...props} field={sub('vi')} value={v.vi} path={`${path}.vi`} rules={[]} lang="vi" commit={(x) => commit({ ...v, vi: x })} />
          </label>
          <label>
            <span className="lang-tag">EN</span>
            <TextLike {...props} field={sub('en')} value={v.en} path={`${path}.en`} rules={[]} lang="en" commit={(x) => commit({ ...v, en: x })} />
          </label>
        </div>
        <Problems id={`${id}-err`} local={null} rules={rules} />
      </fieldset>
    );
  }
  if (field.kind === 'bool') {
    return (
      <label className={`field check${bad ? ' bad' : ''}`}>
        <input type="checkbox" data-path={path} checked={value === true} onChange={(e) => commit(e.target.checked)} aria-invalid={bad} />
        {label}
        <Problems id={`${id}-err`} local={null} rules={rules} />
      </label>
    );
  }
  const choices = options ?? (field.kind === 'enum' || field.kind === 'literal' ? field.options : null);
  if (choices) {
    const current = asText(value);
    return (
      <label className={`field${bad ? ' bad' : ''}`}>
        <span>{label}</span>
        <select data-path={path} value={current} aria-invalid={bad} aria-describedby={bad ? `${id}-err` : undefined} onChange={(e) => commit(e.target.value === '' ? undefined : e.target.value)}>
          {(field.optional || !choices.includes(current)) && <option value="">{current && !choices.includes(current) ? current : '—'}</option>}
          {choices.map((o) => (
            <option key={o} value={o}>
              {valueLabel(t, o)}
            </option>
          ))}
        </select>
        <Problems id={`${id}-err`} local={null} rules={rules} />
      </label>
    );
  }
  return (
    <label className={`field${bad ? ' bad' : ''}`}>
      <span>
        {label}
        {field.min !== undefined || field.max !== undefined ? <small className="limits"> {t('studio.limits', { min: field.min ?? '…', max: field.max ?? '…' })}</small> : null}
      </span>
      <TextLike {...props} />
    </label>
  );
}
