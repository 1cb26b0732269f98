/**
 * The quarantine (`/quarantine`): emails that ended without being read, for every signed-in member of staff. Nothing
 * was sent for them; each row says why, in words, and links to the email's page. PII-free: no sender, no subject.
 */
import type { QuarantinedEmail } from '@replique/activities/adapters/pg/quarantined-emails';
import type { Reviewer } from '../auth/session-auth';
import { explainQuarantine } from '../quarantine-reasons';
import { html } from './html';
import { page, relative } from './layout';

export function quarantinePage(list: { total: number; emails: QuarantinedEmail[] }, reviewer: Reviewer, now = new Date()): string {
  return page('Quarantine', html`<h1>Quarantine</h1>
    <p id="quarantine-total" class="${list.total > 0 ? 'error' : 'flash'}">${list.total === 0 ? 'No quarantined email' : `${list.total} quarantined email${list.total > 1 ? 's' : ''}`}</p>
    <p class="muted">Nothing was sent for these emails and no reply will be: a person decides. The raw message is kept
      as received (until retention); answer the customer from the mailbox, or have an operator run the email again once
      the cause is fixed (<code>docs/operations.md</code>, <i>Stuck workflow</i>).</p>
    <table class="stats quarantine"><thead><tr><th>Quarantined</th><th>Reason</th><th>What it means</th><th>Mailbox</th><th>Size</th><th>Email</th></tr></thead><tbody>
    ${list.emails.map((e) => html`<tr class="quarantined" data-email-key="${e.emailKey}">
      <td class="age" title="${e.quarantinedAt.toISOString()}">${relative(e.quarantinedAt, now)}<br><small>received ${relative(e.receivedAt, now)}</small></td>
      <td><span class="tag reason">${e.reason ?? '?'}</span></td>
      <td>${explainQuarantine(e.reason)}</td>
      <td>${e.mailbox}</td>
      <td>${e.rawBytes === null ? '?' : `${e.rawBytes} bytes`}${e.rawPurged ? html`<br><small>purged</small>` : ''}</td>
      <td><a href="/emails/${e.emailKey}"><code>${e.emailKey.slice(0, 12)}…</code></a></td>
    </tr>`)}
    ${list.emails.length === 0 ? html`<tr><td colspan="6" class="muted">None.</td></tr>` : ''}
    </tbody></table>`, reviewer, { refreshSeconds: 60 });
}
