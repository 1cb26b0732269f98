/**
 * The queue: waiting emails in priority order, each with its score and the parts that make it (queue-priority.ts),
 * level, route, reasons, guardrails, SLA countdown, approvals and claims; filters by route and intent; batch groups:
 * similar drafts (same intent + template) approvable in one click, and topics (same intent) approvable or rejectable
 * in one click (a reject needs its confirmation box ticked). j/k move, Enter opens.
 */
import type { Reviewer } from '../auth/session-auth';
import { batchGroups, type BatchGroup } from '../batch-groups';
import type { QueueRow } from '../queue-data';
import { html, type SafeHtml } from './html';
import { countdown, page, relative } from './layout';

export interface QueuePageInput {
  reviewer: Reviewer;
  rows: QueueRow[];
  /** How many emails wait in all (the page holds at most its limit). */
  waiting?: number;
  facets: { routes: string[]; intents: string[] };
  filter: { route?: string; intent?: string };
  flash?: string;
}

export function queuePage(input: QueuePageInput): string {
  const { rows, reviewer } = input;
  const body = html`
    <h1>Waiting for a person <small>${rows.length}</small></h1>
    ${input.waiting && input.waiting > rows.length
      ? html`<p class="error">${input.waiting} emails wait; this page orders the ${rows.length} that have waited longest.</p>` : ''}
    <p class="muted legend">Highest priority first. Priority = SLA risk (overdue 40 · ≤ 30 min 30 · ≤ 2 h 20 · ≤ 4 h 10)
      + urgency (high 20 · normal 10) + VIP 15 + negative tone 10 + level 2 10.</p>
    ${input.flash ? html`<p class="flash" role="status">${input.flash}</p>` : ''}
    ${filters(input)}
    ${batches(rows, reviewer)}
    ${rows.length === 0 ? html`<p class="empty">Nothing waiting. The queue refreshes by itself.</p>` : table(rows, reviewer)}
    <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · on an email: <kbd>a</kbd> approve ·
      <kbd>e</kbd> edit · <kbd>r</kbd> reject · <kbd>x</kbd> escalate · <kbd>j</kbd>/<kbd>k</kbd> next/previous</p>`;
  return page('Queue', body, reviewer, { refreshSeconds: 20 });
}

function filters(input: QueuePageInput): SafeHtml {
  const select = (name: string, values: string[], current: string | undefined) => html`
    <label>${name} <select name="${name}"><option value="">all</option>
      ${values.map((v) => html`<option value="${v}"${v === current ? html` selected` : ''}>${v}</option>`)}
    </select></label>`;
  return html`<form class="filters" method="get" action="/queue">
    ${select('route', input.facets.routes, input.filter.route)} ${select('intent', input.facets.intents, input.filter.intent)}
    <button type="submit">Filter</button></form>`;
}

function batches(rows: QueueRow[], reviewer: Reviewer): SafeHtml {
  const free = rows.filter((row) => !row.claim || row.claim.reviewer === reviewer.name);
  const groups = batchGroups(free);
  if (groups.length === 0) return html``;
  const fields = (group: BatchGroup<QueueRow>) => html`<input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
      <input type="hidden" name="group" value="${group.key}">
      ${group.members.map((m) => html`<input type="hidden" name="emailKey" value="${m.emailKey}">`)}`;
  const approve = (group: BatchGroup<QueueRow>) => html`<form method="post" action="/batch/approve" class="batch-approve">
      ${fields(group)}<button type="submit">Approve all ${group.members.length}</button></form>`;
  const similar = (group: BatchGroup<QueueRow>) => html`<div class="batch similar">
      <span>${group.key}: ${group.members.length} drafts</span> ${approve(group)}</div>`;
  const topic = (group: BatchGroup<QueueRow>) => {
    const templates = new Set(group.members.map((m) => m.draft!.templateId)).size;
    return html`<div class="batch topic" data-group="${group.key}">
      <details><summary>${group.key}: ${group.members.length} drafts (${templates} template${templates > 1 ? 's' : ''})</summary>
        <ul>${group.members.map((m) => html`<li><a href="/emails/${m.emailKey}">${m.emailCase?.parsed.subject || '(no subject)'}</a>
          <small class="muted">${m.draft!.templateId}</small></li>`)}</ul></details>
      ${approve(group)}
      <form method="post" action="/batch/reject" class="batch-reject">${fields(group)}
        <label><input type="checkbox" name="confirm" value="yes" required> nothing is sent to these ${group.members.length} customers</label>
        <button type="submit" class="danger">Reject all ${group.members.length}</button></form></div>`;
  };
  const similarGroups = groups.filter((g) => g.kind === 'similar');
  const topicGroups = groups.filter((g) => g.kind === 'topic');
  return html`<section class="batches">
    ${similarGroups.length ? html`<h2>Similar drafts</h2>${similarGroups.map(similar)}` : ''}
    ${topicGroups.length ? html`<h2>By topic</h2>${topicGroups.map(topic)}` : ''}
  </section>`;
}

