/**
 * One waiting email: what the customer wrote (and wrote again since, in the same thread), the draft with the facts it relies on highlighted, the guardrails
 * that fired, the customer and what the shop remembers of them (memory panel), the SLA, approvals so far ("1 of 2 approvals"), the claim, and the actions (a/e/r/x keys).
 * Every form carries the CSRF token and a fresh decisionId, so a double click is applied once.
 * An edit the guardrails blocked comes back here with its text, the checks that failed and a "send anyway" (a
 * confirmation box and a reason, overriding exactly the listed checks).
 */
import { randomUUID } from 'node:crypto';
import type { DraftGeneration } from '@replique/activities/domain/types';
import type { FailedCheck, ReviewView } from '@replique/workflows/contracts';
import { hasRole, type Reviewer } from '../auth/session-auth';
import type { EmailPageData } from '../email-data';
import { attachmentsSection } from './attachments-section';
import { customerContext } from './customer-context';
import { memoryPanel } from './memory-panel';
import { highlightFacts } from './highlight-facts';
import { html, type SafeHtml } from './html';
import { countdown, page } from './layout';

/** An edit the checks refused, shown again to the reviewer who wrote it. */
export interface BlockedEdit {
  subject: string;
  body: string;
  failed: FailedCheck[];
  reason: string;
}

export function emailPage(data: EmailPageData, reviewer: Reviewer, notice?: { error?: string; info?: string }, blocked?: BlockedEdit): string {
  const { item, view } = data;
  const parsed = item.emailCase?.parsed;
  const review = view?.review ?? null;
  const waiting = view ? view.state === 'waiting_review' || view.state === 'escalated' : ['waiting_review', 'escalated'].includes(item.state);
  const state = view?.state ?? item.state;
  // The mirror's reason when the workflow did not answer (a closed one may be slow to): a quarantine's, for instance.
  const stateReason = view ? view.stateReason : item.stateReason;
  const body = html`
    <nav class="pager">${data.previous ? html`<a rel="prev" href="/emails/${data.previous}">← previous (k)</a>` : ''}
      <a href="/queue">queue</a> ${data.next ? html`<a rel="next" href="/emails/${data.next}">next (j) →</a>` : ''}</nav>
    ${notice?.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
    ${notice?.info ? html`<p class="flash" role="status">${notice.info}</p>` : ''}
    <h1>${parsed?.subject || '(no subject)'}</h1>
    <p class="status"><span class="level ${state}">${state === 'escalated' ? 'level 2' : state === 'waiting_review' ? 'level 1' : state}</span>
      route <b>${item.route ?? '?'}</b> · intent <b>${item.intent ?? '?'}</b>
      ${stateReason ? html` · ${stateReason}` : ''}
      ${review && state === 'waiting_review' ? html` · ${countdown('reminder', review.remindAt)} · ${countdown('escalates', review.escalateAt)}` : ''}
      ${review?.remindedAt ? html` · <span class="tag">reminded</span>` : ''}
      ${review?.owner ? html` · owner <b>${review.owner}</b>` : ''}</p>
    <p class="approvals">${approvalsLine(review, item.approvalsRequired)}</p>
    ${claimLine(data, reviewer)}
    <p>${item.reasons.map((r) => html`<span class="tag reason">${r}</span>`)}</p>
    <div class="columns">
      <div>
        <section class="message"><h2>Customer's message</h2>
          <p class="muted">From ${parsed?.from?.name ?? ''} &lt;${parsed?.from?.address ?? '?'}&gt; · ${parsed?.date ?? ''}</p>
          <pre class="body">${item.emailCase?.cleaned.clean ?? parsed?.text ?? ''}</pre>
          ${item.emailCase?.cleaned.quoted ? html`<details><summary>Quoted history</summary><pre class="body">${item.emailCase.cleaned.quoted}</pre></details>` : ''}
        </section>
        ${attachmentsSection(item.emailKey, parsed?.attachments ?? [], data.pdfPreviews)}
        ${followUpsSection(data)}
        ${draftSection(data)}
        ${waiting ? actions(data, reviewer, blocked) : html`<p class="flash">This email was already handled (${state}).</p>`}
        ${decisionsSoFar(data)}
      </div>
      <div>
        ${customerContext(data, reviewer)}
        ${memoryPanel(item.emailCase?.memory, item.emailCase?.enrichment?.customerMatch === 'sender' && Boolean(item.emailCase.enrichment.customerId))}
      </div>
    </div>`;
  return page(parsed?.subject || 'Email', body, reviewer);
}

