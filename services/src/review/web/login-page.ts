/** The login form; its CSRF token is a double-submit cookie (there is no session yet to hold one). */
import { html } from './html';
import { page } from './layout';

export function loginPage(input: { csrf: string; next: string; error?: string }): string {
  return page('Log in', html`<section class="login">
    <h1>Log in</h1>
    ${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
    <form method="post" action="/login">
      <input type="hidden" name="_csrf" value="${input.csrf}">
      <input type="hidden" name="next" value="${input.next}">
      <label>Name <input name="name" autocomplete="username" required autofocus></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Log in</button>
    </form></section>`, null);
}
