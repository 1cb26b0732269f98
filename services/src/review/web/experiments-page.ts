/**
 * The experiments page (role lead): each experiment with its variants (version keys), the outcomes per variant from
 * the KPI tables, the fixed-horizon test's plan and state (running with how many outcomes are still needed, winner,
 * no difference, promoted), and the "promote" action (a CSRF-protected form; a person decides, it is audited).
 * A form at the end starts a new experiment from a JSON definition (the horizon is computed when it is saved).
 */
import type { ExperimentReport, VariantFigures } from '@replique/activities/adapters/pg/experiment-store';
import { METRICS } from '@replique/activities/experiments/metrics';
import type { ExperimentState } from '@replique/activities/experiments/readout';
import type { Reviewer } from '../auth/session-auth';
import { html, type SafeHtml } from './html';
import { page } from './layout';
import { formatDuration, formatPercent } from '@replique/activities/kpi/kpi-format';

export interface ExperimentsPageData {
  reports: ExperimentReport[];
  flash: string | null;
  error: string | null;
  draft: string | null;
}

/** The state in words, as the page and its JSON show it. */
export function stateText(report: ExperimentReport): string {
  const { experiment: e, state } = report;
  if (e.status === 'promoted') return `promoted: ${e.promotedVariant}`;
  if (state.kind === 'running') return `running: needs ${state.needed} more`;
  if (state.kind === 'winner') return `winner: ${state.winner}`;
  return 'no difference';
}

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));

function figureCells(f: VariantFigures | undefined): SafeHtml {
  if (!f) return html`<td colspan="7">—</td>`;
  return html`<td>${f.emails}</td><td>${pct(f.automationRate)}</td><td>${pct(f.csat)} <small>(${f.rated})</small></td>
    <td>${pct(f.reescalationRate)} <small>(${f.automated})</small></td>
    <td>${f.timeToCloseP50Seconds === null ? '—' : formatDuration(f.timeToCloseP50Seconds)}</td>
    <td>${f.editDistanceMean === null ? '—' : f.editDistanceMean.toFixed(1)} <small>(${f.edited})</small></td>
    <td class="conversion">${f.conversionMatched === 0 ? '—' : html`${pct(f.conversionRate)} <small>(${f.conversionConverted}/${f.conversionMatched}${f.conversionBaseline === null ? '' : `, baseline ${formatPercent(f.conversionBaseline)}`})</small>`}</td>`;
}

function armCell(report: ExperimentReport, variant: string): SafeHtml {
  const arm = report.arms.find((a) => a.variant === variant)!;
  const definition = METRICS[report.experiment.metric];
  const estimate = arm.n === 0 ? '—' : definition.type === 'proportion' ? formatPercent(arm.successes! / arm.n) : arm.mean!.toFixed(2);
  return html`<td data-arm-n="${arm.n}">${estimate} <small>(${arm.n} / ${report.plan.samplePerArm})</small></td>`;
}

function comparisonCell(state: ExperimentState, variant: string, control: string): SafeHtml {
  if (variant === control) return html`<td>control</td>`;
  if (state.kind === 'running') return html`<td class="muted">at the horizon</td>`;
  const c = state.comparisons.find((x) => x.variant === variant)!;
  return html`<td class="${c.better ? 'better' : c.significant ? 'worse' : ''}">${c.difference >= 0 ? '+' : ''}${c.difference.toFixed(3)}, p = ${c.p.toFixed(4)}</td>`;
}

