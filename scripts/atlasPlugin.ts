/** Vite plugin that builds the texture atlas from assets/ before anything imports it: client/generated/
 *  atlas.png and atlas.json (packAtlas.ts), rebuilt only when a source or the manifest changed, and again
 *  when one changes under the dev server. Build-time only; the app loads the files like any asset. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { packAtlas } from './atlas/packAtlas';

const ROOT = resolve(import.meta.dirname, '..');
export const ASSETS_DIR = join(ROOT, 'assets');
export const GENERATED_DIR = join(ROOT, 'client', 'generated');

/** A hash of every file under assets/ (and of the packer), so an unchanged set is never repacked. */
function sourcesHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else h.update(path.slice(ASSETS_DIR.length)).update(readFileSync(path));
    }
  };
  walk(ASSETS_DIR);
  h.update(readFileSync(join(ROOT, 'scripts', 'atlas', 'packAtlas.ts')));
  return h.digest('hex');
}

/** Writes the atlas unless the one on disk was built from the same sources. */
export function ensureAtlas(): void {
  const hash = sourcesHash();
  const stamp = join(GENERATED_DIR, 'atlas.hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(GENERATED_DIR, 'atlas.png'))) return;
  const atlas = packAtlas(ASSETS_DIR);
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, 'atlas.png'), atlas.png);
  writeFileSync(join(GENERATED_DIR, 'atlas.json'), JSON.stringify(atlas.json));
  writeFileSync(stamp, hash);
}

export function atlas(): Plugin {
  return {
    name: 'fireground-atlas',
    // Before resolving any import: the play scene imports the files by URL.
    config() {
      ensureAtlas();
    },
    configureServer(server) {
      server.watcher.add(ASSETS_DIR);
      server.watcher.on('change', (path) => {
        if (!path.startsWith(ASSETS_DIR)) return;
        ensureAtlas();
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
