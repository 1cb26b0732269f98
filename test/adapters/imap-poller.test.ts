/**
 * The IMAP poller against the stack's Dovecot (support/secret), each test run in its own folder, through the
 * real intake core into a fresh database and its own Kafka topic: messages are stored and published once,
 * flagged \Seen; a restarted poller resumes from its checkpoint; a message appended twice gets one emailKey;
 * a UIDVALIDITY change re-reads safely; an oversized message is flagged and skipped; a dropped connection is
 * re-opened.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import type { Kafka } from 'kafkajs';
import { createImapPoller, REJECTED_KEYWORD, type ImapPoller, type ImapPollerOptions } from '../../activities/src/adapters/imap/imap-poller';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { createEmailProducer, type EmailProducer } from '../../activities/src/adapters/kafka/email-producer';
import { getCheckpoint, saveCheckpoint } from '../../activities/src/adapters/pg/imap-checkpoints';
import { acceptRawEmail } from '../../services/src/intake/accept-raw-email';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort } from '../support/smtp-sink';
import { captureInbound, type InboundCapture } from './inbound-capture';
import { deleteTopics, stack, waitFor } from './stack-env';
import { testVault } from '../support/data-keks';

jest.setTimeout(90_000);

const runId = randomUUID().slice(0, 8);
const folder = `ReplTest-${runId}`;
const topics = { inbound: `test.email.inbound.imap.${runId}`, events: `test.email.events.imap.${runId}` };

let db: TestDatabase;
let kafka: Kafka;
let producer: EmailProducer;
let capture: InboundCapture;
let imap: ImapFlow;
const pollers: ImapPoller[] = [];

function message(n: number, messageId = `${randomUUID()}@customer.test`): Buffer {
  return Buffer.from(
    [
      'From: Jeanne Martin <jeanne.martin@customer.test>',
      'To: support@shop.test',
      `Subject: test ${n}`,
      `Message-ID: <${messageId}>`,
      'Date: Wed, 25 Nov 2026 10:00:00 +0100',
      '',
      `Message ${n} of run ${runId}`,
      '',
    ].join('\r\n'),
  );
}

function startPoller(overrides: Partial<ImapPollerOptions> = {}): ImapPoller {
  const poller = createImapPoller(
    {
      db: db.pool,
      accept: (raw) => acceptRawEmail({ db: db.pool, vault: testVault(db.pool), producer }, { raw, source: 'imap', mailbox: 'support' }),
    },
    {
      connection: stack.imap,
      folder,
      batchSize: 2,
      pollIntervalMs: 60_000, // new mail must be noticed through IDLE, well before this
      backoff: { initialMs: 200, maxMs: 1_000 },
      ...overrides,
    },
  );
  pollers.push(poller);
  poller.start();
  return poller;
}

async function stopAll(): Promise<void> {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
}

async function rawRows(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from raw_emails');
  return rows[0]!.n;
}

async function flagsOf(): Promise<Map<number, Set<string>>> {
  const lock = await imap.getMailboxLock(folder);
  try {
    const all = await imap.fetchAll('1:*', { uid: true, flags: true }, { uid: true });
    // Unsolicited FETCH responses (flag changes by the poller) come back too, without a UID.
    return new Map(all.filter((m) => m.uid).map((m) => [m.uid, m.flags ?? new Set<string>()]));
  } finally {
    lock.release();
  }
}

const checkpointKey = `${stack.imap.user}@${stack.imap.host}:${stack.imap.port}/${folder}`;

beforeAll(async () => {
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, 'replique-imap-test');
  await ensureTopics(kafka, [topics.inbound, topics.events], { numPartitions: 1 });
  producer = createEmailProducer(kafka, topics);
  await producer.connect();
  capture = await captureInbound(kafka, topics.inbound, `test-imap-${runId}`);
  imap = new ImapFlow({ ...stack.imap, auth: { user: stack.imap.user, pass: stack.imap.password }, logger: false, doSTARTTLS: false });
  imap.on('error', () => undefined);
  await imap.connect();
  await imap.mailboxCreate(folder);
});

afterEach(stopAll);

afterAll(async () => {
  await stopAll();
  if (imap?.usable) {
    await imap.mailboxDelete(folder).catch(() => undefined);
    await imap.logout();
  }
  await capture?.stop();
  await producer?.disconnect();
  if (kafka) await deleteTopics(kafka, [topics.inbound, topics.events]);
  await db?.close();
});

test('three new messages: stored and published once each, flagged \\Seen, checkpoint at the last UID', async () => {
  const poller = startPoller();
  await waitFor('the poller connected', () => poller.stats().connected);
  for (const n of [1, 2, 3]) await imap.append(folder, message(n));

  await waitFor('three accepted', () => poller.stats().accepted === 3);
  expect(await rawRows()).toBe(3);
  await waitFor('three refs on Kafka', () => capture.refs.length === 3);
  expect(new Set(capture.refs.map((r) => r.emailKey)).size).toBe(3);
  expect(capture.refs.every((r) => r.source === 'imap' && r.mailbox === 'support')).toBe(true);

  const flags = await flagsOf();
  expect([...flags.values()].every((f) => f.has('\\Seen'))).toBe(true);
  const checkpoint = await getCheckpoint(db.pool, checkpointKey);
  expect(checkpoint?.lastUid).toBe(Math.max(...flags.keys()));
});

test('a restarted poller resumes from its checkpoint: nothing re-delivered, mail that came meanwhile is read', async () => {
  const refsBefore = capture.refs.length;
  const rowsBefore = await rawRows();
  await imap.append(folder, message(4)); // arrives while no poller runs

  const poller = startPoller();
  await waitFor('the new message', () => poller.stats().accepted === 1);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a wrong re-delivery to show up
  expect(poller.stats()).toMatchObject({ accepted: 1, duplicates: 0 });
  expect(await rawRows()).toBe(rowsBefore + 1);
  await waitFor('one more ref', () => capture.refs.length === refsBefore + 1);
});

test('the same message appended twice → one raw row, one emailKey', async () => {
  const poller = startPoller({ maxBatchBytes: 1 }); // one body per download
  await waitFor('the poller connected', () => poller.stats().connected);
  const rowsBefore = await rawRows();
  const refsBefore = capture.refs.length;
  const twice = message(5);
  await imap.append(folder, twice);
  await imap.append(folder, twice);

  await waitFor('both read', () => poller.stats().accepted + poller.stats().duplicates === 2);
  expect(poller.stats()).toMatchObject({ accepted: 1, duplicates: 1 });
  expect(await rawRows()).toBe(rowsBefore + 1);
  await waitFor('two refs', () => capture.refs.length === refsBefore + 2);
  const keys = new Set(capture.refs.slice(refsBefore).map((r) => r.emailKey));
  expect(keys.size).toBe(1);
});

test('a UIDVALIDITY change makes the poller read the folder again; dedup keeps the store unchanged', async () => {
  const before = await getCheckpoint(db.pool, checkpointKey);
  await saveCheckpoint(db.pool, { mailbox: checkpointKey, uidvalidity: before!.uidvalidity + 1, lastUid: 999 });
  const rowsBefore = await rawRows();
  const poller = startPoller();
  await waitFor('the whole folder re-read', async () => (await getCheckpoint(db.pool, checkpointKey))?.lastUid === before!.lastUid);
  expect(poller.stats().accepted).toBe(0);
  expect(poller.stats().duplicates).toBe(6);
  expect(await rawRows()).toBe(rowsBefore);
  expect((await getCheckpoint(db.pool, checkpointKey))?.uidvalidity).toBe(before!.uidvalidity);
});

test('a message above the size limit is flagged, left unread and skipped', async () => {
  const poller = startPoller({ maxMessageBytes: 2_000 });
  await waitFor('the poller connected', () => poller.stats().connected);
  const big = Buffer.concat([message(6), Buffer.from('x'.repeat(5_000) + '\r\n')]);
  await imap.append(folder, big);
  await imap.append(folder, message(7));

  await waitFor('both handled', () => poller.stats().rejected === 1 && poller.stats().accepted === 1);
  const flags = [...(await flagsOf()).entries()].sort(([a], [b]) => a - b);
  const [bigUid, bigFlags] = flags[flags.length - 2]!;
  expect(bigFlags.has(REJECTED_KEYWORD)).toBe(true);
  expect(bigFlags.has('\\Seen')).toBe(false);
  expect((await getCheckpoint(db.pool, checkpointKey))?.lastUid).toBe(bigUid + 1);
});

/** A TCP proxy in front of Dovecot that a test can cut, or start late. */
function imapProxy(sockets: Set<net.Socket>): net.Server {
  return net.createServer((client) => {
    const upstream = net.connect(stack.imap.port, stack.imap.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
}

test('a dropped connection is re-opened and mail keeps flowing', async () => {
  const sockets = new Set<net.Socket>();
  const proxy = imapProxy(sockets);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const poller = startPoller({ connection: { ...stack.imap, port }, checkpointKey });
    await waitFor('connected through the proxy', () => poller.stats().connected);
    for (const s of sockets) s.destroy();
    await waitFor('a second session', () => poller.stats().sessions >= 2 && poller.stats().connected);
    await imap.append(folder, message(8));
    await waitFor('the new message', () => poller.stats().accepted === 1);
  } finally {
    await stopAll();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});

test('a server that is down at start is retried with backoff until it answers', async () => {
  const port = await freePort();
  const poller = startPoller({ connection: { ...stack.imap, port }, checkpointKey });
  await waitFor('a failed attempt', () => poller.stats().lastError !== null);
  expect(poller.stats().connected).toBe(false);

  const sockets = new Set<net.Socket>();
  const proxy = imapProxy(sockets);
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', () => resolve()));
  try {
    await waitFor('connected once the server is up', () => poller.stats().connected);
    await imap.append(folder, message(9));
    await waitFor('the new message', () => poller.stats().accepted === 1);
  } finally {
    await stopAll();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
