/** The inbox map as a person reads it: a markdown report beside a server-rendered SVG bar chart (no browser needed). */
import type { InboxMap } from './map-inbox';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const md = (s: string): string => s.replace(/\|/g, '\\|');

/** Horizontal bars, one per topic by volume: the automatable part (routed auto today) in green, the rest in grey. */
export function mapChartSvg(map: InboxMap): string {
  const row = 18;
  const labelWidth = 330;
  const barWidth = 420;
  const top = 40;
  const height = top + map.topics.length * row + 30;
  const width = labelWidth + barWidth + 110;
  const max = Math.max(1, ...map.topics.map((t) => t.volume));
  const bars = map.topics.map((t, i) => {
    const y = top + i * row;
    const w = (t.volume / max) * barWidth;
    const auto = (t.automatable / max) * barWidth;
    const label = `${t.rank}. ${t.label} (${t.intent})`;
    return [
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${xml(label.length > 52 ? `${label.slice(0, 51)}…` : label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 5}" fill="#c8ccd2"/>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${auto.toFixed(1)}" height="${row - 5}" fill="#2e8b57"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}">${t.volume} · ${pct(t.automatableShare)} auto</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${xml(`Inbox map: ${map.emails} emails, top ${map.topics.length} topics, ${pct(map.automatableShare)} automatable today`)}</text>`,
    ...bars,
    `<rect x="${labelWidth}" y="${height - 20}" width="10" height="10" fill="#2e8b57"/><text x="${labelWidth + 14}" y="${height - 11}">automatic reply today</text>`,
    `<rect x="${labelWidth + 150}" y="${height - 20}" width="10" height="10" fill="#c8ccd2"/><text x="${labelWidth + 164}" y="${height - 11}">review, escalation or suppressed</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function mapReportMarkdown(map: InboxMap, meta: { source: string; seconds: number; chart: string }): string {
  const lines = [
    '# Inbox map', '',
    ...(map.inboxEmails > map.emails + map.quarantined
      ? [`A seeded sample of ${map.emails + map.quarantined} of the ${map.inboxEmails} emails; "Inbox (est.)" scales each topic's volume to the whole inbox.`, '']
      : []),
    `${map.emails} emails from ${md(meta.source)}${map.quarantined ? ` (and ${map.quarantined} unreadable, quarantined)` : ''}; `
      + `${map.automatable} (${pct(map.automatableShare)}) answered automatically by today's triage. Mapped in ${meta.seconds.toFixed(1)} s.`, '',
    `![Top topics](${meta.chart})`, '',
    'Topics are clusters of the classifier\'s own meaning features (hashed words, bigrams and character 4-grams of the '
      + 'PII-masked text); each is named by its most distinctive words and the intent most of its emails were given.', '',
    '| # | Topic | Intent (share) | Emails | Inbox (est.) | Share | Automatable | Languages | Examples |',
    '|---|---|---|---|---|---|---|---|---|',
    ...map.topics.map((t) => `| ${t.rank} | ${md(t.label)} | ${t.intent} (${pct(t.intentShare)}) | ${t.volume} | ${t.estimatedVolume} | ${pct(t.share)} | `
      + `${t.automatable} (${pct(t.automatableShare)}) | ${Object.entries(t.langs).map(([l, c]) => `${l} ${c}`).join(', ')} | ${t.examples.join(', ')} |`),
    '',
  ];
  return lines.join('\n');
}