function approvalsLine(review: ReviewView | null, required: number): SafeHtml {
  const needed = review?.approvalsRequired ?? required;
  const given = review?.approvals ?? [];
  if (needed <= 1 && given.length === 0) return html``;
  return html`<b>${given.length} of ${needed} approvals</b>${given.length ? html` (${given.join(', ')})` : ''}
    ${needed > 1 ? html` · needs two different approvers` : ''}`;
}

function claimLine(data: EmailPageData, reviewer: Reviewer): SafeHtml {
  if (!data.claim) return html``;
  if (data.claim.reviewer === reviewer.name) {
    return html`<p class="claim mine">Claimed by you until ${data.claim.expiresAt.toISOString().slice(11, 16)} UTC.</p>`;
  }
  return html`<p class="claim other" role="alert">${data.claim.reviewer} is working on this email (claimed until
    ${data.claim.expiresAt.toISOString().slice(11, 16)} UTC).</p>`;
}

function draftSection(data: EmailPageData): SafeHtml {
  const draft = data.item.draft;
  const fired = data.item.emailCase?.guardrails?.fired ?? [];
  if (!draft) return html`<section class="draft"><h2>Draft</h2><p class="muted">No draft: write the reply (edit).</p></section>`;
  return html`<section class="draft"><h2>Draft <small>${draft.templateId} v${draft.version} · ${draft.generator}</small></h2>
    ${generationLine(draft.generation ?? null)}
    <p><b>${draft.subject}</b></p>
    <pre class="body" id="draft-body">${highlightFacts(draft.body, draft.facts)}</pre>
    <details open><summary>Facts the draft relies on</summary><dl class="facts">
      ${Object.entries(draft.facts).map(([k, v]) => html`<dt>${k}</dt><dd>${v === null ? '—' : String(v)}</dd>`)}</dl></details>
    <p>Guardrails fired: ${fired.length ? fired.map((g) => html`<span class="tag guard">${g}</span>`) : html`<span class="muted">none</span>`}</p>
  </section>`;
}

/** How the model call behind the draft went: who wrote it, with which prompt, how many tokens, how long it took. */
export function generationLine(g: DraftGeneration | null): SafeHtml {
  if (!g) return html``;
  const seconds = `${(g.latencyMs / 1000).toFixed(1)} s`;
  const prompt = `${g.promptId} v${g.promptVersion}`;
  if (g.fallbackReason !== null) {
    return html`<p class="generation muted">Template used: the model ${g.model} (prompt ${prompt}) failed after ${seconds}:
      ${g.fallbackReason}</p>`;
  }
  return html`<p class="generation muted">Written by the model ${g.model} (prompt ${prompt}): ${g.promptTokens ?? '?'} tokens in,
    ${g.completionTokens ?? '?'} out, ${seconds}.</p>`;
}

function actions(data: EmailPageData, reviewer: Reviewer, blocked?: BlockedEdit): SafeHtml {
  const key = data.item.emailKey;
  const level2 = (data.view?.state ?? data.item.state) === 'escalated';
  if (level2 && !hasRole(reviewer, 'senior')) {
    return html`<p class="muted">Level 2: a senior reviewer decides this email.</p>`;
  }
  const form = (action: string, label: string, extra: SafeHtml = html``, accesskey = '') => html`
    <form method="post" action="/emails/${key}/${action}" class="action" data-action="${action}" data-key="${accesskey}">
      <input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
      <input type="hidden" name="decisionId" value="${randomUUID()}">
      ${extra}<button type="submit">${label}</button></form>`;
  const draft = data.item.draft;
  return html`<section class="actions"><h2>Decide</h2>
    ${draft ? form('approve', 'Approve and send (a)', html``, 'a') : ''}
    ${blocked ? '' : lastBlockedEdit(data.view?.review ?? null)}
    ${editForm(key, reviewer, {
      subject: blocked?.subject ?? draft?.subject ?? `Re: ${data.item.emailCase?.parsed.subject ?? ''}`,
      body: blocked?.body ?? draft?.body ?? '',
    }, blocked)}
    ${form('reject', 'Reject: send nothing (r)', html`<input name="note" placeholder="why (optional)" aria-label="note">`, 'r')}
    ${level2 ? '' : form('escalate', 'Escalate to level 2 (x)', html`<input name="note" placeholder="why (optional)" aria-label="note">`, 'x')}
    ${hasRole(reviewer, 'senior') && data.view?.review?.owner !== reviewer.name ? form('takeover', 'Take over (own this email)') : ''}
  </section>`;
}

