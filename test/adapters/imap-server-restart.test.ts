/**
 * IMAP intake against a Dovecot that dies under it (issue 4). The test starts its own Dovecot (the stack's config,
 * its own folder and port: the stack's server is shared), fills the mailbox, runs the intake as main.ts wires it
 * (config → Postgres checkpoint, Kafka, IMAP poller) and crashes and stops that Dovecot mid-fetch. Then, from
 * Postgres, Kafka and the mailbox: every message stored exactly once and published under its own emailKey, at
 * most one re-publish per interruption (the message in hand), the checkpoint at the folder's last UID under its
 * UIDVALIDITY, every message flagged \Seen and none refused; mail that arrives afterwards is noticed through IDLE.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import type { Kafka } from 'kafkajs';
import { createImapPoller, REJECTED_KEYWORD } from '../../activities/src/adapters/imap/imap-poller';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { createEmailProducer } from '../../activities/src/adapters/kafka/email-producer';
import { getCheckpoint } from '../../activities/src/adapters/pg/imap-checkpoints';
import { emailKeyFor, rawSha256 } from '../../activities/src/domain/email-key';
import { loadIntakeConfig } from '../../services/src/config/intake-config';
import { acceptRawEmail } from '../../services/src/intake/accept-raw-email';
import { startIntake, type RunningIntake } from '../../services/src/intake/main';
import { startImapInstance, type ImapInstance } from '../support/imap-instance';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { captureInbound, type InboundCapture } from './inbound-capture';
import { deleteTopics, stack, waitFor } from './stack-env';
import { testVault } from '../support/data-keks';

jest.setTimeout(180_000);

const runId = randomUUID().slice(0, 8);
const MAILBOX = 'support';
const topics = { inbound: `test.email.inbound.imaprestart.${runId}`, events: `test.email.events.imaprestart.${runId}` };

let dovecot: ImapInstance;
let db: TestDatabase;
let kafka: Kafka;
let capture: InboundCapture;
let intake: RunningIntake | undefined;

/** A plausible customer email of a few kB (so a batch takes the server a moment to send). */
function message(n: number): { raw: Buffer; emailKey: string } {
  const messageId = `${randomUUID()}@customer.test`;
  const paragraph = `Bonjour, je reviens vers vous au sujet de ma commande numéro ${1000 + n}. `.repeat(40);
  const raw = Buffer.from(
    [
      `From: Client ${n} <client${n}@customer.test>`,
      'To: support@shop.test',
      `Subject: commande ${1000 + n}`,
      `Message-ID: <${messageId}>`,
      'Date: Wed, 25 Nov 2026 10:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      paragraph,
      '',
    ].join('\r\n'),
  );
  return { raw, emailKey: emailKeyFor(MAILBOX, messageId, rawSha256(raw)) };
}

