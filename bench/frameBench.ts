/** Frame and bundle benchmarks: JavaScript time per frame of the play scene in headless Chromium (WebGL
 *  and Canvas) against a minimal Phaser scene with as many objects, and gzip sizes of the landing and
 *  play routes against a Phaser-only build. Builds into a temp dir; never touches dist/ or the client. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { compared, round, type Figure } from './measure';
import type { FrameResult } from './frame/framePage';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = join(ROOT, 'scenarios/tube-house-motorbikes.scenario.json');
/** Frames timed per case; BENCH_FRAMES overrides it for a quick look. */
const FRAMES = Number(process.env.BENCH_FRAMES ?? 600);
/** Wall time per case: headless WebGL presents only a few frames a second, so it gets fewer than FRAMES. */
const BUDGET_MS = 40_000;
const PEAK_S = 150;
const LAUNCH = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** kB of 1000 bytes, as Vite prints them and as the goal is written; gzip at level 9. */
const gzipKB = (files: Iterable<string>, dir: string): number => [...files].reduce((s, f) => s + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) / 1000;

/** The chunks a manifest entry loads before it runs: itself and its static imports, transitively. */
function closure(manifest: Record<string, ManifestChunk>, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) continue;
    into.add(chunk.file);
    closure(manifest, chunk.imports ?? [], into);
  }
  return into;
}

async function bundleFigures(tmp: string): Promise<Figure[]> {
  // The project's own Vite config, only redirected to a temp dir with a manifest of the chunk graph.
  const appDir = join(tmp, 'app');
  await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: appDir, emptyOutDir: true, manifest: true } });
  const manifest = JSON.parse(readFileSync(join(appDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const js = (files: Set<string>): Set<string> => new Set([...files].filter((f) => f.endsWith('.js')));
  // A first visit: the header's sync badge loads the outbox (Dexie) only on a device that has saved a
  // run (client/store/offline/deviceStore.ts), so the landing is index.html's static closure.
  const landing = js(closure(manifest, ['index.html']));
  const play = js(closure(manifest, ['ui/PlayPage.tsx'], new Set(landing)));
  if (landing.size === 0 || play.size <= landing.size) throw new Error('unexpected chunk graph in the manifest');

  // Phaser alone, through Vite with the same defaults (minifier, target), as the floor for the play route.
  const phaserDir = join(tmp, 'phaser-only');
  mkdirSync(phaserDir, { recursive: true });
  writeFileSync(join(phaserDir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(phaserDir, 'main.js'), "import Phaser from 'phaser';\nglobalThis.PhaserVersion = Phaser.VERSION;\n");
  await viteBuild({
    configFile: false,
    root: phaserDir,
    logLevel: 'error',
    resolve: { alias: { phaser: join(ROOT, 'node_modules/phaser') } },
    build: { outDir: join(phaserDir, 'dist'), emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1500 },
  });
  const phaserManifest = JSON.parse(readFileSync(join(phaserDir, 'dist/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const phaserKB = gzipKB(js(closure(phaserManifest, ['index.html'])), join(phaserDir, 'dist'));

  const landingKB = gzipKB(landing, appDir);
  const playKB = gzipKB(play, appDir);
  return [
    compared('bundle.landing.gzipKB', landingKB, phaserKB, 'kB gzip', `${landingKB.toFixed(1)} kB: ${[...landing].map((f) => f.replace(/^assets\//, '')).join(', ')}; baseline: Phaser-only build; goal under 150 KB`),
    compared('bundle.play.gzipKB', playKB, phaserKB, 'kB gzip', `${playKB.toFixed(1)} kB, ${play.size} chunks (landing + play route)`),
  ];
}

/** Serves the bench page and the scenario on a free localhost port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = path === '/scenario.json' ? SCENARIO : join(dir, normalize(path === '/' ? '/index.html' : path));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function frameFigures(tmp: string): Promise<Figure[]> {
  const pageDir = join(tmp, 'page');
  await esbuild({ entryPoints: [join(ROOT, 'bench/frame/framePage.ts')], outfile: join(pageDir, 'framePage.js'), bundle: true, format: 'esm', minify: true, target: 'es2022', logLevel: 'error' });
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html><html><body style="margin:0"><div id="game" style="width:960px;height:600px"></div><script type="module" src="/framePage.js"></script></body></html>\n');
  const { server, url } = await serve(pageDir);
  const browser = await chromium.launch(LAUNCH);
  const one = async (query: string): Promise<FrameResult> => {
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${url}/?${query}&frames=${FRAMES}&peakS=${PEAK_S}&budgetMs=${BUDGET_MS}`);
    await page.waitForFunction(() => window.__frameResult !== undefined, undefined, { timeout: 60_000 }).catch(async (e: unknown) => {
      const stage = await page.evaluate(() => window.__frameStage);
      throw new Error(`frame page stalled at ${stage ?? 'load'} (${query}): ${errors.join('; ') || String(e)}`);
    });
    const r = (await page.evaluate(() => window.__frameResult)) as FrameResult;
    await page.close();
    if (r.error || r.samples.length === 0) throw new Error(`frame page failed (${query}): ${r.error ?? errors.join('; ')}`);
    return r;
  };
  const figures: Figure[] = [];
  try {
    for (const renderer of ['auto', 'canvas'] as const) {
      const world = await one(`kind=world&renderer=${renderer}`);
      const minimal = await one(`kind=minimal&renderer=${renderer}&objects=${world.objects}`);
      if (renderer === 'auto' && world.renderer !== 'webgl') throw new Error('Chromium gave no WebGL context; the WebGL figures would be Canvas');
      const w = [...world.samples].sort((a, b) => a - b);
      const m = [...minimal.samples].sort((a, b) => a - b);
      const note = `tube house after ${PEAK_S} s unchecked (${round(world.burningKW)} kW burning), ${world.objects} objects, ${world.samples.length} frames (minimal ${minimal.samples.length}), engine ticks every 12th frame; JS time (engine ticks + redraw + Phaser update/render), headless Chromium${world.renderer === 'webgl' ? ' with SwiftShader WebGL, not GPU frame rate' : ''}; baseline: minimal scene, same objects; goal p95 under 8 ms`;
      figures.push(compared(`frames.${world.renderer}.p50`, percentile(w, 50), percentile(m, 50), 'ms', note));
      figures.push(compared(`frames.${world.renderer}.p95`, percentile(w, 95), percentile(m, 95), 'ms'));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}

export async function frameBench(): Promise<Figure[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'fireground-frames-'));
  try {
    return [...(await frameFigures(tmp)), ...(await bundleFigures(tmp))];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