function experimentSection(report: ExperimentReport, reviewer: Reviewer): SafeHtml {
  const { experiment: e, plan, state } = report;
  const definition = METRICS[e.metric];
  const control = e.variants.find((v) => v.isControl)!.name;
  const winner = e.status === 'running' && state.kind === 'winner' ? state.winner : null;
  return html`<section class="experiment" data-experiment="${e.id}">
    <h2>${e.title} <small><code>${e.id}</code> · ${e.kind} · by ${e.assignmentUnit}</small></h2>
    <p class="experiment-state state-${e.status === 'promoted' ? 'promoted' : state.kind}"><b>${stateText(report)}</b></p>
    <p class="muted">Judged on <b>${definition.label}</b> (${definition.better} is better, over ${definition.population}).
      Fixed horizon: ${plan.samplePerArm} outcomes per arm, for a difference of ${e.mde} at alpha ${e.alpha}
      (${plan.alphaPerComparison.toFixed(4)} per comparison) with power ${e.power}; read once, on the first ${plan.samplePerArm} of each arm.</p>
    <table class="stats experiment-variants"><thead><tr>
      <th>Variant</th><th>Version</th><th>Test (${definition.label})</th><th>vs control</th>
      <th>Emails</th><th>Automation</th><th>CSAT</th><th>Re-escalation</th><th>Time to close p50</th><th>Edit distance</th><th>Conversion</th><th></th>
    </tr></thead><tbody>
    ${e.variants.map((v) => html`<tr data-variant="${v.name}"${v.name === e.promotedVariant ? html` class="promoted"` : ''}>
      <td>${v.name}${v.isControl ? html` <small>(control)</small>` : ''}</td><td><code>${v.versionKey}</code></td>
      ${armCell(report, v.name)}${comparisonCell(state, v.name, control)}
      ${figureCells(report.figures.find((f) => f.variant === v.name))}
      <td>${e.status === 'running' ? promoteForm(e.id, v.name, v.name === winner, reviewer) : ''}</td>
    </tr>`)}
    </tbody></table>
    ${e.status === 'promoted' ? html`<p class="decision">Promoted <b>${e.promotedVariant}</b> by ${e.decidedBy} at ${e.decidedAt?.toISOString() ?? ''}${e.decisionNote ? html`: ${e.decisionNote}` : ''}.</p>` : ''}
  </section>`;
}

function promoteForm(id: string, variant: string, isWinner: boolean, reviewer: Reviewer): SafeHtml {
  return html`<form method="post" action="/experiments/${id}/promote" class="inline promote${isWinner ? ' winner' : ''}">
    <input type="hidden" name="_csrf" value="${reviewer.csrfToken}"><input type="hidden" name="variant" value="${variant}">
    <input type="text" name="note" placeholder="note" maxlength="500">
    <button type="submit">${isWinner ? 'Promote winner' : 'Promote'}</button></form>`;
}

const EXAMPLE = JSON.stringify({
  id: 'closing-tone-2027-01', kind: 'tone', title: 'Closing: shipped or warmer (template version 2)', metric: 'csat_positive', baseline: 0.8, mde: 0.05,
  alpha: 0.05, power: 0.8, assignmentUnit: 'conversation',
  variants: [{ name: 'shipped', versionKey: 'templates@1' }, { name: 'warmer', versionKey: 'templates@2' }],
}, null, 2);

export function experimentsPage(data: ExperimentsPageData, reviewer: Reviewer): string {
  return page('Experiments', html`<h1>Experiments <small>variants of a prompt or template, judged on a KPI</small></h1>
    ${data.flash ? html`<p class="flash">${data.flash}</p>` : ''}
    ${data.error ? html`<pre class="error" id="experiment-error">${data.error}</pre>` : ''}
    ${data.reports.length === 0 ? html`<p class="empty">No experiment yet.</p>` : data.reports.map((r) => experimentSection(r, reviewer))}
    <section class="new-experiment"><h2>New experiment</h2>
      <p class="muted">The first variant is the control. A version key names a saved template or prompt version
        (<code>templates@2</code>, <code>prompts@3</code>, from <a href="/templates">Templates</a>: in force, or with a passing
        activation check), a prompt of the code registry (<code>draft-reply@2.0.0</code>) or the current version of a code
        template (<code>order-status@1.1.0</code>). A tone, a length or a call to action is a template or prompt version that
        says it differently. The workers draft with it as soon as it starts; one running experiment per text. Promoting a
        saved version puts it in force for every email. Metrics: ${Object.keys(METRICS).join(', ')}. Baseline: the control's rate,
        or the outcome's standard deviation. The sample size per arm is computed when it is saved and never changes.</p>
      <form method="post" action="/experiments" class="experiment-editor">
        <input type="hidden" name="_csrf" value="${reviewer.csrfToken}">
        <textarea name="definition" id="experiment-definition" rows="14" cols="90">${data.draft ?? EXAMPLE}</textarea>
        <button type="submit" id="create-experiment">Start</button></form></section>`, reviewer);
}