async function adminClient(): Promise<ImapFlow> {
  const c = dovecot.connection;
  const client = new ImapFlow({ ...c, auth: { user: c.user, pass: c.password }, logger: false, doSTARTTLS: false });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Appends messages in a short-lived session (the server is killed later; a long-lived client would die with it). */
async function append(folder: string, messages: Array<{ raw: Buffer }>): Promise<void> {
  const client = await adminClient();
  try {
    for (const m of messages) await client.append(folder, m.raw);
  } finally {
    await client.logout();
  }
}

interface FolderState {
  uidValidity: number;
  flags: Map<number, Set<string>>;
}

async function folderState(folder: string): Promise<FolderState> {
  const client = await adminClient();
  try {
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const all = await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true });
      return {
        uidValidity: Number(client.mailbox && client.mailbox.uidValidity),
        flags: new Map(all.filter((m) => m.uid).map((m) => [m.uid, m.flags ?? new Set<string>()])),
      };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

async function rawRowsByKey(): Promise<Map<string, number>> {
  // The store's own identity is the raw hash; count rows per message to see "exactly once".
  const { rows } = await db.pool.query<{ sha256: string }>('select sha256 from raw_emails');
  const counts = new Map<string, number>();
  for (const { sha256 } of rows) counts.set(sha256, (counts.get(sha256) ?? 0) + 1);
  return counts;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const checkpointKey = (folder: string) => `${dovecot.connection.user}@${dovecot.connection.host}:${dovecot.port}/${folder}`;

/** Every message of `folder` read, flagged \Seen once, checkpointed at the last UID; the store holds each once. */
async function expectFolderIngestedOnce(folder: string, messages: Array<{ raw: Buffer; emailKey: string }>): Promise<void> {
  const state = await folderState(folder);
  expect(state.flags.size).toBe(messages.length);
  const notSeen = [...state.flags].filter(([, f]) => !f.has('\\Seen')).map(([uid]) => uid);
  expect(notSeen).toEqual([]);
  expect([...state.flags.values()].some((f) => f.has(REJECTED_KEYWORD))).toBe(false);

  const checkpoint = await getCheckpoint(db.pool, checkpointKey(folder));
  expect(checkpoint).toEqual(expect.objectContaining({ uidvalidity: state.uidValidity, lastUid: Math.max(...state.flags.keys()) }));

  const rows = await rawRowsByKey();
  for (const m of messages) expect(rows.get(rawSha256(m.raw))).toBe(1);
}

beforeAll(async () => {
  dovecot = await startImapInstance();
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, 'replique-imap-restart-test');
  await ensureTopics(kafka, [topics.inbound, topics.events], { numPartitions: 1 });
  capture = await captureInbound(kafka, topics.inbound, `test-imap-restart-${runId}`);
});

afterAll(async () => {
  await intake?.stop();
  await capture?.stop();
  if (kafka) await deleteTopics(kafka, [topics.inbound, topics.events]);
  await db?.close();
  await dovecot?.remove();
});

test('the intake survives a Dovecot crash and a Dovecot restart mid-fetch: every message ingested exactly once', async () => {
  // Retry-safe: an attempt of its own has a folder of its own (UIDs from 1, its own checkpoint), and every count below
  // is of this attempt's messages; an earlier attempt's intake is stopped, its Dovecot started again if it left it down.
  await intake?.stop();
  intake = undefined;
  if (!(await dovecot.running())) await dovecot.start();
  const folder = `Restart-${randomUUID().slice(0, 8)}`;
  const admin = await adminClient();
  await admin.mailboxCreate(folder);
  await admin.logout();
  const seeded = Array.from({ length: 150 }, (_, i) => message(i + 1));
  await append(folder, seeded);

  intake = await startIntake(
    loadIntakeConfig({
      DATABASE_URL: db.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      KAFKA_TOPIC_INBOUND: topics.inbound,
      KAFKA_TOPIC_EVENTS: topics.events,
      REPLIQUE_MAILBOX: MAILBOX,
      LOG_LEVEL: 'error',
      INTAKE_HTTP_ENABLED: 'false',
      INTAKE_IMAP_ENABLED: 'true',
      IMAP_HOST: dovecot.connection.host,
      IMAP_PORT: String(dovecot.port),
      IMAP_USER: dovecot.connection.user,
      IMAP_PASSWORD: dovecot.connection.password,
      IMAP_FOLDER: folder,
      IMAP_BATCH_SIZE: '10',
      IMAP_POLL_INTERVAL_MS: '60000', // new mail must be noticed through IDLE, well before this
    }),
  );
  const poller = intake.imap!;
  const handled = () => poller.stats().accepted + poller.stats().duplicates;

  // 1. A crash (KILL to every Dovecot process) while the poller is inside the folder; down for a while.
  await waitFor('40 messages read', () => handled() >= 40, 60_000);
  const failuresBefore = poller.stats().failures;
  await dovecot.kill();
  expect(poller.stats().lastUid).toBeLessThan(seeded.length); // mid-folder
  await waitFor('the poller noticed', () => !poller.stats().connected);
  await pause(1_500); // reconnect attempts fail meanwhile
  expect(poller.stats().connected).toBe(false);
  await dovecot.start();
  await waitFor('reconnected', () => poller.stats().sessions === 2, 30_000);
  // The broken session plus attempts spaced by the backoff (1 s, doubling; a slow restart on a busy machine may
  // allow one or two more), not a reconnect storm (without the backoff: ~480 attempts in those 1.5 s).
  expect(poller.stats().failures - failuresBefore).toBeGreaterThanOrEqual(2);
  expect(poller.stats().failures - failuresBefore).toBeLessThanOrEqual(6);

  // 2. A clean stop and an immediate start while it reads again. Dovecot 2.3 lets open sessions finish (the imap
  //    process outlives its master), so the poller may go on in the same session: either way, nothing lost or doubled.
  await waitFor('100 messages read', () => handled() >= 100, 60_000);
  expect(poller.stats().lastUid).toBeLessThan(seeded.length); // mid-folder
  await dovecot.stop();
  await dovecot.start();

  await waitFor('the whole folder read', async () => {
    const checkpoint = await getCheckpoint(db.pool, checkpointKey(folder));
    return checkpoint?.lastUid === seeded.length;
  }, 60_000);
  expect(poller.stats().sessions).toBeGreaterThanOrEqual(2);

  // 3. Mail that arrives after the restarts is noticed through IDLE (the poll interval is a minute).
  await waitFor('connected and idle', () => poller.stats().connected);
  const later = Array.from({ length: 10 }, (_, i) => message(1000 + i));
  await append(folder, later);
  const all = [...seeded, ...later];
  await waitFor('the later mail read', async () => (await getCheckpoint(db.pool, checkpointKey(folder)))?.lastUid === all.length, 30_000);

  await expectFolderIngestedOnce(folder, all);

  // Kafka: every emailKey published; a re-publish only for the message in hand at each of the two interruptions.
  const keys = new Set(all.map((m) => m.emailKey));
  const refs = () => capture.refs.filter((r) => keys.has(r.emailKey));
  await waitFor('every ref on Kafka', () => new Set(refs().map((r) => r.emailKey)).size >= all.length, 30_000);
  expect(new Set(refs().map((r) => r.emailKey))).toEqual(keys);
  expect(refs().length - all.length).toBeLessThanOrEqual(2);
  expect(poller.stats()).toMatchObject({ accepted: all.length, rejected: 0 });
  expect(poller.stats().duplicates).toBeLessThanOrEqual(2);
});

test('a crash between storing a message and flagging it: re-read after the restart, flagged, stored once', async () => {
  await intake?.stop();
  intake = undefined;
  if (!(await dovecot.running())) await dovecot.start(); // whatever the first test left
  const folder = `Crash-${runId}`;
  const client = await adminClient();
  await client.mailboxCreate(folder);
  await client.logout();
  const messages = Array.from({ length: 5 }, (_, i) => message(2000 + i));
  await append(folder, messages);

  const producer = createEmailProducer(kafka, topics);
  await producer.connect();
  let accepts = 0;
  const poller = createImapPoller(
    {
      db: db.pool,
      accept: async (raw) => {
        const accepted = await acceptRawEmail({ db: db.pool, vault: testVault(db.pool), producer }, { raw, source: 'imap', mailbox: MAILBOX });
        // The third message is stored and published; the server dies before the poller can flag it.
        if (++accepts === 3) await dovecot.kill();
        return accepted;
      },
    },
    { connection: dovecot.connection, folder, batchSize: 10, pollIntervalMs: 60_000, backoff: { initialMs: 200, maxMs: 1_000 } },
  );
  poller.start();
  try {
    await waitFor('the session ended', () => accepts >= 3 && !poller.stats().connected);
    const checkpoint = await getCheckpoint(db.pool, checkpointKey(folder));
    // The checkpoint stops at the last message that was flagged, before the one in hand.
    expect(checkpoint?.lastUid ?? 0).toBe(2);
    await dovecot.start();
    await waitFor('the folder read', async () => (await getCheckpoint(db.pool, checkpointKey(folder)))?.lastUid === 5, 30_000);
    expect(poller.stats()).toMatchObject({ accepted: 5, duplicates: 1, rejected: 0 });
    await expectFolderIngestedOnce(folder, messages);
  } finally {
    await poller.stop();
    await producer.disconnect();
  }
});

/**
 * A TCP proxy in front of the test's Dovecot that holds back the `nth` UID STORE the client sends and calls
 * `onStore` instead: the command is in flight when the server goes away.
 */
async function storeInterceptingProxy(nth: number, onStore: () => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let stores = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(dovecot.port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (/UID STORE/i.test(chunk.toString('latin1')) && ++stores === nth) onStore();
      else upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('the server dies while the \\Seen flag is being set: the checkpoint does not pass the unflagged message', async () => {
  if (!(await dovecot.running())) await dovecot.start();
  const folder = `Store-${runId}`;
  const client = await adminClient();
  await client.mailboxCreate(folder);
  await client.logout();
  const messages = Array.from({ length: 5 }, (_, i) => message(3000 + i));
  await append(folder, messages);

  let killed: Promise<void> | undefined;
  const proxy = await storeInterceptingProxy(3, () => {
    killed = dovecot.kill();
  });
  const producer = createEmailProducer(kafka, topics);
  await producer.connect();
  const poller = createImapPoller(
    { db: db.pool, accept: (raw) => acceptRawEmail({ db: db.pool, vault: testVault(db.pool), producer }, { raw, source: 'imap', mailbox: MAILBOX }) },
    {
      connection: { ...dovecot.connection, port: proxy.port },
      checkpointKey: checkpointKey(folder),
      folder,
      batchSize: 10,
      pollIntervalMs: 60_000,
      backoff: { initialMs: 200, maxMs: 1_000 },
    },
  );
  poller.start();
  try {
    await waitFor('the server killed during the third STORE', () => killed !== undefined);
    await killed;
    await waitFor('the session ended', () => !poller.stats().connected);
    expect((await getCheckpoint(db.pool, checkpointKey(folder)))?.lastUid ?? 0).toBe(2);
    await dovecot.start();
    await waitFor('the folder read', async () => (await getCheckpoint(db.pool, checkpointKey(folder)))?.lastUid === 5, 30_000);
    expect(poller.stats()).toMatchObject({ accepted: 5, duplicates: 1, rejected: 0 });
    await expectFolderIngestedOnce(folder, messages);
  } finally {
    await poller.stop();
    await producer.disconnect();
    await proxy.close();
  }
});
