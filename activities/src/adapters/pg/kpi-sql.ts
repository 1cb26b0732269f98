/**
 * The SQL pieces the KPI queries share (kpi-store.ts, conversion-store.ts): which customer emails a query selects,
 * and its period and group expressions. Column names come from fixed lists, never from a caller's text.
 */
import type { KpiDimension, KpiGranularity } from '../../kpi/kpi-definitions';

export interface KpiQuery {
  /** First and last day (YYYY-MM-DD, UTC, inclusive) of received emails; open when null. */
  from: string | null;
  to: string | null;
  granularity: KpiGranularity;
  /** Rows per value of this dimension, or one row per period. */
  split: KpiDimension | null;
  /** Only the emails with these values. */
  filters: Partial<Record<KpiDimension, string>>;
}

/** Column names of the dimensions (a fixed list: never a caller's text in the SQL). */
const DIMENSION_COLUMN: Record<KpiDimension, string> = { route: 'route', intent: 'intent', lang: 'lang', template: 'template', cohort: 'cohort' };

export function whereOf(query: Pick<KpiQuery, 'from' | 'to' | 'filters'>): { sql: string; values: unknown[] } {
  const clauses = ['customer'];
  const values: unknown[] = [];
  if (query.from) clauses.push(`received_at >= $${values.push(query.from)}::date at time zone 'UTC'`);
  if (query.to) clauses.push(`received_at < ($${values.push(query.to)}::date + 1) at time zone 'UTC'`);
  for (const [dimension, value] of Object.entries(query.filters) as [KpiDimension, string | undefined][]) {
    if (value !== undefined) clauses.push(`${DIMENSION_COLUMN[dimension]} = $${values.push(value)}`);
  }
  return { sql: clauses.join(' and '), values };
}

/** The period an email counts in: the first day of its day or week (UTC, weeks from Monday), or `all`. */
export function periodSql(granularity: KpiGranularity): string {
  return granularity === 'all' ? `'all'` : `to_char(date_trunc('${granularity}', received_at at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/** The group an email counts in: its value of the split dimension, or `all`. */
export function groupSql(split: KpiDimension | null): string {
  return split ? DIMENSION_COLUMN[split] : `'all'`;
}
