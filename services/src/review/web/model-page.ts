/**
 * The meaning model, for leads: the version in force (its file's `version`, the name every decision records), one
 * button back to the version before, the stored versions (publish with the CLI) and who put which in force when.
 */
import type { ModelActivationRow, ModelVersionRow } from '@replique/activities/adapters/pg/model-versions';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export interface ModelPageInput {
  reviewer: Reviewer;
  active: { activation: ModelActivationRow; row: ModelVersionRow } | null;
  versions: ModelVersionRow[];
  activations: ModelActivationRow[];
  /** The features this code computes: a stored model over other features cannot be put in force. */
  featureVersion: string;
  error?: string | null;
  flash?: string | null;
}

const when = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
const ACTION = { seed: 'the committed file, stored at a worker’s start', publish: 'published', activate: 'activated', rollback: 'rolled back' } as const;

export function modelPage({ reviewer, active, versions, activations, featureVersion, error, flash }: ModelPageInput): string {
  const csrf = html`<input type="hidden" name="_csrf" value="${reviewer.csrfToken}">`;
  return page('Model', html`<h1>Meaning model</h1>
    ${flash ? html`<p class="flash" id="model-flash">${flash}</p>` : ''}
    ${error ? html`<pre class="error" id="model-error">${error}</pre>` : ''}
    <section>
      <h2>In force: <span id="in-force-version">${active ? `version ${active.row.version}` : '—'}</span>
        ${active ? html`<code id="in-force-model">${active.row.modelVersion}</code>
        <small>${ACTION[active.activation.action]}${active.activation.action === 'seed' ? '' : ` by ${active.activation.activatedBy}`}, ${when(active.activation.createdAt)} UTC</small>` : ''}</h2>
      <p class="muted">The model that reads the meaning of each email (intent, risk and routine heads). Workers take a publish or a
        rollback within seconds, without a restart; each decision records the model that classified it. Publish a new file with
        <code>pnpm -s replique model publish FILE</code>.</p>
      <form method="post" action="/model/rollback" class="action">${csrf}
        <button type="submit" id="model-rollback" class="danger">Roll back to the previous version</button></form>
    </section>
    <section>
      <h2>Versions</h2>
      <table class="stats" id="model-versions"><thead><tr><th>Version</th><th>Model</th><th>Published (UTC)</th><th>By</th><th>Note</th><th></th></tr></thead><tbody>
      ${versions.map((v) => html`<tr data-version="${v.version}"><td>${v.version}</td><td><code>${v.modelVersion}</code></td><td>${when(v.createdAt)}</td>
        <td>${v.createdBy}</td><td>${v.note ?? ''}</td><td>${v.version === active?.row.version ? html`<b>in force</b>`
          : v.featureVersion !== featureVersion ? html`<span class="muted">other features (${v.featureVersion}): not loadable by this code</span>`
            : html`<form method="post" action="/model/activate" class="inline">${csrf}<input type="hidden" name="version" value="${v.version}">
            <button type="submit" class="activate">Put in force</button></form>`}</td></tr>`)}
      </tbody></table>
    </section>
    <section>
      <h2>History</h2>
      <table class="stats" id="model-activations"><thead><tr><th>When (UTC)</th><th>Version</th><th>Model</th><th>Action</th><th>Who</th></tr></thead><tbody>
      ${activations.map((a) => html`<tr><td>${when(a.createdAt)}</td><td>${a.version}</td><td><code>${a.modelVersion}</code></td><td>${a.action}</td><td>${a.activatedBy}</td></tr>`)}
      </tbody></table>
    </section>`, reviewer);
}
