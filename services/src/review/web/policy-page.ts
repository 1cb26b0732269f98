/**
 * The live policy, for leads: whether automatic sending runs (and the kill switch), the policy document in force as
 * JSON to edit (validated on save; errors listed, the text kept), and every version with who, when and what changed.
 */
import type { PolicyVersionRow } from '@replique/activities/adapters/pg/policy-versions';
import { describePolicyChange } from '@replique/activities/triage/policy-diff';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export interface PolicyPageInput {
  reviewer: Reviewer;
  latest: PolicyVersionRow | null;
  history: PolicyVersionRow[];
  /** The text to show in the editor (what was submitted, after an error); default: the latest body. */
  draft?: string;
  error?: string | null;
  flash?: string | null;
}

export function policyPage({ reviewer, latest, history, draft, error, flash }: PolicyPageInput): string {
  const stopped = latest?.killSwitch ?? false;
  const csrf = html`<input type="hidden" name="_csrf" value="${reviewer.csrfToken}">`;
  return page('Policy', html`<h1>Live policy ${latest ? html`<small>version ${latest.version}, saved by ${latest.createdBy}
      ${latest.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</small>` : ''}</h1>
    ${flash ? html`<p class="flash">${flash}</p>` : ''}
    ${error ? html`<pre class="error" id="policy-error">${error}</pre>` : ''}
    <section class="kill-switch ${stopped ? 'stopped' : 'running'}">
      <h2>Automatic sending: <span id="automation-state">${stopped ? 'stopped (kill switch on)' : 'running'}</span></h2>
      <p class="muted">${stopped
        ? 'No automatic reply leaves: emails routed auto wait for a person, with the reason automation_paused.'
        : 'One click stops every automatic send within seconds; emails already routed auto and not yet sent go to review.'}</p>
      <form method="post" action="/policy/kill-switch" class="action">${csrf}
        <input type="hidden" name="state" value="${stopped ? 'off' : 'on'}">
        <input name="note" placeholder="why (kept in the history)" size="40">
        <button type="submit" id="kill-switch" class="${stopped ? '' : 'danger'}">${stopped ? 'Resume automatic sending' : 'Stop every automatic send'}</button>
      </form>
    </section>
    <section>
      <h2>Policy document</h2>
      <p class="muted">Routing thresholds, automated intents, rollout, escalation keywords. Checked before it is saved; the
        workers take a saved version within a second, without a restart. CLI: <code>pnpm -s replique policy set FILE</code>.</p>
      <form method="post" action="/policy" class="action policy-editor">${csrf}
        <input type="hidden" name="basedOn" value="${latest?.version ?? ''}">
        <textarea name="body" id="policy-body" rows="28" spellcheck="false">${draft ?? (latest ? JSON.stringify(latest.body, null, 2) : '')}</textarea>
        <input name="note" placeholder="what and why (kept in the history)" size="60">
        <button type="submit" id="save-policy">Save as version ${(latest?.version ?? 0) + 1}</button>
      </form>
    </section>
    <section>
      <h2>History</h2>
      <table class="stats" id="policy-history"><thead><tr><th>Version</th><th>When (UTC)</th><th>Who</th><th>Automatic sending</th>
        <th>What changed</th><th>Note</th></tr></thead><tbody>
      ${history.map((v) => html`<tr><td>${v.version}</td><td>${v.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
        <td>${v.createdBy}</td><td>${v.killSwitch ? 'stopped' : 'running'}</td>
        <td>${v.diff.length ? v.diff.map((c) => html`<div><code>${describePolicyChange(c)}</code></div>`) : html`<span class="muted">first version</span>`}</td>
        <td>${v.note ?? ''}</td></tr>`)}
      </tbody></table>
    </section>`, reviewer);
}
