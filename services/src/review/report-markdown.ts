/** The weekly report as Markdown (`replique report --week`): the same content as the review tool's /report page. Pure. */
import type { WeeklyReport } from '@replique/activities/adapters/pg/weekly-report';
import { KPI_TARGETS } from '@replique/activities/kpi/kpi-definitions';
import { formatKpi, formatPercent, targetState } from '@replique/activities/kpi/kpi-format';

const cell = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)];
const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
const num = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

export const STATE_WORDS = { met: 'met', missed: 'MISSED', tracked: 'tracked', none: 'no data' } as const;

export function reportMarkdown(report: WeeklyReport): string {
  const k = report.kpis;
  const lines = [
    `# Weekly report ${report.week} (${report.from} – ${report.to})`,
    '',
    'Customer emails received in the week (UTC), from the KPI tables (`email.events`) and the order feed. Definitions: services/src/kpi/README.md.',
    '',
    '## KPIs against their targets',
    '',
    ...table(['KPI', report.week, report.previousWeek, 'target', 'status'], KPI_TARGETS.map((t) => {
      const value = k ? (k[t.key] as number | null) : null;
      const before = report.previousKpis ? (report.previousKpis[t.key] as number | null) : null;
      return [t.label, formatKpi(t, value), formatKpi(t, before), t.text, STATE_WORDS[targetState(t, value)]];
    })),
    '',
    k ? `Volumes: ${k.emails} customer emails, ${k.automated} answered automatically, ${k.reviews} reviews, ${k.escalations} escalations, ` +
      `${k.slaBreaches} SLA breaches, ${k.tfrOverTarget} first responses over target, ${k.factCheckBlocks} fact-check blocks, ${k.rated} ratings.`
      : 'No customer email in this week.',
    '',
    `## Topics that re-escalate (top ${Math.max(report.topics.length, 0)} of at most 20)`,
    '',
    'An automatic reply re-escalates when the customer writes again in the same conversation about the same matter within 7 days.',
    '',
    ...(report.topics.length === 0 ? ['None this week.'] : table(
      ['#', 'topic (intent)', 're-escalated', 'of automatic replies', 'templates/prompts', 'example emails'],
      report.topics.map((t, i) => [i + 1, t.intent, t.reescalated, `${t.automated} (${pct(t.automated ? t.reescalated / t.automated : null)})`,
        t.templates.map((x) => `${x.template} ×${x.count}`).join(', '), t.examples.join(' ')]),
    )),
    '',
    '## Reviewers\' edits by template',
    '',
    'Edit distance: Levenshtein distance in characters between the draft and the text the reviewer sent (latest edit of each email).',
    '',
    ...(report.edits.length === 0 ? ['No edit this week.'] : table(
      ['template/prompt', 'edited', 'sent after review', 'mean distance', 'median', 'largest', 'example emails'],
      report.edits.map((e) => [e.template, e.edited, e.reviewedSent, num(e.distanceMean), num(e.distanceMedian), e.distanceMax ?? '—', e.examples.join(' ')]),
    )),
    '',
    `## Conversion after email (orders within ${report.conversionWindowDays} days of a reply)`,
    '',
    k ? `${k.conversionReplies} replies to known customers, ${k.conversionMatched} with a matched baseline: ${k.conversionConverted} followed by an order ` +
      `(${pct(k.conversionRate)}) against ${pct(k.conversionBaseline)} for customers of the same segments without a reply: ` +
      `lift ${formatKpi(KPI_TARGETS.find((t) => t.key === 'conversionLift')!, k.conversionLift)} (target +5–15 %).` : 'No reply this week.',
    '',
    ...(report.complements.length === 0 ? ['No reply named a complementary product.'] : table(
      ['complementary product', 'replies naming it', 'bought', 'rate', 'baseline'],
      report.complements.map((c) => [c.sku, c.replies, c.bought, pct(c.rate), pct(c.baseline)]),
    )),
    '',
  ];
  return lines.join('\n');
}
