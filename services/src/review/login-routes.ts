/**
 * Login and logout. Login checks the scrypt hash (the same work for an unknown name), opens a server-side session
 * and sets its HttpOnly SameSite=Strict cookie; both ends are audited (who and when). Repeated failures for one
 * name are throttled.
 */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { findReviewerByName } from '@replique/activities/adapters/pg/reviewers';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import {
  closeSession, cookie, LOGIN_CSRF_COOKIE, openSession, parseCookies, randomToken, requireReviewer, reviewerOf, sameToken,
} from './auth/session-auth';
import { UNKNOWN_USER_HASH, verifyPassword } from './auth/password';
import { LoginThrottle } from './auth/login-throttle';
import { loginPage } from './web/login-page';

export function createLoginRouter(deps: { db: Queryable; cookieSecure: boolean }): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const throttle = new LoginThrottle();

  router.get('/login', (req, res) => {
    // Reused while it lives: a second tab (or the browser's favicon request landing here) must not void the first form.
    const existing = parseCookies(req.get('cookie'))[LOGIN_CSRF_COOKIE];
    const csrf = existing && /^[\w-]{43}$/.test(existing) ? existing : randomToken();
    res.set('set-cookie', cookie(LOGIN_CSRF_COOKIE, csrf, { secure: deps.cookieSecure, maxAgeSeconds: 3600 }));
    res.set('cache-control', 'no-store');
    res.type('html').send(loginPage({ csrf, next: safeNext(req.query.next) }));
  });

  router.post('/login', form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    const expected = parseCookies(req.get('cookie'))[LOGIN_CSRF_COOKIE];
    if (!expected || !sameToken(body._csrf, expected)) {
      return void res.status(403).type('html').send(loginPage({ csrf: randomToken(), next, error: 'Your login form expired; try again.' }));
    }
    const name = typeof body.name === 'string' ? body.name.trim().toLowerCase().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (throttle.blocked(name)) {
      await appendAudit(deps.db, { emailKey: null, stage: 'review-tool', event: 'login_throttled', data: { name } });
      return void res.status(429).type('html').send(loginPage({ csrf: expected, next, error: 'Too many failed attempts; wait 15 minutes.' }));
    }
    const account = name ? await findReviewerByName(deps.db, name) : null;
    const valid = await verifyPassword(password, account?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!account || !valid || account.disabledAt) {
      throttle.failed(name);
      await appendAudit(deps.db, { emailKey: null, stage: 'review-tool', event: 'login_failed', data: { name } });
      return void res.status(401).type('html').send(loginPage({ csrf: expected, next, error: 'Wrong name or password.' }));
    }
    throttle.succeeded(name);
    const sessionCookie = await openSession(deps.db, account.id, deps.cookieSecure);
    await appendAudit(deps.db, { emailKey: null, stage: 'review-tool', event: 'login', data: { reviewer: account.name, role: account.role } });
    res.set('set-cookie', [sessionCookie, cookie(LOGIN_CSRF_COOKIE, '', { secure: deps.cookieSecure, maxAgeSeconds: 0 })]);
    res.redirect(303, next);
  });

  router.post('/logout', form, requireReviewer(deps.db), async (req, res) => {
    await closeSession(deps.db, req);
    await appendAudit(deps.db, { emailKey: null, stage: 'review-tool', event: 'logout', data: { reviewer: reviewerOf(res).name } });
    res.set('set-cookie', cookie('rq_session', '', { secure: deps.cookieSecure, maxAgeSeconds: 0 }));
    res.redirect(303, '/login');
  });
  return router;
}

/** Only a local path: never `//host` or `https://...` (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) && !value.startsWith('/login') ? value : '/queue';
}
