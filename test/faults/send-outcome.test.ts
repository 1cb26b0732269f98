/**
 * A reply is never sent twice, even when an attempt cannot say whether the SMTP server accepted it: a crash
 * between the server's acceptance and markSendAccepted (the claim is left 'sending'), or a connection dropped
 * after the final dot without a reply. Such a send is not repeated: SendOutcomeUnknownError, for a person.
 * Refusals with an SMTP reply (4xx) and refused connections stay retryable, and the retry sends once.
 */
import { randomUUID } from 'node:crypto';
import { sendReply, SendOutcomeUnknownError, type SendReplyInput } from '../../activities/src/adapters/smtp/smtp-sender';
import { SmtpSendError } from '../../activities/src/adapters/smtp/smtp-errors';
import { createSmtpTransport } from '../../activities/src/adapters/smtp/smtp-transport';
import { beginSend, getSend } from '../../activities/src/adapters/pg/sent-mail';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startFaultSmtpPeer, type FaultSmtpPeer } from '../support/fault-smtp-sink';
import { registerTestEmail } from '../pg/email-fixture';

jest.setTimeout(60_000);

let db: TestDatabase;
let peer: FaultSmtpPeer;

beforeAll(async () => {
  db = await withTestDatabase();
  peer = await startFaultSmtpPeer();
});

afterAll(async () => {
  await peer?.stop();
  await db?.close();
});

/** An inbound email row to hang sends on (sent_mail.email_key references emails). */
async function anEmail(): Promise<string> {
  return (await registerTestEmail(db.pool)).emailKey;
}

function aReply(emailKey: string): SendReplyInput {
  const id = randomUUID();
  return {
    sendKey: `${emailKey}:reply`,
    emailKey,
    from: 'Réplique Support <support@replique.local>',
    to: { address: 'jeanne.martin@customer.test', name: 'Jeanne Martin' },
    subject: 'Re: où est ma commande ?',
    text: 'Bonjour Jeanne,\n\nVotre commande est partie hier.\n\nL’équipe',
    inReplyTo: `<original-${id}@customer.test>`,
    references: [],
    autoSubmitted: true,
    messageId: `reply-${id}@replique.local`,
  };
}

const copiesAtPeer = (messageId: string) => peer.messages().filter((m) => m.messageId === messageId).length;

async function withTransport<T>(work: (t: ReturnType<typeof createSmtpTransport>) => Promise<T>): Promise<T> {
  const transport = createSmtpTransport({ host: '127.0.0.1', port: peer.port, secure: false, socketTimeoutMs: 5_000 });
  try {
    return await work(transport);
  } finally {
    transport.close();
  }
}

test('a claim left "sending" by a crashed attempt is not sent again', async () => {
  await peer.switchTo([]);
  const reply = aReply(await anEmail());
  // The crashed attempt: claimed, (maybe) accepted by the server, never recorded.
  await beginSend(db.pool, { sendKey: reply.sendKey, emailKey: reply.emailKey, messageId: reply.messageId, toAddressHash: 'x' });
  const error = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SendOutcomeUnknownError);
  expect(copiesAtPeer(reply.messageId)).toBe(0);
  expect((await getSend(db.pool, reply.sendKey))?.status).toBe('sending');
});

test('a connection dropped after the final dot: outcome unknown, the retry sends nothing; one copy at the peer', async () => {
  await peer.switchTo(['-q', '.']);
  const reply = aReply(await anEmail());
  const first = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply)).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(SendOutcomeUnknownError);
  await peer.switchTo([]);
  const retry = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply)).catch((e: unknown) => e);
  expect(retry).toBeInstanceOf(SendOutcomeUnknownError);
  await new Promise((r) => setTimeout(r, 300));
  expect(copiesAtPeer(reply.messageId)).toBe(1); // the peer kept the one it received before dropping
});

test('4xx then a healthy server: retryable, and the retry sends exactly once', async () => {
  await peer.switchTo(['-r', 'RCPT']);
  const reply = aReply(await anEmail());
  const first = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply)).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(SmtpSendError);
  expect(first).toMatchObject({ retryable: true });
  expect((await getSend(db.pool, reply.sendKey))?.status).toBe('failed');
  await peer.switchTo([]);
  const sent = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply));
  expect(sent.sentNow).toBe(true);
  const again = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply));
  expect(again.sentNow).toBe(false);
  expect(copiesAtPeer(reply.messageId)).toBe(1);
});

test('a refused connection is certain (nothing was sent): retryable, not "unknown"', async () => {
  await peer.pause();
  const reply = aReply(await anEmail());
  const error = await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SmtpSendError);
  expect(error).toMatchObject({ retryable: true });
  await peer.switchTo([]);
  expect((await withTransport((t) => sendReply({ db: db.pool, transport: t }, reply))).sentNow).toBe(true);
  expect(copiesAtPeer(reply.messageId)).toBe(1);
});
