/**
 * Who may use the codec server: a request with `Authorization: Bearer <CODEC_SERVER_TOKEN>` (the `temporal` CLI's
 * --codec-auth, scripts), or a browser holding the session cookie the /session page sets after the same token was
 * entered (the Temporal UI cannot send a header of its own, but sends cookies with "include cross-origin credentials").
 * The cookie is `expiry.HMAC-SHA256(token, expiry)`: nothing to store, void when the token changes.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'replique_codec_session';
export const SESSION_TTL_SECONDS = 8 * 3600;

export type CodecCaller = 'bearer' | 'session';

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function sessionValue(token: string, nowMs: number = Date.now()): string {
  const expiry = Math.floor(nowMs / 1000) + SESSION_TTL_SECONDS;
  return `${expiry}.${sign(token, expiry)}`;
}

function sign(token: string, expiry: number): string {
  return createHmac('sha256', token).update(`codec-session.${expiry}`).digest('base64url');
}

function validSession(value: string | undefined, token: string, nowMs: number): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expiry = Number(match[1]);
  return expiry * 1000 > nowMs && sameSecret(match[2], sign(token, expiry));
}

/** The caller, or null for a request that must be refused. */
export function authorise(
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  token: string,
  nowMs: number = Date.now(),
): CodecCaller | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (bearer !== undefined) return sameSecret(bearer, token) ? 'bearer' : null;
  return validSession(readCookie(headers.cookie, SESSION_COOKIE), token, nowMs) ? 'session' : null;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function sessionCookie(value: string, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${SESSION_TTL_SECONDS}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