function table(rows: QueueRow[], reviewer: Reviewer): SafeHtml {
  return html`<table class="queue"><thead><tr>
      <th>Priority</th><th>Level</th><th>SLA</th><th>Route</th><th>Intent</th><th>Customer</th><th>Subject</th><th>Reasons / guardrails</th>
      <th>Approvals</th><th>Claim</th></tr></thead>
    <tbody>${rows.map((row) => queueRow(row, reviewer))}</tbody></table>`;
}

function queueRow(row: QueueRow, reviewer: Reviewer): SafeHtml {
  const from = row.emailCase?.parsed.from;
  const fired = row.emailCase?.guardrails?.fired ?? [];
  const review = row.view?.review;
  const approvals = review ?? { approvals: [], approvalsRequired: row.approvalsRequired };
  const level = row.state === 'escalated' ? 'level 2' : 'level 1';
  const sla = row.state === 'waiting_review' && review
    ? (review.remindedAt ? countdown('escalates', review.escalateAt) : countdown('reminder', review.remindAt))
    : row.dueAt ? html`<span class="age" title="estimated from the default SLA">escalates ~${relative(row.dueAt)}</span>`
    : html`<span class="age">waiting ${relative(row.updatedAt).replace('ago', '')}</span>`;
  const claimedByOther = row.claim && row.claim.reviewer !== reviewer.name;
  return html`<tr class="queue-row${claimedByOther ? ' claimed' : ''}" data-href="/emails/${row.emailKey}">
    <td class="priority"><b class="score" title="priority score">${row.priority.score}</b>
      ${row.priority.parts.map((p) => html`<span class="tag part part-${p.factor}">${p.label} +${p.points}</span>`)}</td>
    <td><span class="level ${row.state}">${level}</span>${review?.owner ? html`<br><small>owner ${review.owner}</small>` : ''}</td>
    <td>${sla}</td>
    <td>${row.route ?? ''}</td>
    <td>${row.intent ?? ''}</td>
    <td>${from?.name || from?.address || '?'}${row.emailCase?.enrichment?.vip ? html` <span class="tag">VIP</span>` : ''}
      ${row.emailCase?.enrichment?.orderNumber ? html`<br><small>${row.emailCase.enrichment.orderNumber}</small>` : ''}</td>
    <td><a href="/emails/${row.emailKey}">${row.emailCase?.parsed.subject || '(no subject)'}</a></td>
    <td>${row.reasons.map((r) => html`<span class="tag reason">${r}</span>`)}${fired.map((g) => html`<span class="tag guard">${g}</span>`)}</td>
    <td>${approvals.approvalsRequired > 1 ? `${approvals.approvals.length} of ${approvals.approvalsRequired} approvals` : ''}</td>
    <td>${row.claim ? html`<span class="claim">${row.claim.reviewer === reviewer.name ? 'you' : row.claim.reviewer}</span>` : ''}</td>
  </tr>`;
}
