/**
 * How much reviewers rewrite drafts (average similarity of sent text to draft per intent and template version), and
 * how the model behind drafts performs (calls, fallbacks, latency, tokens per model and prompt version).
 */
import type { ModelDraftStats } from '@replique/activities/adapters/pg/drafts';
import type { EditSimilarityRow } from '@replique/activities/adapters/pg/review-edits';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export function statsPage(rows: EditSimilarityRow[], models: ModelDraftStats[], reviewer: Reviewer): string {
  return page('Edits', html`<h1>Reviewer edits</h1>
    <p class="muted">Similarity of the sent text to the draft (1 = sent as drafted). Low averages mark the intents and
      template/prompt versions reviewers rewrite most. JSON: <a href="/stats/edits.json">/stats/edits.json</a></p>
    ${rows.length === 0 ? html`<p class="empty">No edits yet.</p>` : html`<table class="stats"><thead><tr><th>Intent</th>
      <th>Template / prompt</th><th>Version</th><th>Edits</th><th>Average similarity</th></tr></thead><tbody>
      ${rows.map((r) => html`<tr><td>${r.intent ?? '?'}</td><td>${r.templateId ?? '?'}</td><td>${r.version ?? '?'}</td>
        <td>${r.edits}</td><td>${r.averageSimilarity.toFixed(3)}</td></tr>`)}</tbody></table>`}
    <h2>Model drafts</h2>
    <p class="muted">Every draft the model was asked for, per model and prompt version: how many it wrote, how many fell
      back to the template (timeout, invalid answer), latency and tokens. JSON: <a href="/stats/drafts.json">/stats/drafts.json</a></p>
    ${models.length === 0 ? html`<p class="empty">No model drafts yet.</p>` : html`<table class="stats"><thead><tr><th>Model</th>
      <th>Prompt</th><th>Calls</th><th>Model drafts</th><th>Fallbacks</th><th>Latency avg / p95</th><th>Tokens in / out (avg)</th>
      </tr></thead><tbody>${models.map((m) => html`<tr><td>${m.model}</td><td>${m.promptId} v${m.promptVersion}</td>
        <td>${m.calls}</td><td>${m.modelDrafts}</td><td>${m.fallbacks}</td>
        <td>${(m.avgLatencyMs / 1000).toFixed(1)} s / ${(m.p95LatencyMs / 1000).toFixed(1)} s</td>
        <td>${m.avgPromptTokens ?? '—'} / ${m.avgCompletionTokens ?? '—'}</td></tr>`)}</tbody></table>`}`, reviewer);
}
