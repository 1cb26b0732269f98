/**
 * The weekly report page (role lead): the seed's loop for one ISO week — the KPI table against its targets beside the
 * week before, the topics that re-escalate with example emails and the templates/prompts involved, the reviewers'
 * edits by template, conversion after email. The same content as `replique report --week` (Markdown at /report.md).
 */
import type { WeeklyReport } from '@replique/activities/adapters/pg/weekly-report';
import { KPI_TARGETS } from '@replique/activities/kpi/kpi-definitions';
import { formatKpi, formatPercent, targetState } from '@replique/activities/kpi/kpi-format';
import type { Reviewer } from '../auth/session-auth';
import { html, type SafeHtml } from './html';
import { page } from './layout';

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
const num = (v: number | null) => (v === null ? '—' : v.toFixed(1));
const emailLinks = (keys: string[]) => keys.map((k) => html`<a href="/emails/${k}" title="${k}">${k.slice(0, 10)}…</a> `);

function kpiTable(report: WeeklyReport): SafeHtml {
  return html`<table class="stats report-kpis"><thead><tr><th>KPI</th><th>${report.week}</th><th>${report.previousWeek}</th><th>Target</th></tr></thead>
    <tbody>${KPI_TARGETS.map((t) => {
      const value = report.kpis ? (report.kpis[t.key] as number | null) : null;
      const before = report.previousKpis ? (report.previousKpis[t.key] as number | null) : null;
      return html`<tr data-kpi="${t.key}" class="${targetState(t, value)}"><td>${t.label}</td><td class="value">${formatKpi(t, value)}</td>
        <td>${formatKpi(t, before)}</td><td>${t.text}</td></tr>`;
    })}</tbody></table>`;
}

function topicsTable(report: WeeklyReport): SafeHtml {
  if (report.topics.length === 0) return html`<p class="empty">No automatic reply re-escalated this week.</p>`;
  return html`<table class="stats report-topics"><thead><tr><th>#</th><th>Topic (intent)</th><th>Re-escalated</th><th>Of automatic replies</th>
      <th>Templates/prompts</th><th>Example emails</th></tr></thead>
    <tbody>${report.topics.map((t, i) => html`<tr data-intent="${t.intent}"><td>${i + 1}</td><td>${t.intent}</td><td>${t.reescalated}</td>
      <td>${t.automated} (${pct(t.automated ? t.reescalated / t.automated : null)})</td>
      <td>${t.templates.map((x) => html`<code>${x.template}</code> ×${x.count} `)}</td><td>${emailLinks(t.examples)}</td></tr>`)}</tbody></table>`;
}

function editsTable(report: WeeklyReport): SafeHtml {
  if (report.edits.length === 0) return html`<p class="empty">No reviewer edit this week.</p>`;
  return html`<table class="stats report-edits"><thead><tr><th>Template/prompt</th><th>Edited</th><th>Sent after review</th>
      <th>Mean distance</th><th>Median</th><th>Largest</th><th>Example emails</th></tr></thead>
    <tbody>${report.edits.map((e) => html`<tr data-template="${e.template}"><td><code>${e.template}</code></td><td>${e.edited}</td><td>${e.reviewedSent}</td>
      <td>${num(e.distanceMean)}</td><td>${num(e.distanceMedian)}</td><td>${e.distanceMax ?? '—'}</td><td>${emailLinks(e.examples)}</td></tr>`)}</tbody></table>`;
}

function conversion(report: WeeklyReport): SafeHtml {
  const k = report.kpis;
  const complements = report.complements.length === 0 ? html`<p class="empty">No reply named a complementary product.</p>`
    : html`<table class="stats report-complements"><thead><tr><th>Complementary product</th><th>Replies naming it</th><th>Bought</th><th>Rate</th><th>Baseline</th></tr></thead>
      <tbody>${report.complements.map((c) => html`<tr data-sku="${c.sku}"><td>${c.sku}</td><td>${c.replies}</td><td>${c.bought}</td><td>${pct(c.rate)}</td><td>${pct(c.baseline)}</td></tr>`)}</tbody></table>`;
  return html`<p class="report-conversion">${k ? html`${k.conversionReplies} replies to known customers, ${k.conversionMatched} with a matched baseline:
    <b>${k.conversionConverted}</b> followed by an order within ${report.conversionWindowDays} days (${pct(k.conversionRate)}), against
    ${pct(k.conversionBaseline)} for customers of the same segments without a reply.` : 'No reply this week.'}</p>${complements}`;
}

export function reportPage(report: WeeklyReport, reviewer: Reviewer): string {
  const k = report.kpis;
  return page(`Weekly report ${report.week}`, html`<h1>Weekly report <small>${report.week}: ${report.from} – ${report.to} (UTC)</small></h1>
    <form method="get" action="/report" class="filters report-week">
      <label>week <input type="week" name="week" value="${report.week}"></label> <button type="submit">Show</button>
      <a href="/report.md?week=${report.week}">Markdown</a> <a href="/kpi?from=${report.from}&to=${report.to}">KPIs of the week</a>
    </form>
    <p class="muted">${k ? `${k.emails} customer emails: ${k.automated} answered automatically, ${k.reviews} reviews, ${k.escalations} escalations, ${k.slaBreaches} SLA breaches, ${k.factCheckBlocks} fact-check blocks.` : 'No customer email in this week.'}
      Definitions: services/src/kpi/README.md.</p>
    <section><h2>KPIs against their targets</h2>${kpiTable(report)}</section>
    <section><h2>Topics that re-escalate <small>top 20: automatic replies the customer answered within 7 days about the same matter</small></h2>${topicsTable(report)}</section>
    <section><h2>Reviewers' edits by template <small>Levenshtein distance between draft and sent text, characters</small></h2>${editsTable(report)}</section>
    <section><h2>Conversion after email <small>target +5–15 %</small></h2>${conversion(report)}</section>`, reviewer);
}
