/** Every string exists in Vietnamese and English: the two resource trees have the same keys, and every
 *  reason the engine can give for refusing an intent has a translation in both. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, ORDER_KINDS } from '../../engine/index';
import { QUIET_EVENTS } from '../../client/session/eventFeed';

const dir = join(import.meta.dirname, '..', '..', 'client', 'store', 'i18n');
type Tree = Record<string, unknown>;
const read = (f: string): Tree => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree;

/** The same deep merge the client applies to its base and game resource files. */
function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    out[k] = old && typeof old === 'object' && v && typeof v === 'object' ? merge(old as Tree, v as Tree) : v;
  }
  return out;
}

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

// The base file, then every part file (game.vi.json, studio.vi.json...), merged as the client merges them.
const parts = (lang: string): Tree => readdirSync(dir).filter((f) => f.endsWith(`.${lang}.json`)).sort().reduce((t, f) => merge(t, read(f)), read(`${lang}.json`));
const vi = parts('vi');
const en = parts('en');

describe('translations', () => {
  it('Vietnamese and English have exactly the same keys', () => {
    expect(keys(vi).sort()).toEqual(keys(en).sort());
  });

  it('every refusal reason of the engine is translated', () => {
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'engine', 'intents', 'Intent.ts'), 'utf8');
    const union = source.slice(source.indexOf('export type RefusalReason'));
    const reasons = [...union.slice(0, union.indexOf(';')).matchAll(/'(\w+)'/g)].map((m) => m[1] ?? '');
    expect(reasons.length).toBeGreaterThan(30);
    for (const lang of [vi, en]) {
      const refusal = (lang.refusal ?? {}) as Tree;
      expect(reasons.filter((r) => typeof refusal[r] !== 'string')).toEqual([]);
    }
  });

  it('every event the engine can write is named, and every one the play surface announces has its words', () => {
    for (const lang of [vi, en]) {
      const event = (lang.event ?? {}) as Tree;
      const toast = (lang.toast ?? {}) as Tree;
      expect(EVENT_TYPES.filter((e) => typeof event[e] !== 'string')).toEqual([]);
      // An event added to the engine shows as a toast at once: this fails until it has words in both languages.
      expect(EVENT_TYPES.filter((e) => !QUIET_EVENTS.has(e) && typeof toast[e] !== 'string')).toEqual([]);
    }
  });

  it('every crew order has its button and its name', () => {
    for (const lang of [vi, en]) {
      const orders = (lang.orders ?? {}) as Tree;
      const kinds = (orders.kind ?? {}) as Tree;
      expect(ORDER_KINDS.filter((k) => typeof orders[k] !== 'string' || typeof kinds[k] !== 'string')).toEqual([]);
    }
  });

  it('Vietnamese text keeps its diacritics', () => {
    expect(keys(vi).map((k) => k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], vi)).join(' ')).toMatch(/[ấặễộữự]/);
  });
});
