/** Accounts of the review tool, for admins: who has which role; disable an account (its sessions end at once). */
import type { ReviewerRow } from '@replique/activities/adapters/pg/reviewers';
import type { Reviewer } from '../auth/session-auth';
import { html } from './html';
import { page } from './layout';

export function usersPage(users: Omit<ReviewerRow, 'passwordHash'>[], admin: Reviewer): string {
  return page('Accounts', html`<h1>Accounts</h1>
    <p class="muted">Create accounts and set passwords with <code>pnpm -s replique user add --role ROLE NAME</code>.</p>
    <table class="stats"><thead><tr><th>Name</th><th>Role</th><th>Status</th><th></th></tr></thead><tbody>
    ${users.map((u) => html`<tr><td>${u.name}</td><td>${u.role}</td><td>${u.disabledAt ? 'disabled' : 'active'}</td><td>
      ${u.disabledAt || u.name === admin.name ? '' : html`<form method="post" action="/admin/users/${u.name}/disable" class="inline">
        <input type="hidden" name="_csrf" value="${admin.csrfToken}"><button type="submit">Disable</button></form>`}</td></tr>`)}
    </tbody></table>`, admin);
}
