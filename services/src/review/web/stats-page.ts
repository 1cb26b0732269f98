/** How much reviewers rewrite drafts: average similarity of sent text to draft per intent and template version. */
import type { EditSimilarityRow } from '@replique/activities/adapters/pg/review-edits';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export function statsPage(rows: EditSimilarityRow[], reviewer: Reviewer): string {
  return page('Edits', html`<h1>Reviewer edits</h1>
    <p class="muted">Similarity of the sent text to the draft (1 = sent as drafted). Low averages mark the intents and
      template/prompt versions reviewers rewrite most. JSON: <a href="/stats/edits.json">/stats/edits.json</a></p>
    ${rows.length === 0 ? html`<p class="empty">No edits yet.</p>` : html`<table class="stats"><thead><tr><th>Intent</th>
      <th>Template / prompt</th><th>Version</th><th>Edits</th><th>Average similarity</th></tr></thead><tbody>
      ${rows.map((r) => html`<tr><td>${r.intent ?? '?'}</td><td>${r.templateId ?? '?'}</td><td>${r.version ?? '?'}</td>
        <td>${r.edits}</td><td>${r.averageSimilarity.toFixed(3)}</td></tr>`)}</tbody></table>`}`, reviewer);
}
