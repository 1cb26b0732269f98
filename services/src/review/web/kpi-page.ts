/**
 * The KPI page (role lead): each KPI against its target over the chosen range, its trend per day or week (SVG), the
 * volumes (escalations, reviews, SLA breaches, fact-check blocks), a breakdown by one dimension, the topics that
 * re-escalate most, and the same figures as CSV. Filters are a plain GET form, so every view has a URL.
 */
import type { TopicCount } from '@replique/activities/adapters/pg/kpi-store';
import { KPI_DIMENSIONS, KPI_TARGETS, type KpiDimension, type KpiRow, type KpiTarget } from '@replique/activities/kpi/kpi-definitions';
import type { Reviewer } from '../auth/session-auth';
import type { KpiPageQuery } from '../kpi-query';
import { html, type SafeHtml } from './html';
import { page } from './layout';
import { trendChart } from './svg-chart';

export interface KpiPageData {
  query: KpiPageQuery;
  /** The query string of this view (for the CSV link). */
  search: string;
  values: Record<KpiDimension, string[]>;
  total: KpiRow | null;
  trend: KpiRow[];
  breakdown: KpiRow[];
  topics: TopicCount[];
  freshness: { events: number; newest: Date | null };
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export const formatPercent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

function display(target: KpiTarget, value: number | null): string {
  if (value === null) return '—';
  if (target.unit === 'seconds') return formatDuration(value);
  if (target.unit === 'rate') return formatPercent(value);
  if (target.unit === 'chars') return `${value.toFixed(1)} chars`;
  return String(value);
}

/** The band a chart shades for a target, in the KPI's own unit. */
const BANDS: Partial<Record<keyof KpiRow, { low?: number; high?: number }>> = {
  tfrP50: { high: 3600 }, tfrP90: { high: 86400 }, automationRate: { low: 0.5, high: 0.7 },
  reescalationRate: { high: 0.05 }, csat: { low: 0.85, high: 1 },
};

function card(target: KpiTarget, total: KpiRow | null, trend: KpiRow[]): SafeHtml {
  const value = total ? (total[target.key] as number | null) : null;
  const state = value === null ? 'none' : target.text === 'tracked' ? 'tracked' : target.met(value) ? 'met' : 'missed';
  const format = (v: number) => display(target, v);
  return html`<section class="kpi-card ${state}" data-kpi="${target.key}">
    <h3>${target.label}</h3>
    <p class="kpi-value"><b data-value="${value ?? ''}">${display(target, value)}</b> <span class="kpi-target">target ${target.text}</span></p>
    ${trendChart(target.label, trend.map((r) => ({ label: r.period, value: r[target.key] as number | null })), { format, target: BANDS[target.key] })}
  </section>`;
}

function select(name: string, options: string[], selected: string | null, any: string): SafeHtml {
  return html`<label>${name} <select name="${name}"><option value="">${any}</option>
    ${options.map((o) => html`<option value="${o}"${o === selected ? html` selected` : ''}>${o}</option>`)}</select></label>`;
}

function filters(data: KpiPageData): SafeHtml {
  const q = data.query;
  return html`<form method="get" action="/kpi" class="filters kpi-filters">
    <label>from <input type="date" name="from" value="${q.from ?? ''}"></label>
    <label>to <input type="date" name="to" value="${q.to ?? ''}"></label>
    ${select('granularity', ['day', 'week'], q.granularity, 'day')}
    ${KPI_DIMENSIONS.map((d) => select(d, data.values[d], q.filters[d] ?? null, 'all'))}
    ${select('split', [...KPI_DIMENSIONS], q.split, 'none')}
    <button type="submit">Apply</button>
    <a class="csv" href="/kpi.csv${data.search}">CSV</a>
  </form>`;
}

const volumeCells = (r: KpiRow) => html`<td>${r.emails}</td><td>${r.automated}</td><td>${r.reviews}</td><td>${r.escalations}</td>
  <td>${r.slaBreaches}</td><td>${r.tfrOverTarget}</td><td>${r.reescalated}</td><td>${r.rated}</td><td>${r.edited}</td><td>${r.factCheckBlocks}</td>`;
const VOLUME_HEADS = html`<th>Emails</th><th>Automated</th><th>Reviews</th><th>Escalations</th><th>SLA breaches</th>
  <th>TFR over target</th><th>Re-escalated</th><th>Rated</th><th>Edited</th><th>Fact-check blocks</th>`;

function rateCells(r: KpiRow): SafeHtml {
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const dur = (v: number | null) => (v === null ? '—' : formatDuration(v));
  return html`<td>${dur(r.tfrP50)} / ${dur(r.tfrP90)}</td><td>${dur(r.ttrP50)} / ${dur(r.ttrP90)}</td><td>${pct(r.automationRate)}</td>
    <td>${pct(r.reescalationRate)}</td><td>${pct(r.csat)}</td><td>${pct(r.editRate)}</td>`;
}
const RATE_HEADS = html`<th>TFR p50 / p90</th><th>TTR p50 / p90</th><th>Automation</th><th>Re-escalation</th><th>CSAT</th><th>Edit rate</th>`;

export function kpiPage(data: KpiPageData, reviewer: Reviewer): string {
  const { total, trend, breakdown, topics, freshness, query } = data;
  return page('KPIs', html`<h1>KPIs <small>customer emails by day received (UTC)</small></h1>
    <p class="muted">From ${freshness.events} events of <code>email.events</code>${freshness.newest ? html`, the newest at ${freshness.newest.toISOString()}` : ''}.
      Definitions: services/src/kpi/README.md. Reviewer edits per intent and template: <a href="/stats/edits">Edits</a>.</p>
    ${filters(data)}
    <div class="kpi-cards">${KPI_TARGETS.map((t) => card(t, total, trend))}</div>
    <section><h2>Volumes <small>${query.from ?? 'start'} – ${query.to ?? 'today'}</small></h2>
      <table class="stats kpi-volumes"><thead><tr>${VOLUME_HEADS}</tr></thead>
      <tbody>${total ? html`<tr>${volumeCells(total)}</tr>` : html`<tr><td colspan="10" class="empty">No customer email in this range.</td></tr>`}</tbody></table></section>
    <section class="kpi-table"><h2>Per ${query.granularity}</h2>
      <table class="stats kpi-trend"><thead><tr><th>Period</th>${RATE_HEADS}${VOLUME_HEADS}</tr></thead>
      <tbody>${trend.map((r) => html`<tr data-period="${r.period}"><td>${r.period}</td>${rateCells(r)}${volumeCells(r)}</tr>`)}</tbody></table></section>
    ${query.split ? html`<section class="kpi-table"><h2>By ${query.split}</h2>
      <table class="stats kpi-breakdown"><thead><tr><th>${query.split}</th>${RATE_HEADS}${VOLUME_HEADS}</tr></thead>
      <tbody>${breakdown.map((r) => html`<tr data-group="${r.group}"><td>${r.group}</td>${rateCells(r)}${volumeCells(r)}</tr>`)}</tbody></table></section>` : ''}
    <section><h2>Topics that re-escalate <small>automatic replies the customer answered within 7 days about the same matter</small></h2>
      ${topics.length === 0 ? html`<p class="empty">None in this range.</p>` : html`<table class="stats kpi-topics"><thead><tr><th>Intent</th><th>Re-escalated</th><th>Examples</th></tr></thead>
      <tbody>${topics.map((t) => html`<tr><td>${t.intent}</td><td>${t.reescalated}</td>
        <td>${t.examples.map((k) => html`<a href="/emails/${k}">${k.slice(0, 10)}…</a> `)}</td></tr>`)}</tbody></table>`}</section>`, reviewer);
}
