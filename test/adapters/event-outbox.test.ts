/**
 * The transactional outbox of `email.events`, on the stack's Postgres and Kafka: an audit row and its event are
 * written by one statement (a rollback leaves neither); the relay publishes every event once, in order per email,
 * with the audit row's id as event id; two relays never publish the same event; a row whose transaction commits
 * late is published, not skipped; a relay that died between its send and its confirmation leaves nothing to double.
 * Each test has its own database (the outbox is per database) and its own topic.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { eventMessage } from '../../activities/src/adapters/kafka/email-event';
import { startEventRelay, type EventRelay, type EventRelayOptions } from '../../activities/src/adapters/kafka/event-relay';
import { topicEnds } from '../../activities/src/adapters/kafka/published-event-ids';
import { appendAudit } from '../../activities/src/adapters/pg/audit-log';
import { pendingCount, pendingEvents } from '../../activities/src/adapters/pg/event-outbox';
import { saveCase } from '../../activities/src/adapters/pg/emails';
import { withTransaction } from '../../activities/src/adapters/pg/transaction';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { registerTestEmail } from '../pg/email-fixture';
import { captureEvents, type EventCapture } from './event-capture';
import { deleteTopics, stack, waitFor } from './stack-env';
import { testVault } from '../support/data-keks';

jest.setTimeout(90_000);

let kafka: Kafka;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(() => {
  kafka = createKafka(stack.kafkaBrokers, 'replique-outbox-test');
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function setUp(): Promise<{ db: TestDatabase; topic: string; capture: EventCapture; relay(o?: Partial<EventRelayOptions>): EventRelay }> {
  const db = await withTestDatabase();
  cleanups.push(() => db.close());
  const topic = `test.email.events.outbox.${randomUUID().slice(0, 8)}`;
  await ensureTopics(kafka, [topic], { numPartitions: 3 });
  cleanups.push(() => deleteTopics(kafka, [topic]));
  const capture = await captureEvents(kafka, topic);
  cleanups.push(() => capture.stop());
  return {
    db, topic, capture,
    relay(options = {}) {
      const relay = startEventRelay({ databaseUrl: db.databaseUrl, kafka, topic, pollMs: 20, retryMs: 200, ...options });
      cleanups.push(() => relay.stop());
      return relay;
    },
  };
}

const emailKey = (n: number) => `${n}`.padStart(64, 'e');

/** `count` events for each of `emails` emails, interleaved as concurrent workflows write them. */
async function writeEvents(db: TestDatabase, emails: number, count: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + count; i++) {
    await Promise.all(Array.from({ length: emails }, (_, e) => appendAudit(db.pool, {
      emailKey: emailKey(e), stage: 'state', event: `step${String(i).padStart(2, '0')}`, auditKey: `${emailKey(e)}:step:${i}`, publish: true,
    })));
  }
}

async function auditIdsByKey(db: TestDatabase): Promise<Map<string, string[]>> {
  const { rows } = await db.pool.query<{ email_key: string; id: string }>('select email_key, id::text as id from audit_log order by audit_log.id');
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.email_key, [...(byKey.get(r.email_key) ?? []), r.id]);
  return byKey;
}

test('an audit row and its event are written together: a rolled-back change leaves neither; a retried step adds neither', async () => {
  const { db } = await setUp();
  const email = await registerTestEmail(db.pool);
  const audit = { stage: 'read', event: 'done', data: { machine: false }, auditKey: `${email.emailKey}:read:done`, publish: true };
  await expect(withTransaction(db.pool, async (client) => {
    await saveCase(client, testVault(db.pool), email.emailKey, {} as never, audit);
    throw new Error('the activity failed after its save');
  })).rejects.toThrow('after its save');
  expect(await pendingCount(db.pool)).toBe(0);

  await saveCase(db.pool, testVault(db.pool), email.emailKey, {} as never, audit);
  await saveCase(db.pool, testVault(db.pool), email.emailKey, {} as never, audit); // a retried activity: same audit key
  const pending = await pendingEvents(db.pool, 10);
  expect(pending).toHaveLength(1);
  expect(pending[0]).toMatchObject({ emailKey: email.emailKey, stage: 'read', event: 'done', data: { machine: false } });
  const { rows } = await db.pool.query<{ id: string }>('select id::text as id from audit_log');
  expect(rows.map((r) => r.id)).toEqual([pending[0]!.eventId]);

  // An audit row not meant as an event (a login, a row without email) queues nothing.
  await appendAudit(db.pool, { emailKey: null, stage: 'review-tool', event: 'login', publish: true });
  await appendAudit(db.pool, { emailKey: email.emailKey, stage: 'review-tool', event: 'claim' });
  expect(await pendingCount(db.pool)).toBe(1);
});

