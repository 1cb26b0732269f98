/**
 * SMTP over TLS, for real where the parts allow it: Postfix's smtp-sink (the stack's SMTP peer) speaks no TLS, so
 * implicit TLS (SMTP_SECURE, port 465's way) is served by a TLS terminator in front of a private smtp-sink — node:tls
 * with a certificate for `localhost` signed by a CA made here with openssl. The worker's transport, configured by
 * the worker's schema (workerSmtpSettings), delivers through it with SMTP_TLS_CA_FILE, fails with another CA, and
 * with SMTP_REQUIRE_TLS refuses to send to the plain smtp-sink, which offers no STARTTLS. STARTTLS accepted by a
 * server is not exercised here (no SMTP server with STARTTLS runs on this machine; nodemailer's upgrade path).
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { createSmtpTransport } from '../../activities/src/adapters/smtp/smtp-transport';
import { loadWorkerConfig } from '../../services/src/config/worker-config';
import { workerSmtpSettings } from '../../services/src/worker/create-worker-deps';
import { createTestCa, type TestCa } from '../support/test-ca';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';

jest.setTimeout(60_000);

let ca: TestCa;
let wrongCa: TestCa;
let sink: RunningSmtpSink;
let terminator: tls.Server;
let tlsPort = 0;

beforeAll(async () => {
  ca = createTestCa('smtp');
  wrongCa = createTestCa('smtp-wrong');
  const server = ca.issue('server', { cn: 'localhost', altNames: ['DNS:localhost'] });
  sink = await startSmtpSink();
  terminator = tls.createServer({ cert: readFileSync(server.certFile), key: readFileSync(server.keyFile) }, (socket) => {
    const upstream = net.connect(sink.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
  tlsPort = (terminator.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => terminator?.close(resolve));
  await sink?.stop();
  ca?.remove();
  wrongCa?.remove();
});

/** One message through the worker's transport configured by these variables. */
async function send(env: Record<string, string>, subject: string): Promise<void> {
  const config = loadWorkerConfig({ SMTP_HOST: 'localhost', ...env });
  const transport = createSmtpTransport({ ...workerSmtpSettings(config), connectionTimeoutMs: 5_000 });
  try {
    await transport.sendMail({ from: 'support@replique.local', to: 'client@customer.test', subject, text: 'Bonjour' });
  } finally {
    transport.close();
  }
}

test('SMTP_SECURE with the CA: the reply goes over TLS and reaches the peer', async () => {
  await send({ SMTP_PORT: String(tlsPort), SMTP_SECURE: 'true', SMTP_TLS_CA_FILE: ca.caFile }, 'over implicit TLS');
  expect(sink.messages().map((m) => m.header('subject'))).toContain('over implicit TLS');
});

test('another CA: nothing is sent', async () => {
  await expect(send({ SMTP_PORT: String(tlsPort), SMTP_SECURE: 'true', SMTP_TLS_CA_FILE: wrongCa.caFile }, 'wrong CA'))
    .rejects.toThrow(/certificate|self[- ]signed|unable to verify/i);
  expect(sink.messages().map((m) => m.header('subject'))).not.toContain('wrong CA');
});

test('SMTP_REQUIRE_TLS: a relay that offers no STARTTLS gets nothing; without it the same relay takes the message', async () => {
  await expect(send({ SMTP_PORT: String(sink.port), SMTP_REQUIRE_TLS: 'true' }, 'STARTTLS required')).rejects.toThrow(/STARTTLS/i);
  await send({ SMTP_PORT: String(sink.port) }, 'plain allowed');
  const subjects = sink.messages().map((m) => m.header('subject'));
  expect(subjects).toContain('plain allowed');
  expect(subjects).not.toContain('STARTTLS required');
});
