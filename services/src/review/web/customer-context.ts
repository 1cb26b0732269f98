/** The customer beside the email: who they are in the CRM, their recent orders, their earlier mail. */
import type { Reviewer } from '../auth/session-auth';
import { isGdprEscalation, mayExportCustomerData } from '../gdpr-request';
import type { EmailPageData } from '../email-data';
import { html, type SafeHtml } from './html';

export function customerContext(data: EmailPageData, reviewer: Reviewer): SafeHtml {
  const enrichment = data.item.emailCase?.enrichment;
  const from = data.item.emailCase?.parsed.from;
  const c = data.customer;
  return html`<section class="customer"><h2>Customer</h2>
    <p><b>${c ? `${c.first_name} ${c.last_name}` : from?.name || '(unknown)'}</b>
      ${from ? html`&lt;${from.address}&gt;` : ''}
      ${c?.vip ? html`<span class="tag">VIP</span>` : ''} ${c?.ai_opt_out ? html`<span class="tag guard">AI opt-out</span>` : ''}</p>
    ${c ? html`<p class="muted">Customer ${c.id} since ${c.created_at.slice(0, 10)} · ${c.language}${c.notes ? html` · ${c.notes}` : ''}</p>`
      : html`<p class="muted">Not matched to a CRM customer (${enrichment?.customerMatch ?? 'none'}).</p>`}
    ${c && !c.ai_opt_out ? html`<form method="post" action="/emails/${data.item.emailKey}/ai-opt-out" class="inline opt-out">
      <input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
      <button type="submit" title="The customer asked for a person: no automatic reply from their next email on">A person from now on (AI opt-out)</button>
    </form>` : ''}
    ${c && isGdprEscalation(data.item) && mayExportCustomerData(reviewer) ? html`<form method="post" action="/emails/${data.item.emailKey}/gdpr-export" class="inline gdpr-export">
      <input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
      <button type="submit" title="Everything held about this customer, as replique gdpr export gives it (JSON, audited)">Export customer data</button>
    </form>` : ''}
    ${enrichment?.flags.length ? html`<p>${enrichment.flags.map((f) => html`<span class="tag guard">${f}</span>`)}</p>` : ''}
    <h3>Orders</h3>
    ${data.orders.length === 0 ? html`<p class="muted">none</p>` : html`<table class="orders"><tr><th>Order</th><th>Date</th>
      <th>Status</th><th>Total</th><th>Carrier</th><th>Refunded</th></tr>
      ${data.orders.map((o) => html`<tr${o.number === enrichment?.orderNumber || enrichment?.orderCandidates?.includes(o.number) ? html` class="mentioned"` : ''}>
        <td>${o.number}</td><td>${o.ordered_at.slice(0, 10)}</td><td>${o.status}</td><td>${o.total.toFixed(2)} ${o.currency}</td>
        <td>${o.carrier ?? ''} ${o.tracking_number ?? ''}</td><td>${o.refunded_amount ? o.refunded_amount.toFixed(2) : ''}</td></tr>`)}
      </table>`}
    <h3>Earlier mail</h3>
    ${data.history.length === 0 ? html`<p class="muted">none</p>` : html`<ul class="history">
      ${data.history.map((h) => html`<li>${h.createdAt.toISOString().slice(0, 16).replace('T', ' ')} · ${h.intent ?? '?'} ·
        ${h.state} · ${h.subject ?? ''}</li>`)}</ul>`}
  </section>`;
}