test('the relay publishes every event once, in id order per email, keyed by email, with the audit id as event id', async () => {
  const { db, capture, relay } = await setUp();
  await writeEvents(db, 6, 10);
  relay({ batchSize: 7 }); // several rounds
  await writeEvents(db, 6, 10, 10); // and more while it runs
  await waitFor('120 events', () => capture.events.length >= 120, 30_000);
  await waitFor('an empty outbox', async () => (await pendingCount(db.pool)) === 0);
  expect(capture.duplicates()).toEqual([]);
  expect(capture.idsByKey()).toEqual(await auditIdsByKey(db));
  for (const [, ids] of capture.idsByKey()) expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
  const partitions = new Map<string, Set<number>>();
  for (const e of capture.events) partitions.set(e.key, (partitions.get(e.key) ?? new Set()).add(e.partition));
  for (const [, p] of partitions) expect(p.size).toBe(1);
});

test('two relays: one holds the lease; the other takes over when it stops; each event once, in order', async () => {
  const { db, capture, relay } = await setUp();
  const a = relay();
  const b = relay();
  await waitFor('a leader', () => a.leader || b.leader);
  await writeEvents(db, 4, 10);
  await waitFor('40 events', () => capture.events.length >= 40, 30_000);
  expect([a.leader, b.leader].filter(Boolean)).toHaveLength(1);
  const [leader, standby] = a.leader ? [a, b] : [b, a];
  const writing = writeEvents(db, 4, 15, 10);
  await leader.stop();
  await writing;
  await waitFor('the standby takes over', () => standby.leader, 10_000);
  await waitFor('100 events', () => capture.events.length >= 100, 30_000);
  await waitFor('an empty outbox', async () => (await pendingCount(db.pool)) === 0);
  await new Promise((r) => setTimeout(r, 500)); // nothing late either
  expect(capture.events).toHaveLength(100);
  expect(capture.duplicates()).toEqual([]);
  expect(capture.idsByKey()).toEqual(await auditIdsByKey(db));
  expect(leader.published + standby.published).toBe(100);
});

test('a row whose transaction commits after a later row was published is published, not skipped', async () => {
  const { db, capture, relay } = await setUp();
  relay();
  const late = await db.newPool().connect();
  await late.query('begin');
  await appendAudit(late, { emailKey: emailKey(1), stage: 'state', event: 'late', publish: true }); // the lower id, not committed
  await appendAudit(db.pool, { emailKey: emailKey(2), stage: 'state', event: 'early', publish: true });
  await waitFor('the early event', () => capture.events.some((e) => e.event === 'early'));
  await late.query('commit');
  late.release();
  await waitFor('the late event', () => capture.events.some((e) => e.event === 'late'));
  const ids = capture.events.map((e) => Number(e.eventId));
  expect(ids[0]).toBeGreaterThan(ids[1]!); // published in commit order; the lower id came second
  expect(capture.duplicates()).toEqual([]);
});

test('a relay that died after its send, before confirming it: the next one publishes the rest and nothing twice', async () => {
  const { db, topic, capture, relay } = await setUp();
  await writeEvents(db, 3, 8);
  // The dead relay: it held the lease, saved where the topic ended, sent the first 10 pending events, and died.
  const ends = Object.fromEntries((await topicEnds(kafka, topic)).map(({ partition, high }) => [String(partition), high]));
  await db.pool.query('insert into event_relay (topic, offsets) values ($1, $2::jsonb)', [topic, JSON.stringify(ends)]);
  const sentByDeadRelay = (await pendingEvents(db.pool, 10)).map((e) => ({ ...e, at: e.at.toISOString(), data: e.data as never }));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: sentByDeadRelay.map(eventMessage) });
  await producer.disconnect();
  expect(await pendingCount(db.pool)).toBe(24);

  const next = relay();
  await waitFor('24 events', () => capture.events.length >= 24, 30_000);
  await waitFor('an empty outbox', async () => (await pendingCount(db.pool)) === 0);
  await new Promise((r) => setTimeout(r, 500));
  expect(capture.events).toHaveLength(24);
  expect(capture.duplicates()).toEqual([]);
  expect(next.published).toBe(14);
  expect(capture.idsByKey()).toEqual(await auditIdsByKey(db));
});
