/**
 * sendReply against the stack's smtp-sink (one file per accepted message) and against extra smtp-sinks that
 * answer 4xx / 5xx. Needs the local stack (Postgres, smtp-sink).
 */
import { randomUUID } from 'node:crypto';
import { sendReply, type SendReplyInput } from '../../activities/src/adapters/smtp/smtp-sender';
import { SmtpSendError } from '../../activities/src/adapters/smtp/smtp-errors';
import { createSmtpTransport, type SmtpTransport } from '../../activities/src/adapters/smtp/smtp-transport';
import { getSend } from '../../activities/src/adapters/pg/sent-mail';
import { readSinkMessages, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { stack, waitFor } from './stack-env';
import { registerTestEmail } from '../pg/email-fixture';

jest.setTimeout(30_000);

let db: TestDatabase;
let transport: SmtpTransport;

/** An inbound email row to hang sends on (sent_mail.email_key references emails). */
async function anEmail(): Promise<string> {
  return (await registerTestEmail(db.pool)).emailKey;
}

function aReply(emailKey: string, overrides: Partial<SendReplyInput> = {}): SendReplyInput {
  const id = randomUUID();
  return {
    sendKey: `send:${emailKey}:${id}`,
    emailKey,
    from: 'Réplique Support <support@replique.local>',
    to: { address: 'jeanne.martin@customer.test', name: 'Jeanne Martin' },
    subject: 'Re: où est ma commande ?',
    text: 'Bonjour Jeanne,\n\nVotre commande est partie hier.\n\nL’équipe',
    inReplyTo: `<original-${id}@customer.test>`,
    references: [`root-${id}@customer.test`, `<original-${id}@customer.test>`],
    autoSubmitted: true,
    messageId: `reply-${id}@replique.local`,
    ...overrides,
  };
}

const sinkCopies = (messageId: string) => readSinkMessages(stack.smtpSinkDir).filter((m) => m.messageId === messageId);

beforeAll(async () => {
  db = await withTestDatabase();
  transport = createSmtpTransport({ host: stack.smtp.host, port: stack.smtp.port, secure: false });
});

afterAll(async () => {
  transport.close();
  await db.close();
});

test('a reply reaches smtp-sink with its threading and idempotency headers', async () => {
  const emailKey = await anEmail();
  const reply = aReply(emailKey);
  const result = await sendReply({ db: db.pool, transport }, reply);

  expect(result).toMatchObject({ messageId: reply.messageId, sentNow: true });
  expect(result.smtpResponse).toMatch(/^250/);
  const [copy] = await waitFor('the reply in smtp-sink', () => {
    const copies = sinkCopies(reply.messageId);
    return copies.length > 0 ? copies : null;
  });
  expect(copy!.inReplyTo).toBe(reply.inReplyTo!.replace(/[<>]/g, ''));
  expect(copy!.references).toEqual(reply.references.map((r) => r.replace(/[<>]/g, '')));
  expect(copy!.header('auto-submitted')).toBe('auto-replied');
  expect(copy!.header('x-replique-send-key')).toBe(reply.sendKey);
  expect(copy!.rcptTo.join(' ')).toContain('jeanne.martin@customer.test');
  expect(copy!.body).toContain('Votre commande est partie hier.');
  expect(await getSend(db.pool, reply.sendKey)).toMatchObject({ status: 'accepted', messageId: reply.messageId });
});

test('a reviewed reply carries no Auto-Submitted header', async () => {
  const emailKey = await anEmail();
  const reply = aReply(emailKey, { autoSubmitted: false, inReplyTo: null, references: [] });
  await sendReply({ db: db.pool, transport }, reply);
  const [copy] = await waitFor('the reply in smtp-sink', () => {
    const copies = sinkCopies(reply.messageId);
    return copies.length > 0 ? copies : null;
  });
  expect(copy!.header('auto-submitted')).toBeUndefined();
  expect(copy!.header('in-reply-to')).toBeUndefined();
});

test('sending again with the same send key sends nothing: still one file', async () => {
  const emailKey = await anEmail();
  const reply = aReply(emailKey);
  const first = await sendReply({ db: db.pool, transport }, reply);
  const again = await sendReply({ db: db.pool, transport }, reply);
  const third = await sendReply({ db: db.pool, transport }, { ...reply, messageId: 'another-id@replique.local' });

  expect(first.sentNow).toBe(true);
  expect(again).toEqual({ messageId: reply.messageId, sentNow: false, smtpResponse: first.smtpResponse });
  expect(third.messageId).toBe(reply.messageId);
  await new Promise((resolve) => setTimeout(resolve, 500)); // a second copy, if any, would be on disk by now
  expect(sinkCopies(reply.messageId)).toHaveLength(1);
});

describe('SMTP failures are classified', () => {
  let sink: RunningSmtpSink | undefined;
  afterEach(async () => {
    await sink?.stop();
    sink = undefined;
  });

  async function sendThrough(options: Parameters<typeof startSmtpSink>[0]) {
    sink = await startSmtpSink(options);
    const faulty = createSmtpTransport({ host: '127.0.0.1', port: sink.port, secure: false });
    const emailKey = await anEmail();
    const reply = aReply(emailKey);
    try {
      const error = await sendReply({ db: db.pool, transport: faulty }, reply).then(
        () => null,
        (e: unknown) => e,
      );
      return { error, reply };
    } finally {
      faulty.close();
    }
  }

  test('4xx at RCPT → retryable, recorded as failed, the retry may then succeed', async () => {
    const { error, reply } = await sendThrough({ softReject: ['RCPT'] });
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as SmtpSendError).responseCode).toBeGreaterThanOrEqual(400);
    expect((error as SmtpSendError).responseCode).toBeLessThan(500);
    expect((error as Error).message).not.toContain('jeanne.martin@customer.test');
    const row = await getSend(db.pool, reply.sendKey);
    expect(row?.status).toBe('failed');
    expect(row?.smtpResponse ?? '').not.toContain('jeanne.martin@customer.test');

    // The retry, against a server that accepts, sends it once.
    const retried = await sendReply({ db: db.pool, transport }, reply);
    expect(retried.sentNow).toBe(true);
    expect(await getSend(db.pool, reply.sendKey)).toMatchObject({ status: 'accepted' });
  });

  test('5xx at DATA end → not retryable', async () => {
    const { error, reply } = await sendThrough({ hardReject: ['.'] });
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ retryable: false });
    expect((error as SmtpSendError).responseCode).toBeGreaterThanOrEqual(500);
    expect((await getSend(db.pool, reply.sendKey))?.status).toBe('failed');
  });

  test('421 and disconnect at MAIL → retryable', async () => {
    const { error } = await sendThrough({ disconnect421: ['MAIL'] });
    expect(error).toMatchObject({ retryable: true });
  });

  test('connection refused → retryable', async () => {
    sink = await startSmtpSink();
    const port = sink.port;
    await sink.stop();
    sink = undefined;
    const closed = createSmtpTransport({ host: '127.0.0.1', port, secure: false, connectionTimeoutMs: 2_000 });
    const emailKey = await anEmail();
    const error = await sendReply({ db: db.pool, transport: closed }, aReply(emailKey)).catch((e: unknown) => e);
    closed.close();
    expect(error).toMatchObject({ retryable: true, responseCode: null });
  });
});
