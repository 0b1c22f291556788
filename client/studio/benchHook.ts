/** Timings for bench/studioBench.ts (check per edit, main-thread time per frame while drawing, ghost
 *  run): recorded only when the page has set `window.__studioBench`, which nothing but the bench does. */

interface Sample {
  kind: string;
  ms: number;
}

export function benchRecord(kind: string, ms: number): void {
  const sink = (globalThis as { __studioBench?: Sample[] }).__studioBench;
  if (sink) sink.push({ kind, ms });
}
