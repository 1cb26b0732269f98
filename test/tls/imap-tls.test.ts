/**
 * IMAP over TLS, for real: a private Dovecot (infra/local/imap-instance.sh, the stack's config) with a certificate
 * for `localhost` signed by a CA made here with openssl, offering STARTTLS on its IMAP port and TLS at once on an
 * imaps port. The intake's poller, configured by the intake's schema (IMAP_REQUIRE_TLS, IMAP_SECURE,
 * IMAP_TLS_CA_FILE), reads a message after STARTTLS and on imaps (Dovecot logs each login as TLS); with another CA
 * it reads nothing; with STARTTLS required it refuses the stack's Dovecot, which offers none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { createImapPoller, type ImapPoller } from '../../activities/src/adapters/imap/imap-poller';
import { loadIntakeConfig } from '../../services/src/config/intake-config';
import { startImapInstance, type ImapInstance } from '../support/imap-instance';
import { createTestCa, type TestCa } from '../support/test-ca';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort } from '../support/smtp-sink';
import { waitFor } from '../adapters/stack-env';

jest.setTimeout(120_000);

let ca: TestCa;
let wrongCa: TestCa;
let dovecot: ImapInstance;
let imapsPort = 0;
let db: TestDatabase;
const pollers: ImapPoller[] = [];

beforeAll(async () => {
  ca = createTestCa('imap');
  wrongCa = createTestCa('imap-wrong');
  const server = ca.issue('server', { cn: 'localhost', altNames: ['DNS:localhost'] });
  imapsPort = await freePort();
  dovecot = await startImapInstance({ ...server, imapsPort });
  db = await withTestDatabase();
  // One message in the inbox, appended over STARTTLS with the CA.
  const admin = new ImapFlow({
    host: 'localhost', port: dovecot.port, secure: false, doSTARTTLS: true, tls: { ca: readFileSync(ca.caFile) },
    auth: { user: 'support', pass: 'secret' }, logger: false,
  });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.append('INBOX', Buffer.from(`From: a@customer.test\r\nTo: support@shop.test\r\nSubject: tls\r\nMessage-ID: <${randomUUID()}@customer.test>\r\n\r\nBonjour\r\n`));
  await admin.logout();
});

afterAll(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
  await dovecot?.remove();
  await db?.close();
  ca?.remove();
  wrongCa?.remove();
});

/** The intake's own IMAP settings from these variables, and a poller over them; what it accepts is collected. */
function poll(env: Record<string, string>): { poller: ImapPoller; accepted: Buffer[] } {
  const config = loadIntakeConfig({ INTAKE_HTTP_ENABLED: 'false', INTAKE_IMAP_ENABLED: 'true', IMAP_USER: 'support', IMAP_PASSWORD: 'secret', ...env });
  const { host, port, secure, requireTLS, tls, user, password } = config.imap!;
  const accepted: Buffer[] = [];
  const poller = createImapPoller(
    { db: db.pool, accept: async (raw) => { accepted.push(raw); return { duplicate: false }; } },
    { connection: { host, port, secure, requireTLS, tls, user, password }, checkpointKey: `tls-${randomUUID()}`, pollIntervalMs: 1_000, backoff: { initialMs: 200, maxMs: 1_000 } },
  );
  pollers.push(poller);
  poller.start();
  return { poller, accepted };
}

const tlsLogins = () => readFileSync(path.join(dovecot.home, 'logs', 'dovecot.log'), 'utf8').split('\n').filter((l) => /imap-login: (?:Info: )?Login: user=<support>.*, TLS\b/.test(l)).length;

test('STARTTLS required, with the CA: the poller reads the message, and Dovecot logged a TLS login', async () => {
  const before = tlsLogins();
  const { accepted } = poll({ IMAP_HOST: 'localhost', IMAP_PORT: String(dovecot.port), IMAP_REQUIRE_TLS: 'true', IMAP_TLS_CA_FILE: ca.caFile });
  await waitFor('the message read over STARTTLS', () => accepted.length === 1 || undefined, 30_000);
  expect(accepted[0]!.toString()).toContain('Subject: tls');
  expect(tlsLogins()).toBeGreaterThan(before);
});

test('IMAP_SECURE on the imaps port, with the CA: TLS from the first byte', async () => {
  const { accepted } = poll({ IMAP_HOST: 'localhost', IMAP_PORT: String(imapsPort), IMAP_SECURE: 'true', IMAP_TLS_CA_FILE: ca.caFile });
  await waitFor('the message read over imaps', () => accepted.length === 1 || undefined, 30_000);
});

test('another CA: no session, nothing read; STARTTLS required from a server without it: refused', async () => {
  const wrong = poll({ IMAP_HOST: 'localhost', IMAP_PORT: String(dovecot.port), IMAP_REQUIRE_TLS: 'true', IMAP_TLS_CA_FILE: wrongCa.caFile });
  await waitFor('two failed sessions', () => wrong.poller.stats().failures >= 2 || undefined, 30_000);
  expect(wrong.poller.stats()).toMatchObject({ connected: false, accepted: 0 });
  expect(wrong.poller.stats().lastError).toMatch(/certificate|self[- ]signed|unable to verify/i);

  const plain = await startImapInstance();   // the stack's configuration: no TLS at all
  try {
    const refused = poll({ IMAP_HOST: '127.0.0.1', IMAP_PORT: String(plain.port), IMAP_REQUIRE_TLS: 'true' });
    await waitFor('a refused session', () => refused.poller.stats().failures >= 1 || undefined, 30_000);
    expect(refused.poller.stats()).toMatchObject({ connected: false, accepted: 0 });
  } finally {
    await plain.remove();
  }
});
