/** Packs the sprites and tiles of assets/manifest.json into one texture atlas for Phaser: each SVG source
 *  rendered at ATLAS_SCALE by resvg, placed by maxrects-packer, composed into a single SVG page and
 *  rendered once to PNG, with Phaser's JSON-hash frame list. Pure function of the sources; writes
 *  nothing itself (atlasPlugin.ts does). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
// The package's "main" is a UMD file under "type": "module", which Node cannot import by name; its ES build can.
import { MaxRectsPacker } from 'maxrects-packer/dist/maxrects-packer.mjs';
import { z } from 'zod';

/** Sources are rendered at twice their game size, so sprites stay sharp when the camera zooms in. */
export const ATLAS_SCALE = 2;
/** A texture every WebGL and Canvas device takes. */
const MAX_PAGE = 2048;
/** Transparent pixels between frames, so linear filtering never bleeds a neighbour in. */
const PADDING = 2;

const Entry = z.strictObject({ source: z.string().regex(/^(sprites|tiles)\/[a-z0-9-]+\.svg$/), width: z.int().min(1).max(512), height: z.int().min(1).max(512) });
const Sound = z.strictObject({ source: z.string().regex(/^sounds\/[a-z0-9-]+\.json$/) });
export const AssetManifest = z.strictObject({
  $comment: z.string(),
  sprites: z.record(z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/), Entry),
  tiles: z.record(z.string().regex(/^tile(-[a-z0-9]+)+$/), Entry),
  sounds: z.record(z.string().regex(/^sfx(-[a-z0-9]+)+$/), Sound),
});
export type AssetManifest = z.infer<typeof AssetManifest>;

export interface AtlasFrame {
  frame: { x: number; y: number; w: number; h: number };
  rotated: false;
  trimmed: false;
  spriteSourceSize: { x: 0; y: 0; w: number; h: number };
  sourceSize: { w: number; h: number };
}

export interface PackedAtlas {
  png: Buffer;
  json: { frames: Record<string, AtlasFrame>; meta: { app: string; image: string; size: { w: number; h: number }; scale: string } };
}

export function readManifest(assetsDir: string): AssetManifest {
  const parsed = AssetManifest.safeParse(JSON.parse(readFileSync(join(assetsDir, 'manifest.json'), 'utf8')));
  if (!parsed.success) throw new Error(`assets/manifest.json: ${parsed.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The SVG as an <image> of the page: its own document, so ids inside one source never clash with another's. */
function embed(svg: string, x: number, y: number, w: number, h: number): string {
  return `<image x="${x}" y="${y}" width="${w}" height="${h}" preserveAspectRatio="none" href="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"/>`;
}

export function packAtlas(assetsDir: string, manifest: AssetManifest = readManifest(assetsDir)): PackedAtlas {
  const entries = { ...manifest.sprites, ...manifest.tiles };
  const packer = new MaxRectsPacker<{ width: number; height: number; x: number; y: number; data: string }>(MAX_PAGE, MAX_PAGE, PADDING, { smart: true, pot: true, square: false, allowRotation: false });
  for (const [key, e] of Object.entries(entries)) packer.add(e.width * ATLAS_SCALE, e.height * ATLAS_SCALE, key);
  if (packer.bins.length !== 1) throw new Error(`assets: the sprites and tiles no longer fit one ${MAX_PAGE} px atlas page (${packer.bins.length} pages)`);
  const bin = packer.bins[0];
  if (!bin) throw new Error('assets: nothing to pack');
  const frames: Record<string, AtlasFrame> = {};
  const images: string[] = [];
  for (const r of bin.rects) {
    const key = r.data;
    const e = entries[key];
    if (!e) continue;
    const svg = readFileSync(join(assetsDir, e.source), 'utf8');
    images.push(embed(svg, r.x, r.y, r.width, r.height));
    frames[key] = { frame: { x: r.x, y: r.y, w: r.width, h: r.height }, rotated: false, trimmed: false, spriteSourceSize: { x: 0, y: 0, w: r.width, h: r.height }, sourceSize: { w: r.width, h: r.height } };
  }
  const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${bin.width}" height="${bin.height}">${images.join('')}</svg>`;
  const png = new Resvg(page, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true } }).render().asPng();
  return { png, json: { frames, meta: { app: 'fireground assets (maxrects-packer, resvg)', image: 'atlas.png', size: { w: bin.width, h: bin.height }, scale: String(ATLAS_SCALE) } } };
}
