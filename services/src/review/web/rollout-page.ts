/**
 * The gated rollout, for leads: the step on the ladder and since when, the cohort's KPIs at this step against the
 * gate's thresholds (with their samples), what the gate says (and the button to confirm a proposed promotion), a
 * notice when the evaluator stepped back on its own, and the history of proposals, promotions and step backs.
 */
import type { RolloutEventRow } from '@replique/activities/adapters/pg/rollout-store';
import type { RolloutStatus } from '@replique/activities/rollout/evaluate-rollout';
import { KPI_LABELS, type KpiJudgement, type RolloutAction } from '@replique/activities/rollout/rollout-gate';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export interface RolloutPageInput {
  reviewer: Reviewer;
  status: RolloutStatus | null;
  history: RolloutEventRow[];
  error?: string | null;
  flash?: string | null;
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

const GATE_SAYS: Record<RolloutAction, string> = {
  propose: 'The cohort\'s KPIs hold over the minimum sample: promotion proposed.',
  hold: 'Holding at this step.',
  step_back: 'A KPI is past its threshold: the evaluator steps back at its next run.',
  manual: 'Not on the ladder: the gate measures only, a lead sets the percentage on the policy page.',
  stopped: 'No automatic reply (0 %): a lead starts the rollout at the first step.',
};

const STATUS_TEXT: Record<KpiJudgement['status'], string> = { ok: 'holds', breach: 'REGRESSION', too_few: 'too few to judge' };

function kpiRow(j: KpiJudgement) {
  return html`<tr class="kpi-${j.status}" data-kpi="${j.kpi}"><td>${KPI_LABELS[j.kpi]}</td><td class="num">${pct(j.value)}</td>
    <td class="num">${j.bound === 'max' ? '≤' : '≥'} ${pct(j.threshold)}</td><td class="num">${j.sample} <small class="muted">(judged from ${j.minSample})</small></td>
    <td>${STATUS_TEXT[j.status]}</td></tr>`;
}

/** The latest event, when it is an automatic step back: the notice stays until a lead promotes again. */
function stepBackNotice(history: RolloutEventRow[]) {
  const latest = history.find((e) => e.kind !== 'proposed');
  if (!latest || latest.kind !== 'step_back') return html``;
  return html`<section class="error" id="rollout-notice"><strong>Stepped back automatically ${latest.fromPercentage} % → ${latest.toPercentage} %</strong>
    on ${when(latest.createdAt)} (policy version ${latest.policyVersion}). ${latest.note ?? ''}
    <br><small>The alert RolloutSteppedBack fired. Fix the cause, then promote again when the KPIs hold.</small></section>`;
}

export function rolloutPage({ reviewer, status, history, error, flash }: RolloutPageInput): string {
  const csrf = html`<input type="hidden" name="_csrf" value="${reviewer.csrfToken}">`;
  if (!status) return page('Rollout', html`<h1>Gated rollout</h1><p class="muted">No policy version yet: the first worker seeds one.</p>`, reviewer);
  const { rollout, verdict, counts, step, daysAtStep } = status;
  const ladder = [0, ...rollout.steps];
  const promotable = (verdict.action === 'propose' || verdict.action === 'stopped') && verdict.to !== null;
  return page('Rollout', html`<h1>Gated rollout <small>policy version ${status.policyVersion}</small></h1>
    ${flash ? html`<p class="flash">${flash}</p>` : ''}
    ${error ? html`<pre class="error" id="rollout-error">${error}</pre>` : ''}
    ${stepBackNotice(history)}
    ${status.killSwitch ? html`<p class="error">The kill switch is on: no automatic reply leaves, whatever the step (<a href="/policy">policy</a>).</p>` : ''}
    <section>
      <h2>Step: <span id="rollout-step">${rollout.percentage} %</span> of customers</h2>
      <p class="ladder" id="rollout-ladder">${ladder.map((s) => html`<span class="${s === rollout.percentage ? 'step current' : 'step'}">${s} %</span> `)}</p>
      <p class="muted">Since policy version ${step.sinceVersion}, ${when(step.since)} (${daysAtStep.toFixed(1)} days). The cohort is a
        stable hash of the customer (their address, with the salt of the policy): a customer stays on one side, and one in
        the cohort at 1 % stays in it at 5 % and 25 %. Mail outside the cohort that would be answered automatically goes
        to review with the reason <code>rollout_holdback</code>.</p>
    </section>
    <section>
      <h2>Cohort KPIs at this step</h2>
      <p>${counts.emails} emails of the cohort, <strong id="rollout-automated">${counts.automated}</strong> answered automatically
        (a promotion needs ${rollout.gate.min_automated} and ${rollout.gate.min_days} days at the step).</p>
      <table class="stats" id="rollout-kpis"><thead><tr><th>KPI</th><th>Cohort</th><th>Threshold</th><th>Sample</th><th>Verdict</th></tr></thead>
        <tbody>${verdict.judgements.map(kpiRow)}</tbody></table>
    </section>
    <section>
      <h2>Gate: <span id="rollout-verdict">${verdict.action}</span></h2>
      <p>${GATE_SAYS[verdict.action]}</p>
      <ul id="rollout-reasons">${verdict.reasons.map((r) => html`<li>${r}</li>`)}</ul>
      ${promotable ? html`<form method="post" action="/rollout/promote" class="action">${csrf}
        <input type="hidden" name="from" value="${verdict.from}">
        <input name="note" placeholder="why (kept in the history)" size="40">
        <button type="submit" id="promote">Promote to ${verdict.to} %</button></form>` : ''}
      <p class="muted">The evaluator runs every few minutes (<code>rolloutWorkflow</code>); the thresholds are policy data
        (<code>rollout.gate</code> on the <a href="/policy">policy</a> page). CLI: <code>pnpm -s replique rollout status|promote</code>.</p>
    </section>
    <section>
      <h2>History</h2>
      <table class="stats" id="rollout-history"><thead><tr><th>When (UTC)</th><th>What</th><th>Step</th><th>Version</th><th>Who</th><th>Note</th></tr></thead><tbody>
      ${history.map((e) => html`<tr class="event-${e.kind}"><td>${when(e.createdAt)}</td><td>${e.kind.replace('_', ' ')}</td>
        <td>${e.fromPercentage} % → ${e.toPercentage} %</td><td>${e.policyVersion}</td><td>${e.createdBy}</td><td>${e.note ?? ''}</td></tr>`)}
      </tbody></table>
    </section>`, reviewer);
}
