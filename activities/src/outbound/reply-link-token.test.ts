import { signLinkToken, verifyLinkToken } from './reply-link-token';

const SECRET = 'unit-test-link-secret-0123456789abcdef';
const KEY = 'a1'.repeat(32);
const NOW = new Date('2026-03-10T09:00:00Z');
const LATER = new Date('2026-04-09T09:00:00Z');

const token = (purpose: 'csat' | 'optout' = 'csat', expiresAt = LATER, emailKey = KEY) => signLinkToken(SECRET, { purpose, emailKey, expiresAt });

/** The token with one character of part `index` (0 purpose, 1 key, 2 expiry, 3 signature) replaced. */
function tampered(value: string, index: number, replace: (part: string) => string): string {
  const parts = value.split('.');
  parts[index] = replace(parts[index]!);
  return parts.join('.');
}

test('a signed token verifies for its purpose and gives back the email key and the expiry (to the second)', () => {
  const check = verifyLinkToken(SECRET, token(), 'csat', NOW);
  expect(check).toEqual({ ok: true, claims: { purpose: 'csat', emailKey: KEY, expiresAt: LATER } });
});

test('the token carries no address, name or hex key in clear, and is short enough for a mail line', () => {
  const value = token();
  expect(value).not.toContain(KEY);
  expect(value).toMatch(/^csat\.[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
  expect(value.length).toBeLessThan(110);
});

test('a changed email key, expiry or signature is refused as a bad signature', () => {
  const value = token();
  const otherKey = signLinkToken(SECRET, { purpose: 'csat', emailKey: 'b2'.repeat(32), expiresAt: LATER }).split('.')[1]!;
  expect(verifyLinkToken(SECRET, tampered(value, 1, () => otherKey), 'csat', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  const laterExpiry = Math.floor(LATER.getTime() / 1000 + 86_400 * 365).toString(36);
  expect(verifyLinkToken(SECRET, tampered(value, 2, () => laterExpiry), 'csat', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  const flipped = tampered(value, 3, (sig) => (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
  expect(verifyLinkToken(SECRET, flipped, 'csat', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  expect(verifyLinkToken('another-secret-of-the-same-size-0123456', value, 'csat', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
});

test('a rating token does not open the opt-out, and a purpose rewritten in the token breaks its signature', () => {
  expect(verifyLinkToken(SECRET, token('csat'), 'optout', NOW)).toEqual({ ok: false, reason: 'wrong_purpose' });
  expect(verifyLinkToken(SECRET, token('optout'), 'csat', NOW)).toEqual({ ok: false, reason: 'wrong_purpose' });
  expect(verifyLinkToken(SECRET, tampered(token('csat'), 0, () => 'optout'), 'optout', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
});

test('an expired token is refused; it works up to its last second', () => {
  expect(verifyLinkToken(SECRET, token(), 'csat', new Date(LATER.getTime() - 1000)).ok).toBe(true);
  expect(verifyLinkToken(SECRET, token(), 'csat', LATER)).toEqual({ ok: false, reason: 'expired' });
});

test('garbage is malformed, not an exception', () => {
  for (const value of ['', 'csat', 'csat.x.y.z', `${token()}.extra`, token().replace('csat', 'admin'), '../../etc/passwd']) {
    expect(verifyLinkToken(SECRET, value, 'csat', NOW)).toEqual({ ok: false, reason: 'malformed' });
  }
});

test('only an email key (64 hex) can be signed', () => {
  expect(() => signLinkToken(SECRET, { purpose: 'csat', emailKey: 'C0042', expiresAt: LATER })).toThrow(/email key/);
});
