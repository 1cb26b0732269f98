/**
 * What the demo prints after its simulated month: the month's KPIs against their targets (the KPI page's figures),
 * with the weeks, and where to see them (KPI page, weekly report). Pure.
 */
import { KPI_TARGETS, type KpiRow } from '@replique/activities/kpi/kpi-definitions';
import { formatKpi, targetState } from '@replique/activities/kpi/kpi-format';
import { STATE_WORDS } from '../../review/report-markdown';

export function monthSummary(input: { from: string; to: string; total: KpiRow | null; weeks: KpiRow[]; reviewUrl: string; lastWeek: string }): string[] {
  const k = input.total;
  if (!k) return [`No customer email in ${input.from} – ${input.to}.`];
  const width = Math.max(...KPI_TARGETS.map((t) => t.label.length));
  return [
    `KPIs of the simulated month ${input.from} – ${input.to} (customer emails by the day they arrived; definitions: services/src/kpi/README.md)`,
    ...KPI_TARGETS.map((t) => {
      const value = k[t.key] as number | null;
      return `  ${t.label.padEnd(width)}  ${formatKpi(t, value).padEnd(10)} target ${t.text.padEnd(16)} ${STATE_WORDS[targetState(t, value)]}`;
    }),
    `  ${k.emails} customer emails: ${k.automated} answered automatically, ${k.reviews} reviewed, ${k.escalations} escalated, ` +
      `${k.rated} ratings, ${k.conversionConverted}/${k.conversionMatched} replies followed by an order (matched baseline)`,
    `  per week: ${input.weeks.map((w) => `${w.period} ${w.emails}`).join(', ')}`,
    `  KPI page       ${input.reviewUrl}/kpi?from=${input.from}&to=${input.to}&granularity=week   (log in as lead)`,
    `  weekly report  ${input.reviewUrl}/report?week=${input.lastWeek}   or   pnpm -s replique report --week ${input.lastWeek}`,
  ];
}
