/**
 * Who is asking: the session cookie (HttpOnly, SameSite=Strict) resolved against the sessions table, the role
 * checks, and the CSRF synchronizer token every state-changing request must echo (form field `_csrf` or header
 * `x-csrf-token`). Pages answer an anonymous request with a redirect to /login; everything else with 401.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { createSession, deleteSession, findSession, type SessionRow } from '@replique/activities/adapters/pg/review-sessions';
import type { ReviewerRole } from '@replique/activities/adapters/pg/reviewers';

export const SESSION_COOKIE = 'rq_session';
export const LOGIN_CSRF_COOKIE = 'rq_login_csrf';
const SESSION_TTL_SECONDS = 10 * 3600;

export interface Reviewer {
  name: string;
  role: ReviewerRole;
  csrfToken: string;
}

export function reviewerOf(res: Response): Reviewer {
  const reviewer = res.locals.reviewer as Reviewer | undefined;
  if (!reviewer) throw new Error('reviewerOf: route is not behind requireReviewer');
  return reviewer;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      // A malformed cookie is ignored, never trusted.
    }
  }
  return cookies;
}

export function cookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Opens a session; returns the Set-Cookie value. */
export async function openSession(db: Queryable, reviewerId: string, secure: boolean): Promise<string> {
  const token = randomToken();
  await createSession(db, { tokenHash: hashToken(token), reviewerId, csrfToken: randomToken(), ttlSeconds: SESSION_TTL_SECONDS });
  return cookie(SESSION_COOKIE, token, { secure, maxAgeSeconds: SESSION_TTL_SECONDS });
}

export async function closeSession(db: Queryable, req: Request): Promise<void> {
  const token = parseCookies(req.get('cookie'))[SESSION_COOKIE];
  if (token) await deleteSession(db, hashToken(token));
}

async function sessionOf(db: Queryable, req: Request): Promise<SessionRow | null> {
  const token = parseCookies(req.get('cookie'))[SESSION_COOKIE];
  return token ? findSession(db, hashToken(token)) : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses anyone without a live session (pages: redirect to /login; other requests: 401), and any state-changing
 * request whose CSRF token does not match the session's (403).
 */
export function requireReviewer(db: Queryable) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const session = await sessionOf(db, req);
    if (!session) {
      if (req.method === 'GET' && req.accepts(['html', 'json']) === 'html') {
        return void res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      }
      return void res.status(401).json({ error: 'login required' });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
      if (!sameToken(given, session.csrfToken)) return void res.status(403).json({ error: 'missing or invalid CSRF token' });
    }
    res.locals.reviewer = { name: session.reviewer, role: session.role, csrfToken: session.csrfToken } satisfies Reviewer;
    res.set('cache-control', 'no-store');
    next();
  };
}

// A lead is a senior who also edits the live policy (/policy) and sees the KPIs (/kpi); an admin may do everything a lead
// may, and manage accounts.
// A prompt owner ranks as a reviewer in the queue; the template and prompt pages (/templates) are theirs, and a lead's.
const RANK: Record<ReviewerRole, number> = { reviewer: 1, prompts: 1, senior: 2, lead: 3, admin: 4 };

export function hasRole(reviewer: Reviewer, atLeast: ReviewerRole): boolean {
  if (atLeast === 'prompts') return reviewer.role === 'prompts' || RANK[reviewer.role] >= RANK.lead;
  return RANK[reviewer.role] >= RANK[atLeast];
}
