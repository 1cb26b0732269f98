/** The page shell: head, the signed-in reviewer, navigation, logout (a CSRF-protected POST). */
import { hasRole, type Reviewer } from '../auth/session-auth';
import { html, type SafeHtml } from './html';

export function page(title: string, body: SafeHtml, reviewer: Reviewer | null, options: { refreshSeconds?: number } = {}): string {
  const header = reviewer
    ? html`<header>
        <a class="brand" href="/queue">Réplique review</a>
        <nav><a href="/queue">Queue</a> <a href="/stats/edits">Edits</a> <a href="/notices">Alerts</a> <a href="/quarantine">Quarantine</a>${hasRole(reviewer, 'lead') ? html` <a href="/policy">Policy</a> <a href="/rollout">Rollout</a> <a href="/kpi">KPIs</a> <a href="/experiments">Experiments</a> <a href="/model">Model</a> <a href="/report">Report</a>` : ''}${hasRole(reviewer, 'prompts') ? html` <a href="/templates">Templates</a>` : ''}${reviewer.role === 'admin' ? html` <a href="/admin/users">Accounts</a>` : ''}</nav>
        <span class="who">${reviewer.name} <small>(${reviewer.role})</small></span>
        <form method="post" action="/logout" class="inline">
          <input type="hidden" name="_csrf" value="${reviewer.csrfToken}"><button type="submit">Log out</button>
        </form>
      </header>`
    : html`<header><span class="brand">Réplique review</span></header>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Réplique review</title>
<link rel="stylesheet" href="/static/review.css">
<script src="/static/review.js" defer></script></head>
<body data-refresh="${options.refreshSeconds ?? 0}">${header}<main>${body}</main></body></html>`.value;
}

/** "in 1h 05m", "3m ago": SLA deadlines and ages; the page script keeps the countdowns live. */
export function relative(target: Date, now: Date = new Date()): string {
  const ms = target.getTime() - now.getTime();
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

export function countdown(label: string, iso: string | null | undefined): SafeHtml {
  if (!iso) return html``;
  const at = new Date(iso);
  const overdue = at.getTime() < Date.now();
  return html`<span class="sla${overdue ? ' overdue' : ''}" data-deadline="${at.toISOString()}" title="${at.toISOString()}">${label} <b>${relative(at)}</b></span>`;
}
