/** A floor plan drawn as SVG straight from a scenario's map rows (no engine, no Phaser), for the
 *  briefing. Runs of equal cells in a row become one rectangle so large plans stay light. */

const FILL: Record<string, string> = {
  '#': '#2b313c',
  '.': '#e3d5b8',
  ',': '#8d939b',
  D: '#8b5a2b',
  d: '#b07a45',
  L: '#c0392b',
  W: '#8fd3ff',
  G: '#5d7a8c',
  S: '#b9ab8f',
  O: '#1f2630',
};

export interface PreviewMarker {
  x: number;
  y: number;
  kind: 'crew' | 'fire' | 'victim' | 'vehicle' | 'hydrant';
}

const MARK: Record<PreviewMarker['kind'], string> = { crew: '#1d3557', fire: '#ff6b2c', victim: '#f2c14e', vehicle: '#c1121f', hydrant: '#d62828' };

export function MapPreview({ rows, markers, label }: { rows: readonly string[]; markers: readonly PreviewMarker[]; label: string }) {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const rects: { x: number; y: number; w: number; c: string }[] = [];
  rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      const ch = row[x] ?? '#';
      let w = 1;
      while (row[x + w] === ch) w++;
      rects.push({ x, y, w, c: FILL[ch] ?? FILL['#'] ?? '#000' });
      x += w;
    }
  });
  return (
    <svg className="map-preview" viewBox={`0 0 ${width} ${rows.length}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      {rects.map((r) => (
        <rect key={`${r.x}-${r.y}`} x={r.x} y={r.y} width={r.w} height={1} fill={r.c} />
      ))}
      {markers.map((m, k) => (
        <circle key={k} cx={m.x + 0.5} cy={m.y + 0.5} r={0.6} fill={MARK[m.kind]} stroke="#fff" strokeWidth={0.15} />
      ))}
    </svg>
  );
}
