/** The studio's forms come from the engine's schema: the fields of each thing are the schema's own
 *  (a field added to the format shows up by itself), each has a label in Vietnamese and English, and
 *  every choice the schema offers has a name in both. Typed values are checked by the field's schema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe as group, expect, it } from 'vitest';
import { ACTION_PARAMS, GUARD_PARAMS, INTENT_TYPES, Scenario } from '../../../engine/index';
import { fieldMessage } from '../../../client/studio/panels/fieldMessage';
import { describe, fieldsAt, initialValue, type Field } from '../../../client/studio/panels/schemaFields';

const dir = join(import.meta.dirname, '../../../client/store/i18n');
const studio = (lang: string): Record<string, Record<string, string>> => (JSON.parse(readFileSync(join(dir, `studio.${lang}.json`), 'utf8')) as { studio: Record<string, Record<string, string>> }).studio;

function walk(f: Field, keys: Set<string>, values: Set<string>): void {
  keys.add(f.key);
  for (const o of f.options ?? []) if (!/^[\d.]+$/.test(o) && !o.includes('-')) values.add(o);
  f.fields?.forEach((x) => walk(x, keys, values));
  f.variants?.forEach((v) => v.fields.forEach((x) => walk(x, keys, values)));
  if (f.element) walk(f.element, keys, values);
}

group('schema-driven forms', () => {
  it('a thing’s form has exactly the fields its schema has', () => {
    const item = (Scenario.shape.world.shape.items.element as unknown as { shape: Record<string, unknown> }).shape;
    expect(fieldsAt(['world', 'items', 0]).map((f) => f.key).sort()).toEqual(Object.keys(item).sort());
  });

  it('reads kinds, limits and optional fields from the schema', () => {
    const byKey = Object.fromEntries(fieldsAt(['world', 'items', 0]).map((f) => [f.key, f]));
    expect(byKey.name?.kind).toBe('localized');
    expect(byKey.x).toMatchObject({ kind: 'int', min: 0, optional: false });
    expect(byKey.failureS).toMatchObject({ kind: 'int', min: 5, optional: true });
    expect(byKey.growth?.options).toEqual(['slow', 'medium', 'fast', 'ultraFast']);
    const crew = Object.fromEntries(fieldsAt(['crew', 0]).map((f) => [f.key, f]));
    expect(crew.breathingSet?.kind).toBe('object');
    expect(crew.tools).toMatchObject({ kind: 'list', optional: true });
    const alarm = crew.breathingSet?.fields?.find((f) => f.key === 'alarm');
    expect(alarm?.variants?.map((v) => v.value)).toEqual(['pressure', 'fraction']);
  });

  it('a new entry starts from values the schema accepts', () => {
    const equipment = fieldsAt(['crew', 0]).find((f) => f.key === 'equipment')?.element;
    expect(equipment && equipment.schema.safeParse(initialValue(equipment)).success).toBe(true);
    const criterion = describe('criterion', Scenario.shape.rubric.shape.criteria.element);
    expect(initialValue(criterion)).toMatchObject({ kind: 'time' });
  });

  it('every field and every choice has a name in Vietnamese and English', () => {
    const keys = new Set<string>();
    const values = new Set<string>();
    walk(describe('scenario', Scenario), keys, values);
    for (const s of [...Object.values(GUARD_PARAMS), ...Object.values(ACTION_PARAMS)]) walk(describe('params', s), keys, values);
    for (const lang of ['vi', 'en']) {
      const t = studio(lang);
      expect([...keys].filter((k) => typeof t.field?.[k] !== 'string'), `${lang} field labels`).toEqual([]);
      expect([...values].filter((v) => typeof t.value?.[v] !== 'string'), `${lang} value names`).toEqual([]);
      expect([...Object.keys(GUARD_PARAMS), ...Object.keys(ACTION_PARAMS)].filter((n) => typeof t.catalogue?.[n] !== 'string')).toEqual([]);
      expect(INTENT_TYPES.filter((n) => typeof t.intent?.[n] !== 'string')).toEqual([]);
    }
  });

  it('a typed value is checked against its field as the author types', async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: { studio: studio('en') } } } });
    const t = i18next.t.bind(i18next);
    const byKey = Object.fromEntries(fieldsAt(['world', 'items', 0]).map((f) => [f.key, f]));
    const x = byKey.x;
    const peak = byKey.peakKW;
    const id = byKey.id;
    if (!x || !peak || !id) throw new Error('fields missing');
    expect(fieldMessage(x.schema, 1.5, t)).toBe('Must be a number.');
    expect(fieldMessage(x.schema, -1, t)).toBe('Must be at least 0.');
    expect(fieldMessage(peak.schema, 0, t)).toBe('Must be at least 0.');
    expect(fieldMessage(id.schema, 'Bếp 1', t)).toMatch(/lower-case/);
    expect(fieldMessage(id.schema, 'bep-1', t)).toBeNull();
  });
});
