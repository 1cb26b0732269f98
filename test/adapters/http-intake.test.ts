/**
 * HTTP intake (express router + intake core) against the stack's Postgres and Kafka, on an ephemeral port:
 * the same raw message posted 5× is stored once, has one emailKey, is reported as a duplicate 4×; auth,
 * media type, size limit and an unavailable Kafka answer clear errors (the accepted audit row is written with the store).
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Consumer, Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { createEmailProducer, type EmailProducer } from '../../activities/src/adapters/kafka/email-producer';
import { emailKeyFor } from '../../activities/src/domain/email-key';
import { auditTrail } from '../../activities/src/adapters/pg/audit-log';
import { startEventRelay, type EventRelay } from '../../activities/src/adapters/kafka/event-relay';
import { createHttpIntakeApp } from '../../services/src/intake/http-intake';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { captureInbound, type InboundCapture } from './inbound-capture';
import { deleteTopics, stack, waitFor } from './stack-env';
import { testVault } from '../support/data-keks';

jest.setTimeout(60_000);

const TOKEN = 'test-token-0123456789abcdef';
const id = randomUUID().slice(0, 8);
const topics = { inbound: `test.email.inbound.http.${id}`, events: `test.email.events.http.${id}` };

let db: TestDatabase;
let kafka: Kafka;
let producer: EmailProducer;
let capture: InboundCapture;
let server: Server;
let eventsConsumer: Consumer;
let relay: EventRelay;
const events: Array<{ emailKey: string; stage: string; event: string }> = [];
let base: string;

function listen(app: ReturnType<typeof createHttpIntakeApp>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
}

function rawEmail(messageId: string | null, body = 'Bonjour, où est ma commande CMD-1042 ?'): Buffer {
  return Buffer.from(
    [
      'From: Jeanne Martin <jeanne.martin@customer.test>',
      'To: support@shop.test',
      'Subject: Commande',
      ...(messageId ? [`Message-ID: <${messageId}>`] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

function post(raw: Buffer, options: { token?: string | null; type?: string; mailbox?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': options.type ?? 'message/rfc822' };
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
  const query = options.mailbox ? `?mailbox=${encodeURIComponent(options.mailbox)}` : '';
  return fetch(`${base}/intake/raw${query}`, { method: 'POST', headers, body: raw });
}

async function rawRows(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from raw_emails');
  return rows[0]!.n;
}

beforeAll(async () => {
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, 'replique-http-intake-test');
  await ensureTopics(kafka, [topics.inbound, topics.events], { numPartitions: 1 });
  producer = createEmailProducer(kafka, topics);
  await producer.connect();
  capture = await captureInbound(kafka, topics.inbound, `test-http-${id}`);
  eventsConsumer = kafka.consumer({ groupId: `test-http-events-${id}` });
  await eventsConsumer.connect();
  await eventsConsumer.subscribe({ topic: topics.events, fromBeginning: true });
  await eventsConsumer.run({
    eachMessage: async ({ message }) => {
      events.push(JSON.parse(message.value!.toString()) as (typeof events)[number]);
    },
  });
  // The intake's events go through the outbox: the worker's relay publishes them, here this one.
  relay = startEventRelay({ databaseUrl: db.databaseUrl, kafka, topic: topics.events, pollMs: 50 });
  const app = createHttpIntakeApp({ db: db.pool, vault: testVault(db.pool), producer, token: TOKEN, defaultMailbox: 'support', maxRawBytes: 64 * 1024 });
  server = await listen(app);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await capture?.stop();
  await relay?.stop();
  await eventsConsumer?.disconnect();
  await producer?.disconnect();
  if (kafka) await deleteTopics(kafka, [topics.inbound, topics.events]);
  await db?.close();
});

test('GET /healthz answers without auth', async () => {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the same raw posted 5 times: one raw row, one emailKey, 4 duplicates, published each time', async () => {
  const messageId = `${randomUUID()}@customer.test`;
  const raw = rawEmail(messageId);
  const before = await rawRows();
  const answers: Array<{ emailKey: string; duplicate: boolean }> = [];
  for (let i = 0; i < 5; i++) {
    const response = await post(raw);
    expect(response.status).toBe(202);
    answers.push((await response.json()) as { emailKey: string; duplicate: boolean });
  }
  expect(await rawRows()).toBe(before + 1);
  const keys = new Set(answers.map((a) => a.emailKey));
  expect(keys.size).toBe(1);
  const [emailKey] = [...keys];
  expect(answers.map((a) => a.duplicate)).toEqual([false, true, true, true, true]);
  const { rows } = await db.pool.query<{ sha256: string; source: string; mailbox: string }>('select sha256, source, mailbox from raw_emails order by id desc limit 1');
  expect(rows[0]).toMatchObject({ source: 'http', mailbox: 'support' });
  expect(emailKey).toBe(emailKeyFor('support', messageId, rows[0]!.sha256));

  // One audit event per attempt on email.events (through the outbox): accepted once, then duplicates.
  await waitFor('5 intake events', () => events.filter((e) => e.emailKey === emailKey).length === 5);
  expect(events.filter((e) => e.emailKey === emailKey).map((e) => e.event)).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
  expect(JSON.stringify(events)).not.toContain('customer.test');

  // Every attempt is published (an earlier publish may have been the one that failed); the starter dedups.
  await waitFor('5 inbound refs', () => capture.refs.filter((r) => r.emailKey === emailKey).length === 5);
  const refs = capture.refs.filter((r) => r.emailKey === emailKey);
  expect(new Set(refs.map((r) => r.rawId)).size).toBe(1);
  expect(refs[0]).toMatchObject({ mailbox: 'support', source: 'http' });
  // The accepted row (written by the raw message's insert) names the stored row, as each duplicate's does.
  const trail = await auditTrail(db.pool, emailKey!);
  expect(trail.map((e) => e.data)).toEqual(Array(5).fill({ source: 'http', rawId: refs[0]!.rawId, size: raw.length }));
});

test('a message without Message-ID is keyed by its content; another mailbox gives another key', async () => {
  const raw = rawEmail(null, `no id ${randomUUID()}`);
  const a = (await (await post(raw)).json()) as { emailKey: string; duplicate: boolean };
  const b = (await (await post(raw)).json()) as { emailKey: string; duplicate: boolean };
  const c = (await (await post(raw, { mailbox: 'billing' })).json()) as { emailKey: string; duplicate: boolean };
  expect(a.emailKey).toBe(b.emailKey);
  expect(b.duplicate).toBe(true);
  expect(c.emailKey).not.toBe(a.emailKey);
});

test('401 without a token or with a wrong one; nothing stored', async () => {
  const before = await rawRows();
  const raw = rawEmail(`${randomUUID()}@customer.test`);
  expect((await post(raw, { token: null })).status).toBe(401);
  const wrong = await post(raw, { token: 'not-the-token-at-all' });
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
  expect(await rawRows()).toBe(before);
});

test('415 for another media type, 400 for an empty body or a bad mailbox, 413 above the size limit', async () => {
  const raw = rawEmail(`${randomUUID()}@customer.test`);
  expect((await post(raw, { type: 'text/plain' })).status).toBe(415);
  expect((await post(Buffer.alloc(0))).status).toBe(400);
  expect((await post(raw, { mailbox: '../etc' })).status).toBe(400);
  const big = await post(rawEmail(`${randomUUID()}@customer.test`, 'x'.repeat(70 * 1024)), { type: 'application/octet-stream' });
  expect(big.status).toBe(413);
  expect(await big.json()).toMatchObject({ error: 'too_large' });
});

test('Kafka unavailable → 503, the raw is stored anyway, and the retry publishes it', async () => {
  const raw = rawEmail(`${randomUUID()}@customer.test`);
  const failing = { publishInbound: () => Promise.reject(new Error('broker down')) };
  const app = createHttpIntakeApp({ db: db.pool, vault: testVault(db.pool), producer: failing, token: TOKEN, defaultMailbox: 'support' });
  const down = await listen(app);
  try {
    const address = down.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}/intake/raw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
      body: raw,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  } finally {
    await new Promise<void>((resolve) => down.close(() => resolve()));
  }
  const before = await rawRows();
  const retry = await post(raw);
  expect(retry.status).toBe(202);
  const answer = (await retry.json()) as { emailKey: string; duplicate: boolean };
  expect(answer.duplicate).toBe(true);
  expect(await rawRows()).toBe(before);
  await waitFor('the retried publish', () => capture.refs.some((r) => r.emailKey === answer.emailKey));
  // The store's own statement wrote the accepted row, though its publish failed; the retry adds its duplicate row.
  expect((await auditTrail(db.pool, answer.emailKey)).map((e) => `${e.stage}:${e.event}`)).toEqual(['intake:accepted', 'intake:duplicate']);
});