/**
 * The edit form. After a blocked edit it holds the reviewer's text, lists what failed, and offers "send anyway":
 * the main button re-checks the (fixed) text; "send anyway" needs the box ticked and a reason (the browser asks, the
 * server refuses without them), and overrides exactly the checks listed.
 */
function editForm(key: string, reviewer: Reviewer, text: { subject: string; body: string }, blocked?: BlockedEdit): SafeHtml {
  const checks = [...new Set(blocked?.failed.map((f) => f.check) ?? [])];
  return html`<form method="post" action="/emails/${key}/edit" class="action" data-action="edit" data-key="e">
      <input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
      <input type="hidden" name="decisionId" value="${randomUUID()}">
      <input name="subject" value="${text.subject}" aria-label="subject">
      <textarea name="body" rows="12" aria-label="reply">${text.body}</textarea>
      ${blocked ? failedChecks(blocked.failed, 'Checks that failed on your text') : ''}
      <button type="submit" formnovalidate>${blocked ? 'Check again and send (e)' : 'Send edited text (e)'}</button>
      ${blocked && checks.length ? html`<fieldset class="send-anyway"><legend>Send anyway</legend>
        ${checks.map((c) => html`<input type="hidden" name="override_checks" value="${c}">`)}
        <label><input type="checkbox" name="override_confirm" value="yes" required>
          I have read the failed checks (${checks.join(', ')}) and send this text anyway, on my name.</label>
        <input name="override_reason" value="${blocked.reason}" required maxlength="2000" placeholder="why it is right to send it (required)" aria-label="reason for sending anyway">
        <button type="submit" name="send_anyway" value="yes" class="danger">Send anyway</button>
      </fieldset>` : ''}
    </form>`;
}

function failedChecks(failed: FailedCheck[], title: string): SafeHtml {
  return html`<div class="failed-checks" role="alert"><p><b>${title}</b></p><ul>
    ${failed.map((f) => html`<li><span class="tag guard">${f.check}</span> ${f.message}</li>`)}</ul></div>`;
}

/** On a fresh page: the last edit the checks blocked (the workflow keeps which checks; the text was not taken). */
function lastBlockedEdit(review: ReviewView | null): SafeHtml {
  const blocked = review?.blockedEdit;
  if (!blocked) return html``;
  return failedChecks(blocked.failed, `The last edit, by ${blocked.reviewer}, was not sent: checks failed on it`);
}

/** The customer's newer messages in this thread: the draft below was written before them. */
function followUpsSection(data: EmailPageData): SafeHtml {
  if (data.followUps.length === 0) return html``;
  return html`<section class="message follow-ups"><h2>The customer wrote again (${data.followUps.length})</h2>
    <p class="muted">The draft was written before these messages; approvals given before them were reset.</p>
    ${data.followUps.map((f) => html`<p class="muted">${f.createdAt.toISOString().slice(0, 16).replace('T', ' ')}${f.intent ? html` · ${f.intent}` : ''}</p>
      <pre class="body">${f.text ?? '(being read…)'}</pre>`)}
  </section>`;
}

/** "sent over failed checks: fact_mismatch (reason)", for an edit sent anyway. */
function overrideNote(payload: Record<string, unknown>): SafeHtml {
  const override = payload.override as { checks?: unknown; reason?: unknown } | undefined;
  if (!override || !Array.isArray(override.checks)) return html``;
  return html` · <span class="tag guard">sent over failed checks: ${override.checks.join(', ')}</span> “${String(override.reason ?? '')}”`;
}

function decisionsSoFar(data: EmailPageData): SafeHtml {
  if (data.actions.length === 0) return html``;
  return html`<section class="trail"><h2>Decisions so far</h2><ul>
    ${data.actions.map((a) => html`<li>${a.createdAt.toISOString().slice(0, 16).replace('T', ' ')} · ${a.reviewer} · ${a.action}${overrideNote(a.payload)}</li>`)}
  </ul></section>`;
}
