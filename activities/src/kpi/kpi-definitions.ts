/**
 * What each KPI means and the targets it is held to (the seed's table). The SQL (adapters/pg/kpi-store.ts) and the
 * README of services/src/kpi/ follow these; the KPI test recomputes them independently from the raw events.
 */

/** Draft checks whose firing counts as a fact-check block (reply/fact-check.ts). */
export const FACT_CHECKS = ['fact_mismatch', 'unverifiable_fact', 'other_customer_data'] as const;

/** Reviewer actions: an email with any of them was touched by a person. */
export const HUMAN_ACTIONS = ['approve', 'edit', 'reject', 'escalate', 'takeover'] as const;

/** A reply whose customer writes again within this window about the same matter re-escalated. */
export const REESCALATION_WINDOW_DAYS = 7;

/** First-response targets: routine mail (routed `auto`) within an hour, the rest (a person) within a day. */
export const TFR_TARGET_SECONDS = { routine: 3600, complex: 24 * 3600 } as const;

/**
 * Conversion after email: an order within this many days after a reply (`KPI_CONVERSION_WINDOW_DAYS` of the review
 * and CLI configuration overrides it). Target: a lift of +5 to +15 % over the matched baseline.
 */
export const CONVERSION_WINDOW_DAYS = 7;
export const CONVERSION_TARGET = { low: 0.05, high: 0.15 } as const;

export const KPI_DIMENSIONS = ['route', 'intent', 'lang', 'template', 'cohort'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export const KPI_GRANULARITIES = ['day', 'week', 'all'] as const;
export type KpiGranularity = (typeof KPI_GRANULARITIES)[number];

/** One row of KPIs: a period (and a dimension's value when split), over the customer emails received in it. */
export interface KpiRow {
  /** First day of the period (YYYY-MM-DD, UTC; weeks start on Monday), or `all`. */
  period: string;
  /** The split dimension's value, or `all`. */
  group: string;
  /** Customer emails: routed to a reply or a person (not suppressed, not quarantined). */
  emails: number;
  responded: number;
  /** Time to first response (reply accepted by SMTP), seconds, p50/p90 over responded emails. */
  tfrP50: number | null;
  tfrP90: number | null;
  /** Responses later than their target (TFR_TARGET_SECONDS). */
  tfrOverTarget: number;
  resolved: number;
  /** Time to resolution (sent or rejected), seconds. */
  ttrP50: number | null;
  ttrP90: number | null;
  /** Sent automatically, no person acted. */
  automated: number;
  automationRate: number | null;
  reescalated: number;
  /** reescalated / automated. */
  reescalationRate: number | null;
  rated: number;
  /** Share of rated replies scored 4 or 5 (latest vote). */
  csat: number | null;
  escalations: number;
  reviews: number;
  /** Reviews escalated because the review SLA ran out. */
  slaBreaches: number;
  reviewedSent: number;
  edited: number;
  /** edited / sent after review. */
  editRate: number | null;
  /** Mean Levenshtein distance (characters) between draft and edited text. */
  editDistanceAvg: number | null;
  factCheckBlocks: number;
  /** Replies (answered emails) to a known CRM customer: conversion-after-email, conversion.ts. */
  conversionReplies: number;
  /** Of them, replies whose customer's segment has baseline customers (the comparison is made on these). */
  conversionMatched: number;
  /** Matched replies followed by an order of the customer within the window. */
  conversionConverted: number;
  /** conversionConverted / conversionMatched. */
  conversionRate: number | null;
  /** The matched baseline: what customers of the same segments who got no reply did in the same windows. */
  conversionBaseline: number | null;
  /** conversionRate / conversionBaseline - 1 (target +5–15 %). */
  conversionLift: number | null;
}

export interface KpiTarget {
  key: keyof KpiRow;
  label: string;
  /** Whether a value meets the target. */
  met(value: number): boolean;
  text: string;
  unit: 'seconds' | 'rate' | 'count' | 'chars';
}

export const KPI_TARGETS: KpiTarget[] = [
  { key: 'tfrP50', label: 'Time to first response p50', met: (v) => v < TFR_TARGET_SECONDS.routine, text: '< 1 h (routine)', unit: 'seconds' },
  { key: 'tfrP90', label: 'Time to first response p90', met: (v) => v < TFR_TARGET_SECONDS.complex, text: '< 24 h (complex)', unit: 'seconds' },
  { key: 'ttrP50', label: 'Time to resolution p50', met: () => true, text: 'tracked', unit: 'seconds' },
  { key: 'ttrP90', label: 'Time to resolution p90', met: () => true, text: 'tracked', unit: 'seconds' },
  { key: 'automationRate', label: 'Automation rate', met: (v) => v >= 0.5 && v <= 0.7, text: '50–70 %', unit: 'rate' },
  { key: 'reescalationRate', label: 'Re-escalation rate', met: (v) => v < 0.05, text: '< 5 %', unit: 'rate' },
  { key: 'csat', label: 'CSAT', met: (v) => v > 0.85, text: '> 85 %', unit: 'rate' },
  { key: 'editRate', label: 'Reviewer edit rate', met: () => true, text: 'tracked', unit: 'rate' },
  { key: 'editDistanceAvg', label: 'Edit distance (mean)', met: () => true, text: 'tracked', unit: 'chars' },
  { key: 'conversionLift', label: 'Conversion after email (lift)', met: (v) => v >= CONVERSION_TARGET.low, text: '+5–15 %', unit: 'rate' },
];

/** The CSV columns, in order; `formatKpiValue` writes each. */
export const KPI_CSV_COLUMNS: (keyof KpiRow)[] = [
  'period', 'group', 'emails', 'responded', 'tfrP50', 'tfrP90', 'tfrOverTarget', 'resolved', 'ttrP50', 'ttrP90',
  'automated', 'automationRate', 'reescalated', 'reescalationRate', 'rated', 'csat', 'escalations', 'reviews',
  'slaBreaches', 'reviewedSent', 'edited', 'editRate', 'editDistanceAvg', 'factCheckBlocks',
  'conversionReplies', 'conversionMatched', 'conversionConverted', 'conversionRate', 'conversionBaseline', 'conversionLift',
];

const SECONDS: ReadonlySet<keyof KpiRow> = new Set(['tfrP50', 'tfrP90', 'ttrP50', 'ttrP90']);
const RATES: ReadonlySet<keyof KpiRow> = new Set([
  'automationRate', 'reescalationRate', 'csat', 'editRate', 'conversionRate', 'conversionBaseline', 'conversionLift',
]);

/** The text of one value in the CSV: seconds to 0.1, rates to 0.0001, distances to 0.01, empty when null. */
export function formatKpiValue(key: keyof KpiRow, value: KpiRow[keyof KpiRow]): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (SECONDS.has(key)) return value.toFixed(1);
  if (RATES.has(key)) return value.toFixed(4);
  if (key === 'editDistanceAvg') return value.toFixed(2);
  return String(value);
}
