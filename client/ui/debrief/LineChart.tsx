/** A small line chart drawn as SVG in React (no chart library is installed): several series over the
 *  run's seconds, an optional threshold line, and labelled markers for key actions. Presentation only. */
import { mmss } from '../text';

export interface ChartLine {
  id: string;
  label: string;
  values: number[];
  colour: string;
  dashed?: boolean;
}

export interface ChartMark {
  second: number;
  label: string;
}

const W = 640;
const H = 220;
const PAD = { l: 52, r: 12, t: 14, b: 30 };
const PALETTE = ['#ff6b2c', '#7cc4ff', '#3fbf6a', '#ffb000', '#d7b8ff', '#ff5a52', '#f4f1de'];

export function colourAt(k: number): string {
  return PALETTE[k % PALETTE.length] ?? '#fff';
}

export function LineChart({ title, seconds, lines, marks, threshold, unit }: { title: string; seconds: number[]; lines: ChartLine[]; marks: ChartMark[]; threshold?: { value: number; label: string }; unit: string }) {
  const tMax = Math.max(1, seconds[seconds.length - 1] ?? 1);
  const all = lines.flatMap((l) => l.values);
  const yMax = Math.max(1e-9, ...all, threshold?.value ?? 0) * 1.08;
  const x = (t: number) => PAD.l + (t / tMax) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / yMax) * (H - PAD.t - PAD.b);
  const ticksY = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const ticksT = [0, 0.25, 0.5, 0.75, 1].map((f) => f * tMax);
  const fmt = (v: number) => (yMax < 5 ? v.toFixed(2) : Math.round(v).toString());
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticksY.map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#313845" />
            <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#aab3c0">
              {fmt(v)}
            </text>
          </g>
        ))}
        {ticksT.map((t) => (
          <text key={`t${t}`} x={x(t)} y={H - 10} textAnchor="middle" fontSize="11" fill="#aab3c0">
            {mmss(t)}
          </text>
        ))}
        <text x={12} y={PAD.t + 4} fontSize="11" fill="#aab3c0">
          {unit}
        </text>
        {threshold && <line x1={PAD.l} x2={W - PAD.r} y1={y(threshold.value)} y2={y(threshold.value)} stroke="#ff5a52" strokeDasharray="6 4" />}
        {marks.map((m) => (
          <g key={`${m.label}-${m.second}`}>
            <line x1={x(m.second)} x2={x(m.second)} y1={PAD.t} y2={H - PAD.b} stroke="#eef1f5" strokeOpacity="0.45" strokeDasharray="2 3" />
            <text x={x(m.second) + 3} y={PAD.t + 10} fontSize="10" fill="#eef1f5" transform={`rotate(90 ${x(m.second) + 3} ${PAD.t + 10})`}>
              {m.label}
            </text>
          </g>
        ))}
        {lines.map((l) => (
          <polyline key={l.id} fill="none" stroke={l.colour} strokeWidth="2" strokeDasharray={l.dashed ? '6 4' : undefined} points={l.values.map((v, k) => `${x(seconds[k] ?? 0).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <ul className="chart-legend">
        {lines.map((l) => (
          <li key={l.id}>
            <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.label}
          </li>
        ))}
        {threshold && (
          <li>
            <span className="swatch threshold" aria-hidden="true" /> {threshold.label}
          </li>
        )}
      </ul>
    </figure>
  );
}
