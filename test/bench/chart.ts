/**
 * The benchmark chart: an SVG written by hand (no chart library), turned into a PNG by `rsvg-convert`
 * (Debian librsvg2-bin) or ImageMagick's `convert` when one is installed. Returns false when none is.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Results } from './run';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Bar {
  label: string;
  value: number;
  color: string;
  text?: string;
}

function panel(x: number, y: number, w: number, h: number, title: string, bars: Bar[], unit: string): string {
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const rowH = Math.min(34, (h - 40) / Math.max(1, bars.length));
  const labelW = 170;
  let svg = `<g transform="translate(${x},${y})"><rect width="${w}" height="${h}" fill="#fafafa" stroke="#ddd"/>`;
  svg += `<text x="12" y="24" font-size="15" font-weight="bold">${esc(title)}</text>`;
  bars.forEach((b, i) => {
    const by = 40 + i * rowH;
    const bw = ((w - labelW - 90) * b.value) / max;
    svg += `<text x="12" y="${by + rowH * 0.62}" font-size="12">${esc(b.label)}</text>`;
    svg += `<rect x="${labelW}" y="${by + 4}" width="${Math.max(1, bw)}" height="${rowH - 8}" fill="${b.color}"/>`;
    svg += `<text x="${labelW + bw + 6}" y="${by + rowH * 0.62}" font-size="12">${esc(b.text ?? `${b.value.toFixed(b.value < 10 ? 2 : 0)} ${unit}`)}</text>`;
  });
  return `${svg}</g>`;
}

export function chartSvg(r: Results): string {
  const W = 1000;
  const H = 760;
  const parts: string[] = [];
  const m = r.machine;
  parts.push(`<text x="20" y="30" font-size="18" font-weight="bold">Réplique benchmarks — ${esc(r.startedAt.slice(0, 16).replace('T', ' '))} UTC</text>`);
  parts.push(`<text x="20" y="52" font-size="12">${esc(`${m.cpuModel}, ${m.nproc} cores, ${m.memoryGb.toFixed(0)} GB, Node ${m.node}; load at start ${m.loadAvg.map((l) => l.toFixed(1)).join('/')}`)}</text>`);
  if (r.throughput) {
    const t = r.throughput;
    parts.push(panel(20, 70, 470, 150, `Throughput (${t.emails} emails) — ratio ${t.ratio.toFixed(2)}, ${t.ratioMin.toFixed(2)}–${t.ratioMax.toFixed(2)} (goal ≥ 0.8)`, [
      { label: 'Réplique pipeline', value: t.pipelineEmailsPerSec, color: '#3b82f6' },
      { label: `bare workflow (${Math.round(t.activitiesPerEmail)} no-ops)`, value: t.bareEmailsPerSec, color: '#9ca3af' },
    ], 'emails/s'));
    parts.push(panel(20, 240, 470, 500, 'Stage cost: mean activity time', t.stages.map((s) => ({
      label: s.activity, value: s.meanMs, color: '#10b981', text: `${s.meanMs.toFixed(1)} ms (${s.totalSharePct.toFixed(0)} %)`,
    })), 'ms'));
  }
  const lat: Bar[] = [];
  if (r.latency) {
    lat.push({ label: 'HTTP → SMTP p50', value: r.latency.http.p50Ms, color: '#f59e0b' }, { label: 'HTTP → SMTP p95', value: r.latency.http.p95Ms, color: '#d97706' });
    if (r.latency.imap) lat.push({ label: 'IMAP → SMTP p50', value: r.latency.imap.p50Ms, color: '#f59e0b' }, { label: 'IMAP → SMTP p95', value: r.latency.imap.p95Ms, color: '#d97706' });
  }
  if (r.triage) lat.push({ label: 'triage alone p50', value: r.triage.p50Ms, color: '#a78bfa' }, { label: 'triage alone p95', value: r.triage.p95Ms, color: '#7c3aed' });
  if (lat.length) parts.push(panel(510, 70, 470, 260, 'Latency, one email at a time (goal p95 < 2 s)', lat, 'ms'));
  if (r.waiting) {
    const w = r.waiting;
    const bars: Bar[] = [
      { label: 'worker RSS idle', value: w.worker.rssIdleMb, color: '#9ca3af', text: `${w.worker.rssIdleMb.toFixed(0)} MB` },
      { label: 'worker RSS waiting', value: w.worker.rssWaitingMb, color: '#ef4444', text: `${w.worker.rssWaitingMb.toFixed(0)} MB (CPU ${w.worker.cpuWaitingPct.toFixed(1)} %)` },
    ];
    if (w.temporal) bars.push({ label: 'Temporal server RSS', value: w.temporal.rssWaitingMb, color: '#f87171', text: `${w.temporal.rssWaitingMb.toFixed(0)} MB (CPU ${w.temporal.cpuWaitingPct.toFixed(1)} %)` });
    bars.push({ label: 'worker, 100k (paper)', value: w.extrapolated100k.workerRssMb, color: '#fecaca', text: `${w.extrapolated100k.workerRssMb.toFixed(0)} MB (cache-bound)` });
    if (w.extrapolated100k.temporalRssMb !== null) bars.push({ label: 'server, 100k (paper)', value: w.extrapolated100k.temporalRssMb, color: '#fca5a5', text: `${w.extrapolated100k.temporalRssMb.toFixed(0)} MB (linear)` });
    parts.push(panel(510, 350, 470, 210, `${w.workflows} workflows waiting for review`, bars, 'MB'));
  }
  const rates: Bar[] = [];
  if (r.waiting) rates.push({ label: 'resume after decisions', value: r.waiting.resumedPerSec, color: '#ef4444', text: `${r.waiting.resumedPerSec.toFixed(1)}/s (${r.waiting.resumeSeconds.toFixed(0)} s)` });
  if (r.intake) rates.push({ label: 'Kafka → workflow starts', value: r.intake.startsPerSec, color: '#6366f1', text: `${r.intake.startsPerSec.toFixed(1)}/s` });
  if (rates.length) parts.push(panel(510, 570, 470, 170, 'Rates', rates, '/s'));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif"><rect width="${W}" height="${H}" fill="white"/>${parts.join('')}</svg>`;
}

export function renderChart(r: Results, pngPath: string): boolean {
  const svgPath = pngPath.replace(/\.png$/, '.svg');
  writeFileSync(svgPath, chartSvg(r));
  for (const [cmd, args] of [
    ['rsvg-convert', ['-o', pngPath, svgPath]],
    ['convert', [svgPath, pngPath]],
  ] as Array<[string, string[]]>) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return true;
    } catch {
      // try the next converter
    }
  }
  return false;
}
