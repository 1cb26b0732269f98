/**
 * A small server-rendered trend chart (SVG, no script): one line of values per period, a target band or line, axis
 * labels. Presentation attributes only (the tool's CSP allows no inline style). Pure.
 */
import { html, type SafeHtml } from './html';

export interface TrendPoint {
  label: string;
  value: number | null;
}

export interface TrendChartOptions {
  /** The target as a band [low, high] (either end open) drawn behind the line. */
  target?: { low?: number; high?: number };
  format: (value: number) => string;
  width?: number;
  height?: number;
}

const PAD = { left: 56, right: 12, top: 10, bottom: 24 };

export function trendChart(title: string, points: TrendPoint[], options: TrendChartOptions): SafeHtml {
  const width = options.width ?? 420;
  const height = options.height ?? 150;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const targets = [options.target?.low, options.target?.high].filter((v): v is number => v !== undefined);
  if (values.length === 0) {
    return html`<svg class="trend" role="img" aria-label="${title}: no data" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
      <text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#889" font-size="12">no data</text></svg>`;
  }
  let max = Math.max(...values, ...targets);
  let min = Math.min(0, ...values, ...targets);
  if (max === min) max = min + 1;
  const top = max; // labelled; the plot keeps a little headroom above it
  max += (max - min) * 0.08;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;

  const band = options.target
    ? html`<rect class="target" x="${PAD.left}" width="${plotW}" y="${round(y(Math.min(options.target.high ?? max, max)))}"
        height="${round(Math.max(0, y(Math.max(options.target.low ?? min, min)) - y(Math.min(options.target.high ?? max, max))))}"
        fill="#dff3e4"></rect>`
    : '';
  // Lines join consecutive known values; a period without a value leaves a gap.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${round(x(i))},${round(y(p.value))}`);
    }
  });
  if (current.length > 0) segments.push(current.join(' '));
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return html`<svg class="trend" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    ${band}
    <line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${width - PAD.right}" y2="${PAD.top + plotH}" stroke="#99a"></line>
    <text x="${PAD.left - 6}" y="${round(y(top)) + 4}" text-anchor="end" font-size="10" fill="#556">${options.format(top)}</text>
    <text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end" font-size="10" fill="#556">${options.format(min)}</text>
    ${segments.map((s) => html`<polyline points="${s}" fill="none" stroke="#3d5afe" stroke-width="2"></polyline>`)}
    ${points.map((p, i) => (p.value === null ? '' : html`<circle cx="${round(x(i))}" cy="${round(y(p.value))}" r="2.5" fill="#3d5afe"><title>${p.label}: ${options.format(p.value)}</title></circle>`))}
    ${points.map((p, i) => (i % labelEvery === 0 ? html`<text x="${round(x(i))}" y="${height - 6}" text-anchor="middle" font-size="10" fill="#556">${p.label.slice(5)}</text>` : ''))}
  </svg>`;
}
