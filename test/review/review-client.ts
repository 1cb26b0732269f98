/**
 * A reviewer talking to the review tool over HTTP, as a browser would: login form (double-submit CSRF cookie),
 * session cookie, the CSRF token read from a page, form posts. Also creates accounts straight in Postgres.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { upsertReviewer, type ReviewerRole } from '@replique/activities/adapters/pg/reviewers';
import { hashPassword } from '@replique/services/review/auth/password';

export async function addReviewer(db: Queryable, name: string, role: ReviewerRole): Promise<string> {
  const password = `pw-${randomUUID()}`;
  await upsertReviewer(db, { name, role, passwordHash: await hashPassword(password) });
  return password;
}


export class ReviewClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, name: string, password: string): Promise<ReviewClient> {
    const client = new ReviewClient(baseUrl);
    const form = await client.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const res = await client.post('/login', { _csrf: csrf, name, password, next: '/queue' });
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
    const queue = await client.get('/queue');
    client.csrf = /name="_csrf" value="([^"]+)"/.exec(await queue.text())![1]!;
    return client;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string, accept = 'text/html'): Promise<Response> {
    const res = await fetch(this.baseUrl + path, { headers: { cookie: this.cookieHeader, accept }, redirect: 'manual' });
    this.keep(res);
    return res;
  }

  async post(path: string, form: Record<string, string | string[]>, accept = 'text/html'): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { cookie: this.cookieHeader, accept, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    this.keep(res);
    return res;
  }

  /** A decision as JSON (status + outcome), with the session's CSRF token. */
  async act(emailKey: string, action: string, fields: Record<string, string> = {}) {
    const res = await this.post(`/emails/${emailKey}/${action}`, { _csrf: this.csrf, ...fields }, 'application/json');
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

