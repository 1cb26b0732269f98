import { authorise, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionValue } from './codec-auth';

const TOKEN = 'codec-token-0123456789abcdef';
const now = Date.UTC(2026, 0, 1);

describe('codec server authorisation', () => {
  it('accepts the bearer token, refuses another or none', () => {
    expect(authorise({ authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe('bearer');
    expect(authorise({ authorization: `bearer  ${TOKEN}` }, TOKEN)).toBe('bearer');
    expect(authorise({ authorization: 'Bearer codec-token-0123456789abcdeX' }, TOKEN)).toBeNull();
    expect(authorise({}, TOKEN)).toBeNull();
    expect(authorise({ authorization: `Basic ${TOKEN}` }, TOKEN)).toBeNull();
  });

  it('a wrong bearer token is refused even with a valid session cookie', () => {
    const cookie = `${SESSION_COOKIE}=${sessionValue(TOKEN, now)}`;
    expect(authorise({ authorization: 'Bearer wrong', cookie }, TOKEN, now)).toBeNull();
  });

  it('accepts a session cookie until it expires, and none signed with another token', () => {
    const cookie = `other=1; ${SESSION_COOKIE}=${sessionValue(TOKEN, now)}`;
    expect(authorise({ cookie }, TOKEN, now + 1000)).toBe('session');
    expect(authorise({ cookie }, TOKEN, now + SESSION_TTL_SECONDS * 1000 + 1000)).toBeNull();
    expect(authorise({ cookie }, 'another-token-0123456789abcdef', now)).toBeNull();
    const [expiry, signature] = sessionValue(TOKEN, now).split('.');
    expect(authorise({ cookie: `${SESSION_COOKIE}=${Number(expiry) + 3600}.${signature}` }, TOKEN, now)).toBeNull();
    expect(authorise({ cookie: `${SESSION_COOKIE}=garbage` }, TOKEN, now)).toBeNull();
  });
});
