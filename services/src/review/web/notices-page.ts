/**
 * The notice board: alerts raised by Prometheus and delivered by Alertmanager (docs/monitoring.md), firing ones
 * first, for every signed-in member of staff. Each names its runbook section; the page refreshes itself.
 */
import type { AlertNotice } from '@replique/activities/adapters/pg/alert-notices';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page, relative } from './layout';

/** Labels that add nothing to the row (the name and severity have their columns). */
const SHOWN_ELSEWHERE = new Set(['alertname', 'severity']);

export function noticesPage(notices: AlertNotice[], reviewer: Reviewer, now = new Date()): string {
  const firing = notices.filter((n) => n.status === 'firing').length;
  return page('Alerts', html`<h1>Alerts</h1>
    <p id="alerts-firing" class="${firing > 0 ? 'error' : 'flash'}">${firing > 0 ? `${firing} alert${firing > 1 ? 's' : ''} firing` : 'No alert firing'}</p>
    <p class="muted">Raised by Prometheus from the processes' metrics, delivered by Alertmanager (also by mail to the leads).
      What each one means and what to do: <code>docs/monitoring.md</code>. Silence one with <code>amtool silence add</code>.</p>
    <table class="stats notices"><thead><tr><th>Status</th><th>Alert</th><th>Severity</th><th>Summary</th><th>Labels</th><th>Since</th><th>Runbook</th></tr></thead><tbody>
    ${notices.map((n) => html`<tr class="notice ${n.status}" data-alert="${n.alertname}">
      <td><span class="level${n.status === 'firing' ? ' escalated' : ''}">${n.status}</span></td>
      <td><b>${n.alertname}</b></td>
      <td>${n.severity ?? ''}</td>
      <td>${n.summary ?? ''}</td>
      <td>${Object.entries(n.labels).filter(([k]) => !SHOWN_ELSEWHERE.has(k)).map(([k, v]) => html`<span class="tag">${k}=${v}</span>`)}</td>
      <td class="age" title="${n.startsAt.toISOString()}">${relative(n.startsAt, now)}${n.endsAt ? html`<br><small>resolved ${relative(n.endsAt, now)}</small>` : ''}</td>
      <td>${n.runbook ?? ''}</td>
    </tr>`)}
    ${notices.length === 0 ? html`<tr><td colspan="7" class="muted">No alert received yet.</td></tr>` : ''}
    </tbody></table>`, reviewer, { refreshSeconds: 30 });
}
