/**
 * The KPI page (role lead): each KPI against its target over the chosen range, its trend per day or week (SVG), the
 * volumes (escalations, reviews, SLA breaches, fact-check blocks), a breakdown by one dimension, the topics that
 * re-escalate most, and the same figures as CSV. Filters are a plain GET form, so every view has a URL.
 */
import type { TopicCount } from '@replique/activities/adapters/pg/kpi-store';
import type { ComplementConversion } from '@replique/activities/adapters/pg/conversion-store';
import { KPI_DIMENSIONS, KPI_TARGETS, type KpiDimension, type KpiRow, type KpiTarget } from '@replique/activities/kpi/kpi-definitions';
import type { Reviewer } from '../auth/session-auth';
import type { KpiPageQuery } from '../kpi-query';
import { formatDuration, formatKpi, formatLift, formatPercent, targetState } from '@replique/activities/kpi/kpi-format';
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
  complements: ComplementConversion[];
  conversionWindowDays: number;
  freshness: { events: number; newest: Date | null };
}

/** The band a chart shades for a target, in the KPI's own unit. */
const BANDS: Partial<Record<keyof KpiRow, { low?: number; high?: number }>> = {
  tfrP50: { high: 3600 }, tfrP90: { high: 86400 }, automationRate: { low: 0.5, high: 0.7 },
  reescalationRate: { high: 0.05 }, csat: { low: 0.85, high: 1 }, conversionLift: { low: 0.05, high: 0.15 },
};

function card(target: KpiTarget, total: KpiRow | null, trend: KpiRow[]): SafeHtml {
  const value = total ? (total[target.key] as number | null) : null;
  const state = targetState(target, value);
  const format = (v: number) => formatKpi(target, v);
  return html`<section class="kpi-card ${state}" data-kpi="${target.key}">
    <h3>${target.label}</h3>
    <p class="kpi-value"><b data-value="${value ?? ''}">${formatKpi(target, value)}</b> <span class="kpi-target">target ${target.text}</span></p>
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

function conversionSection(data: KpiPageData): SafeHtml {
  const { total, breakdown, query, complements } = data;
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
  const lift = (v: number | null) => (v === null ? '—' : formatLift(v));
  const row = (label: string, r: KpiRow) => html`<tr data-group="${label}"><td>${label}</td><td>${r.conversionReplies}</td><td>${r.conversionMatched}</td>
    <td>${r.conversionConverted}</td><td>${pct(r.conversionRate)}</td><td>${pct(r.conversionBaseline)}</td><td>${lift(r.conversionLift)}</td></tr>`;
  return html`<section class="kpi-conversion"><h2>Conversion after email <small>orders within ${data.conversionWindowDays} days of a reply, against customers of
      the same segment who got none (target +5–15 %)</small></h2>
    <table class="stats kpi-conversion-table"><thead><tr><th>${query.split ?? 'replies'}</th><th>Replies to customers</th><th>Matched</th><th>Ordered</th>
      <th>Conversion</th><th>Baseline</th><th>Lift</th></tr></thead>
    <tbody>${total ? row('all', total) : ''}${breakdown.map((r) => row(r.group, r))}</tbody></table>
    <h3>Complementary products named in replies</h3>
    ${complements.length === 0 ? html`<p class="empty">No reply named a complementary product in this range.</p>`
      : html`<table class="stats kpi-complements"><thead><tr><th>Product</th><th>Replies naming it</th><th>Bought within ${data.conversionWindowDays} days</th><th>Rate</th><th>Baseline</th></tr></thead>
      <tbody>${complements.map((c) => html`<tr data-sku="${c.sku}"><td>${c.sku}</td><td>${c.replies}</td><td>${c.bought}</td><td>${pct(c.rate)}</td><td>${pct(c.baseline)}</td></tr>`)}</tbody></table>`}
    <p class="muted">Segments: VIP or not, language, orders before the range (0, 1, 2+); replies whose segment has no such customer are left out of the
      comparison. Method: services/src/kpi/README.md.</p></section>`;
}

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
    ${conversionSection(data)}
    <section><h2>Topics that re-escalate <small>automatic replies the customer answered within 7 days about the same matter</small></h2>
      ${topics.length === 0 ? html`<p class="empty">None in this range.</p>` : html`<table class="stats kpi-topics"><thead><tr><th>Intent</th><th>Re-escalated</th><th>Examples</th></tr></thead>
      <tbody>${topics.map((t) => html`<tr><td>${t.intent}</td><td>${t.reescalated}</td>
        <td>${t.examples.map((k) => html`<a href="/emails/${k}">${k.slice(0, 10)}…</a> `)}</td></tr>`)}</tbody></table>`}</section>`, reviewer);
}
