/** A reliability diagram as SVG (confidence bins vs accuracy, one series per data set); rsvg-convert makes the PNG. */
import type { Reliability } from '@replique/activities/triage/calibration';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

export function reliabilitySvg(series: { name: string; r: Reliability }[], title = 'Intent confidence reliability'): string {
  const W = 900;
  const H = 520;
  const L = 70;
  const T = 50;
  const S = 380; // plot side
  const x = (v: number): number => L + v * S;
  const y = (v: number): number => T + (1 - v) * S;
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="28" text-anchor="middle" font-size="17">${esc(title)}</text>`,
    `<rect x="${L}" y="${T}" width="${S}" height="${S}" fill="none" stroke="#444"/>`,
  ];
  for (let i = 0; i <= 10; i++) {
    const v = i / 10;
    parts.push(`<line x1="${x(v)}" y1="${y(0)}" x2="${x(v)}" y2="${y(1)}" stroke="#eee"/>`,
      `<line x1="${x(0)}" y1="${y(v)}" x2="${x(1)}" y2="${y(v)}" stroke="#eee"/>`,
      `<text x="${x(v)}" y="${y(0) + 18}" text-anchor="middle" font-size="11">${v.toFixed(1)}</text>`,
      `<text x="${x(0) - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v.toFixed(1)}</text>`);
  }
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#888" stroke-dasharray="5,4"/>`,
    `<text x="${x(0.5)}" y="${y(0) + 40}" text-anchor="middle" font-size="13">confidence (bin mean)</text>`,
    `<text x="20" y="${y(0.5)}" text-anchor="middle" font-size="13" transform="rotate(-90 20 ${y(0.5)})">accuracy</text>`);
  series.forEach(({ name, r }, k) => {
    const color = COLORS[k % COLORS.length]!;
    const pts = r.bins.filter((b) => b.n > 0);
    if (pts.length > 1) {
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((b) => `${x(b.meanConfidence).toFixed(1)},${y(b.accuracy).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const b of pts) {
      const rad = Math.min(12, 3 + Math.sqrt(b.n));
      parts.push(`<circle cx="${x(b.meanConfidence).toFixed(1)}" cy="${y(b.accuracy).toFixed(1)}" r="${rad.toFixed(1)}" fill="${color}" fill-opacity="0.55" stroke="${color}"/>`);
    }
    const ly = T + 14 + k * 40;
    parts.push(`<circle cx="${L + S + 22}" cy="${ly}" r="6" fill="${color}"/>`,
      `<text x="${L + S + 34}" y="${ly + 4}" font-size="12">${esc(name)}</text>`,
      `<text x="${L + S + 34}" y="${ly + 20}" font-size="11" fill="#555">n=${r.n} acc=${r.accuracy.toFixed(2)} ECE=${r.ece.toFixed(3)}</text>`);
  });
  parts.push(`<text x="${L + S + 22}" y="${T + S}" font-size="10" fill="#666">circle area ~ emails in bin</text>`, '</svg>');
  return `${parts.join('\n')}\n`;
}
