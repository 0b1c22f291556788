/** The catalogue the server starts with: every shipped scenario loads, and a broken file stops the
 *  start with its name, the JSON path and the rule it breaks. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError, loadScenarioCatalogue, SCENARIOS_DIR } from '../../server/scenarioCatalogue';
import { KITCHEN } from './fixtures';

const kitchenText = (): string => readFileSync(join(SCENARIOS_DIR, `${KITCHEN}.scenario.json`), 'utf8');

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function dirWith(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'fireground-scenarios-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadScenarioCatalogue', () => {
  it('loads every shipped scenario', () => {
    const catalogue = loadScenarioCatalogue();
    expect(catalogue.get(KITCHEN)?.id).toBe(KITCHEN);
    expect(catalogue.list().map((s) => s.id)).toContain(KITCHEN);
  });

  it('refuses a broken scenario naming the file, the JSON path and the rule', () => {
    const broken = JSON.parse(kitchenText()) as { world: { items: { growth: string }[] } };
    const first = broken.world.items[0];
    if (first) first.growth = 'explosive';
    const at = dirWith({ [`${KITCHEN}.scenario.json`]: JSON.stringify(broken) });
    expect(() => loadScenarioCatalogue(at)).toThrow(CatalogueError);
    expect(() => loadScenarioCatalogue(at)).toThrow(/scenarios\/apartment-kitchen-oil\.scenario\.json: \$\.world\.items\[0\]\.growth: /);
  });

  it('refuses a file whose id is not its name', () => {
    const at = dirWith({ 'other-name.scenario.json': kitchenText() });
    expect(() => loadScenarioCatalogue(at)).toThrow(/other-name\.scenario\.json: \$\.id: .*must equal the file name/);
  });

  it('refuses a file that is not JSON', () => {
    const at = dirWith({ 'bad.scenario.json': '{ "format": ' });
    expect(() => loadScenarioCatalogue(at)).toThrow(/bad\.scenario\.json: \$/);
  });
});
