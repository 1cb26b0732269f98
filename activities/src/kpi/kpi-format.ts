/** How a KPI value is written for people (the KPI page, the weekly report in HTML and Markdown). Pure. */
import type { KpiTarget } from './kpi-definitions';

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export const formatPercent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** A relative change with its sign: +12.3 %, −4.0 %. */
export const formatLift = (lift: number) => `${lift < 0 ? '−' : '+'}${Math.abs(lift * 100).toFixed(1)} %`;

/** One KPI's value in its unit; an em dash when unknown. */
export function formatKpi(target: KpiTarget, value: number | null): string {
  if (value === null) return '—';
  if (target.key === 'conversionLift') return formatLift(value);
  if (target.unit === 'seconds') return formatDuration(value);
  if (target.unit === 'rate') return formatPercent(value);
  if (target.unit === 'chars') return `${value.toFixed(1)} chars`;
  return String(value);
}

/** Where a value stands against its target: met, missed, tracked (no target), none (no value). */
export function targetState(target: KpiTarget, value: number | null): 'met' | 'missed' | 'tracked' | 'none' {
  if (value === null) return 'none';
  if (target.text === 'tracked') return 'tracked';
  return target.met(value) ? 'met' : 'missed';
}
