/** assets/: every key in the manifest has its source file, every image key is packed into the atlas the
 *  build makes, every source file under assets/ belongs to a key, and the manifest holds exactly the keys
 *  the client can ask for: a missing key (the client draws something with no art) or an unused one (art
 *  nothing draws) fails. Runs the real packer (maxrects-packer, resvg) on the real sources. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packAtlas, readManifest, type AssetManifest, type PackedAtlas } from '../../../scripts/atlas/packAtlas';
import { usedImageKeys, usedSoundKeys } from '../../../client/game/art/assetKeys';
import { SoundRecipe } from '../../../client/audio/SoundRecipe';
import { readFileSync } from 'node:fs';

const ASSETS = join(import.meta.dirname, '..', '..', '..', 'assets');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(ASSETS, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name), `${prefix}${d.name}/`) : [`${dir}/${prefix}${d.name}`]));
}

describe('assets', () => {
  let manifest: AssetManifest;
  let atlas: PackedAtlas;
  beforeAll(() => {
    manifest = readManifest(ASSETS);
    atlas = packAtlas(ASSETS, manifest);
  }, 120_000);

  it('every key has its source file', () => {
    const all = { ...manifest.sprites, ...manifest.tiles, ...manifest.sounds };
    expect(Object.entries(all).filter(([, e]) => !existsSync(join(ASSETS, e.source))).map(([k]) => k)).toEqual([]);
  });

  it('every source file under assets/ belongs to a key', () => {
    const referenced = new Set(Object.values({ ...manifest.sprites, ...manifest.tiles, ...manifest.sounds }).map((e) => e.source));
    const sources = [...files('sprites'), ...files('tiles'), ...files('sounds')];
    expect(sources.filter((f) => !referenced.has(f))).toEqual([]);
  });

  it('every sprite and tile is packed into the atlas at its size', () => {
    for (const [key, e] of Object.entries({ ...manifest.sprites, ...manifest.tiles })) {
      const frame = atlas.json.frames[key];
      expect(frame, key).toBeDefined();
      expect(frame?.frame.w).toBe(e.width * Number(atlas.json.meta.scale));
      expect(frame?.frame.h).toBe(e.height * Number(atlas.json.meta.scale));
    }
    expect(Object.keys(atlas.json.frames).length).toBe(Object.keys(manifest.sprites).length + Object.keys(manifest.tiles).length);
    // A real PNG of the page's size.
    expect(atlas.png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(atlas.png.readUInt32BE(16)).toBe(atlas.json.meta.size.w);
  });

  it('holds exactly the image keys the client draws: none missing, none unused', () => {
    const inManifest = new Set([...Object.keys(manifest.sprites), ...Object.keys(manifest.tiles)]);
    const used = usedImageKeys();
    expect([...used].filter((k) => !inManifest.has(k)).sort(), 'drawn but missing from the manifest').toEqual([]);
    expect([...inManifest].filter((k) => !used.has(k)).sort(), 'in the manifest but drawn by nothing').toEqual([]);
  });

  it('holds exactly the sounds the client plays, each a valid recipe', () => {
    expect(Object.keys(manifest.sounds).sort()).toEqual([...usedSoundKeys()].sort());
    for (const [key, e] of Object.entries(manifest.sounds)) {
      const parsed = SoundRecipe.safeParse(JSON.parse(readFileSync(join(ASSETS, e.source), 'utf8')));
      expect(parsed.success, `${key}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });
});
