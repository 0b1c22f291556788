/** Studio benchmarks in headless Chromium on a build of the real client, opened on the largest shipped
 *  scenario (the tube house, imported as an author would): parse and check per edit in the check worker
 *  (baseline: the schema parse alone, in the same worker), main-thread time per frame while drawing
 *  walls (baseline: the same strokes with the ruler, which redraws but edits nothing), and the ghost run
 *  of both bots in the proof worker (baseline: "fire only", ten minutes of the engine alone). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { compared, type Figure } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = join(ROOT, 'scenarios/tube-house-motorbikes.scenario.json');
const LAUNCH = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };
/** Edits timed for the check figure, strokes for the frame figure, ghost runs for the last. */
const EDITS = Number(process.env.BENCH_STUDIO_EDITS ?? 60);
const STROKES = Number(process.env.BENCH_STUDIO_STROKES ?? 12);
const GHOSTS = Number(process.env.BENCH_STUDIO_GHOSTS ?? 3);

interface Sample {
  kind: string;
  ms: number;
}

/** Serves the built client as the app server would (any route gives index.html), and no API: the
 *  studio then works from the browser alone, as it does offline. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) return void res.writeHead(503).end();
    const file = join(dir, normalize(path));
    try {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(join(dir, 'index.html')));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function take(page: Page): Promise<Sample[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __studioBench: Sample[] };
    const out = w.__studioBench.slice();
    w.__studioBench.length = 0;
    return out;
  });
}

/** Frames from the canvas's samples: each draw closes a frame holding the input handled before it. */
function frames(samples: Sample[]): number[] {
  const out: number[] = [];
  let input = 0;
  for (const s of samples) {
    if (s.kind === 'input') input += s.ms;
    if (s.kind === 'draw') {
      out.push(input + s.ms);
      input = 0;
    }
  }
  return out;
}

async function cellPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const c = page.locator('canvas.plan-canvas');
  const box = await c.boundingBox();
  const z = Number(await c.getAttribute('data-zoom'));
  return { x: (box?.x ?? 0) + Number(await c.getAttribute('data-x')) + (x + 0.5) * z, y: (box?.y ?? 0) + Number(await c.getAttribute('data-y')) + (y + 0.5) * z };
}

async function strokes(page: Page): Promise<number[]> {
  await take(page);
  for (let i = 0; i < STROKES; i++) {
    const y = 8 + (i % 30);
    const a = await cellPoint(page, 5, y);
    const b = await cellPoint(page, 12, y);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 40 });
    await page.mouse.up();
    await page.waitForTimeout(50);
  }
  return frames(await take(page));
}

export async function studioBench(): Promise<Figure[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'fireground-studio-bench-'));
  const appDir = join(tmp, 'app');
  await viteBuild({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  const { server, url } = await serve(appDir);
  const browser = await chromium.launch(LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => {
      (window as unknown as { __studioBench: unknown[] }).__studioBench = [];
      localStorage.setItem('fireground.lang', 'en');
    });
    await page.goto(`${url}/studio`);
    await page.getByTestId('import-file').setInputFiles(SCENARIO);
    await page.locator('canvas.plan-canvas').waitFor();
    await page.getByTestId('issue-count').filter({ hasText: /^0$/ }).waitFor({ timeout: 60_000 });

    // One edit at a time, each waited for: a wall cell painted, then its check answered.
    await page.keyboard.press('1');
    await page.keyboard.press('p');
    await page.waitForTimeout(500);
    await take(page);
    const collected: Sample[] = [];
    for (let i = 0; i < EDITS; i++) {
      const p = await cellPoint(page, 5 + (i % 6), 9 + Math.floor(i / 6));
      await page.mouse.click(p.x, p.y);
      await page.waitForFunction(() => (window as unknown as { __studioBench: Sample[] }).__studioBench.some((x) => x.kind === 'check'), undefined, { timeout: 30_000 });
      collected.push(...(await take(page)));
    }
    const check = collected.filter((x) => x.kind === 'check').map((x) => x.ms);
    const parse = collected.filter((x) => x.kind === 'parse').map((x) => x.ms);

    const drawing = await strokes(page);
    await page.keyboard.press('m');
    const ruling = await strokes(page);

    await page.getByRole('tab', { name: 'Proofs' }).click();
    const ghost: number[] = [];
    const fire: number[] = [];
    for (let i = 0; i < GHOSTS; i++) {
      await page.getByRole('button', { name: 'Run the ghost run' }).click();
      await page.getByTestId('ghost-verdict').waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: 'Run “fire only”' }).click();
      await page.getByTestId('fire-only').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => (window as unknown as { __studioBench: { kind: string }[] }).__studioBench.filter((s) => s.kind === 'ghost' || s.kind === 'fireOnly').length >= 2, undefined, { timeout: 120_000 });
      const s = await take(page);
      ghost.push(...s.filter((x) => x.kind === 'ghost').map((x) => x.ms));
      fire.push(...s.filter((x) => x.kind === 'fireOnly').map((x) => x.ms));
      await page.getByRole('tab', { name: 'Plan' }).click();
      await page.keyboard.press('1');
      const p = await cellPoint(page, 5, 20 + i);
      await page.mouse.click(p.x, p.y);
      await page.getByRole('tab', { name: 'Proofs' }).click();
    }
    const median = (xs: number[]): number => percentile(xs, 50);
    return [
      compared('studio.check.p95', percentile(check, 95), percentile(parse, 95), 'ms', `parse and check per edit of the tube house (4 floors of 132 x 40 cells) in the check worker, ${check.length} edits; baseline: the schema parse alone in the same worker; goal under 16 ms`),
      compared('studio.frame.p95', percentile(drawing, 95), percentile(ruling, 95), 'ms', `main-thread JS per frame (pointer handlers + redraw) while drawing walls with the pen on the tube house, ${drawing.length} frames over ${STROKES} strokes; baseline: the same strokes with the ruler (redraw, no edit, ${ruling.length} frames); goal under 8 ms`),
      compared('studio.ghostRun', median(ghost), median(fire), 'ms', `expert and novice bots on the tube house (a 15-minute scenario) in the proof worker, median of ${ghost.length}; baseline: "fire only", ten minutes of the engine with nobody acting; goal under 3000 ms`),
    ];
  } finally {
    await browser.close();
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
