/** Reads the engine's zod schemas to build forms: the fields of an object, each one's kind (text,
 *  both languages, whole number, number, choice, yes/no, list, nested object, one-of), its limits and
 *  whether it may be left out. Forms never list fields by hand, so a field added to the format shows
 *  up in the studio by itself. */
import type { z } from 'zod';
import { Scenario } from '../../../engine/index';

type Any = z.ZodType;
interface Def {
  type: string;
  innerType?: Any;
  element?: Any;
  shape?: Record<string, Any>;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: Any[];
  discriminator?: string;
  defaultValue?: unknown;
  items?: Any[];
}
const def = (s: Any): Def => (s as unknown as { def: Def }).def;

export type FieldKind = 'text' | 'localized' | 'int' | 'number' | 'enum' | 'bool' | 'object' | 'list' | 'union' | 'literal' | 'other';

export interface Field {
  key: string;
  kind: FieldKind;
  schema: Any;
  optional: boolean;
  defaultValue?: unknown;
  min?: number;
  max?: number;
  options?: string[];
  /** For lists: the entry's field. For objects: their fields. For unions: the variants by discriminator. */
  element?: Field;
  fields?: Field[];
  variants?: { key: string; value: string; fields: Field[] }[];
}

/** Unwraps optional and default layers. */
function core(schema: Any): { schema: Any; optional: boolean; defaultValue?: unknown } {
  let s = schema;
  let optional = false;
  let dv: unknown;
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' && d.innerType) {
      optional = true;
      s = d.innerType;
    } else if (d.type === 'default' && d.innerType) {
      dv = d.defaultValue;
      optional = true;
      s = d.innerType;
    } else return { schema: s, optional, ...(dv !== undefined ? { defaultValue: dv } : {}) };
  }
}

function isLocalized(d: Def): boolean {
  const keys = Object.keys(d.shape ?? {});
  return d.type === 'object' && keys.length === 2 && keys.includes('vi') && keys.includes('en');
}

export function describe(key: string, schema: Any): Field {
  const { schema: s, optional, defaultValue } = core(schema);
  const d = def(s);
  const base = { key, schema: s, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
  switch (d.type) {
    case 'string':
      return { ...base, kind: 'text' };
    case 'number': {
      const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      return { ...base, kind: n.isInt ? 'int' : 'number', ...(n.minValue !== null && Number.isFinite(n.minValue) && n.minValue > -1e15 ? { min: n.minValue } : {}), ...(n.maxValue !== null && Number.isFinite(n.maxValue) && n.maxValue < 1e15 ? { max: n.maxValue } : {}) };
    }
    case 'boolean':
      return { ...base, kind: 'bool' };
    case 'enum':
      return { ...base, kind: 'enum', options: Object.values(d.entries ?? {}) };
    case 'literal':
      return { ...base, kind: 'literal', options: (d.values ?? []).map(String) };
    case 'object':
      if (isLocalized(d)) return { ...base, kind: 'localized' };
      return { ...base, kind: 'object', fields: Object.entries(d.shape ?? {}).map(([k, v]) => describe(k, v)) };
    case 'array':
      return { ...base, kind: 'list', element: describe(key, d.element as Any) };
    case 'union': {
      if (d.discriminator) {
        const variants = (d.options ?? []).map((o) => {
          const fields = Object.entries(def(o).shape ?? {}).map(([k, v]) => describe(k, v));
          const tag = fields.find((f) => f.key === d.discriminator);
          return { key: d.discriminator ?? '', value: tag?.options?.[0] ?? '', fields };
        });
        return { ...base, kind: 'union', variants };
      }
      return { ...base, kind: 'other' };
    }
    default:
      return { ...base, kind: 'other' };
  }
}

/** The schema at a path of the Scenario document (array indexes step into the entry's schema). */
export function schemaAt(path: readonly (string | number)[]): Any | null {
  let s: Any = Scenario;
  for (const seg of path) {
    const c = core(s).schema;
    const d = def(c);
    if (d.type === 'object' && typeof seg === 'string') {
      const next = d.shape?.[seg];
      if (!next) return null;
      s = next;
    } else if (d.type === 'array' && typeof seg === 'number' && d.element) s = d.element;
    else return null;
  }
  return s;
}

/** The fields of the object schema at `path` (a thing, a floor, a criterion). */
export function fieldsAt(path: readonly (string | number)[]): Field[] {
  const s = schemaAt(path);
  if (!s) return [];
  const f = describe(String(path[path.length - 1] ?? ''), s);
  return f.fields ?? f.variants?.flatMap((v) => v.fields) ?? [];
}

/** A value for a new entry of `field`: its default, or the least the schema accepts. */
export function initialValue(field: Field): unknown {
  if (field.defaultValue !== undefined) return structuredClone(field.defaultValue);
  switch (field.kind) {
    // Placeholders the schema accepts, for the author to replace: a new entry is never invalid by itself.
    case 'text':
      return field.key === 'id' ? 'moi' : '…';
    case 'localized':
      return { vi: '…', en: '…' };
    case 'int':
    case 'number':
      return field.min !== undefined ? (field.kind === 'int' ? Math.ceil(field.min) || 1 : field.min || 1) : 0;
    case 'bool':
      return false;
    case 'enum':
    case 'literal':
      return field.options?.[0] ?? '';
    case 'list':
      return [];
    case 'object':
      return Object.fromEntries((field.fields ?? []).filter((f) => !f.optional).map((f) => [f.key, initialValue(f)]));
    case 'union': {
      const v = field.variants?.[0];
      return v ? Object.fromEntries(v.fields.filter((f) => !f.optional).map((f) => [f.key, initialValue(f)])) : {};
    }
    default:
      return null;
  }
}
