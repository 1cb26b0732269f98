/**
 * The signed tokens of the links a reply carries (rate this reply, ask for a person next time). A token names what
 * the link may do (its purpose), the reply it came with (the answered email's key: one reply per email, a SHA-256
 * that says nothing about anybody) and when it expires, and is signed with HMAC-SHA256 under a secret from
 * configuration. Nothing else is in the URL: no address, no name, no customer number.
 *
 *   <purpose>.<email key, base64url of its 32 bytes>.<expiry, unix seconds, base36>.<HMAC-SHA256, base64url>
 *
 * The signature covers the three fields as written, so changing any of them (another reply, a later expiry, the
 * opt-out purpose on a rating link) breaks it; it is compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const LINK_PURPOSES = ['csat', 'optout'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  purpose: LinkPurpose;
  emailKey: string;
  expiresAt: Date;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'wrong_purpose' | 'expired' };

/** A secret shorter than this is refused at configuration time (services/src/config). */
export const MIN_LINK_SECRET_LENGTH = 32;

const EMAIL_KEY = /^[0-9a-f]{64}$/;
const TOKEN = /^(csat|optout)\.([A-Za-z0-9_-]{43})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload, 'utf8').digest();
}

export function signLinkToken(secret: string, claims: LinkClaims): string {
  if (!EMAIL_KEY.test(claims.emailKey)) throw new Error('a link names an email key (64 hex characters)');
  const expiry = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expiry) || expiry <= 0) throw new Error('a link needs a valid expiry');
  const payload = `${claims.purpose}.${Buffer.from(claims.emailKey, 'hex').toString('base64url')}.${expiry.toString(36)}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** Checks the signature first (in constant time), then the purpose the route expects, then the expiry. */
export function verifyLinkToken(secret: string, token: string, expected: LinkPurpose, now: Date = new Date()): LinkCheck {
  const parts = TOKEN.exec(token);
  if (!parts) return { ok: false, reason: 'malformed' };
  const [, purpose, key, expiry, sig] = parts as unknown as [string, LinkPurpose, string, string, string];
  const given = Buffer.from(sig, 'base64url');
  const wanted = signature(secret, `${purpose}.${key}.${expiry}`);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'bad_signature' };
  if (purpose !== expected) return { ok: false, reason: 'wrong_purpose' };
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { purpose, emailKey: Buffer.from(key, 'base64url').toString('hex'), expiresAt } };
}
