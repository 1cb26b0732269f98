/**
 * Events are never lost: Kafka stopped for a minute while 100 emails flow through the real worker (Temporal,
 * Postgres, SMTP sink). The activities do not wait on Kafka, so emails keep settling during the outage while their
 * events wait in the outbox; after the restart every event is in Kafka once, in order per email, under its audit id.
 * The KPI consumer (services/src/kpi) runs through the outage on the same broker: afterwards it has taken every event
 * once, and every KPI row equals the one recomputed from the emails' audit rows (test/kpi/recompute-kpis.ts).
 *
 * The Kafka stopped here is a private one (test/support/private-kafka.ts, ports of its own): the shared stack's
 * broker is never touched. Emails are started as the starter does (stored, registered, workflow started), so
 * their flow does not depend on the broker under test.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import { pendingCount } from '@replique/activities/adapters/pg/event-outbox';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { emailKeyFor } from '@replique/activities/domain/email-key';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { createEmailWorker } from '@replique/services/worker/main';
import { EmailGenerator, type GeneratedEmail } from '../bench/email-generator';
import { captureEvents, type EventCapture } from '../adapters/event-capture';
import { waitFor } from '../adapters/stack-env';
import type { EventConsumer } from '@replique/activities/adapters/kafka/event-consumer';
import { kpiRows } from '@replique/activities/adapters/pg/kpi-store';
import type { KpiRow } from '@replique/activities/kpi/kpi-definitions';
import { startKpiConsumer } from '@replique/services/kpi/kpi-consumer';
import { kpiCsv } from '@replique/services/review/kpi-csv';
import { recomputeEmails, recomputeRows, type OracleQuery, type RawEvent } from '../kpi/recompute-kpis';
import { demoShopConversion } from '../kpi/simulated-shop';
import { privateKafka, type PrivateKafka } from '../support/private-kafka';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { shopFixture } from '../support/paths';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';

jest.setTimeout(480_000);

const EMAILS = 100;
const OUTAGE_MS = 60_000;
const SETTLED = `('quarantined','suppressed','sent','rejected','send_failed','waiting_review','escalated')`;

const run = randomBytes(4).toString('hex');
const mailbox = `support-outage-${run}`;
const topic = `email.events.outage-${run}`;
let kafka: PrivateKafka;
let db: TestDatabase;
let sink: RunningSmtpSink;
let worker: Awaited<ReturnType<typeof createEmailWorker>> | undefined;
let running: Promise<void> | undefined;
let connection: Connection;
let client: Client;
let capture: EventCapture | undefined;
let kpi: EventConsumer | undefined;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // installed by another test of this process
  }
  setLogLevel('warn');
  kafka = await privateKafka(`outage-${run}`);
  await kafka.start();
  db = await withTestDatabase();
  sink = await startSmtpSink();
  const config = WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_INBOUND: `email.inbound.outage-${run}`,
    KAFKA_TOPIC_EVENTS: topic,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-outage-${run}`,
    SMTP_PORT: String(sink.port),
    REPLIQUE_SHOP_FILE: shopFixture,
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
  });
  worker = await createEmailWorker(config);
  running = worker.worker.run();
  connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
});

afterAll(async () => {
  await capture?.stop();
  await kpi?.stop();
  if (worker) {
    worker.worker.shutdown();
    await running?.catch(() => undefined);
    await worker.close();
  }
  await connection?.close();
  await sink?.stop();
  await db?.close();
  await kafka?.destroy();
});

async function deliver(e: GeneratedEmail): Promise<void> {
  const stored = await storeRawEmail(db.pool, testVault(db.pool), { raw: e.raw, source: 'http', mailbox });
  const emailKey = emailKeyFor(mailbox, e.messageId, stored.sha256);
  await startEmailWorkflow(
    { db: db.pool, client, taskQueue: `replique-outage-${run}` },
    { emailKey, rawId: String(stored.rawId), mailbox, source: 'http', receivedAt: new Date().toISOString() },
  );
}

const kpiEventCount = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from kpi_events')).rows[0]!.n;
/** The audit rows published as events (every one of an email but the starter's `start`), oldest first. */
async function publishedRows() {
  const { rows } = await db.pool.query<{ id: string; email_key: string; stage: string; event: string; data: Record<string, unknown>; at: Date }>(
    `select id::text as id, email_key, stage, event, data, at from audit_log where email_key is not null and stage <> 'start' order by audit_log.id`,
  );
  return rows;
}
const lines = (rows: KpiRow[]) => kpiCsv(rows).trim().split('\r\n').slice(1).sort();

const settled = async () => (await db.pool.query<{ n: number }>(`select count(*)::int as n from emails where state in ${SETTLED}`)).rows[0]!.n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('Kafka stopped for a minute while 100 emails flow: after its restart every event is in Kafka once, in order, and every KPI row is right', async () => {
  const emails = new EmailGenerator({ seed: 15, run }).batch(EMAILS);
  const before = emails.slice(0, 20);
  const during = emails.slice(20);

  // The KPI process's consumer group, on the broker that will stop.
  kpi = await startKpiConsumer({ db: db.pool, kafka: createKafka(kafka.brokers, `outage-kpi-${run}`), groupId: `kpi-outage-${run}`, topic });
  for (const e of before) await deliver(e);
  await waitFor('the first 20 emails settled and their events published', async () => (await settled()) === 20 && (await pendingCount(db.pool)) === 0, 120_000);
  await waitFor('the KPI consumer took them', async () => (await kpiEventCount()) === (await publishedRows()).length, 60_000);

  await kafka.stop();
  const stoppedAt = Date.now();
  for (const [i, e] of during.entries()) {
    await deliver(e);
    await sleep(Math.max(0, stoppedAt + ((i + 1) * (OUTAGE_MS * 0.6)) / during.length - Date.now())); // spread over the outage
  }
  await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
  const settledDuringOutage = (await settled()) - 20;
  const waitingInOutbox = await pendingCount(db.pool);
  await kafka.start();
  process.stdout.write(`outage of ${Math.round((Date.now() - stoppedAt) / 1000)} s: ${settledDuringOutage} of ${during.length} emails settled meanwhile; ${waitingInOutbox} events waited in the outbox\n`);
  // The activity path does not wait on Kafka: emails went on settling, their events waited in Postgres.
  expect(settledDuringOutage).toBeGreaterThan(0);
  expect(waitingInOutbox).toBeGreaterThan(0);

  await waitFor('all 100 emails settled', async () => (await settled()) === EMAILS, 180_000);
  // A settled email may still write a last audit row (its memory, its tracking): wait until the log stops growing.
  let seen = -1;
  await waitFor('a quiet audit log and an empty outbox', async () => {
    const now = (await publishedRows()).length;
    const quiet = now === seen && (await pendingCount(db.pool)) === 0;
    seen = now;
    if (!quiet) await sleep(2_000);
    return quiet;
  }, 180_000);
  const rows = await publishedRows();
  capture = await captureEvents(createKafka(kafka.brokers, `outage-check-${run}`), topic);
  await waitFor(`${rows.length} events read back`, () => capture!.events.length >= rows.length, 60_000);
  await sleep(1_000); // and no more after them
  const expected = new Map<string, string[]>();
  for (const r of rows) expected.set(r.email_key, [...(expected.get(r.email_key) ?? []), r.id]);
  process.stdout.write(`${capture.events.length} events in Kafka for ${rows.length} audit rows of ${expected.size} emails\n`);

  expect(capture.duplicates()).toEqual([]);
  expect(capture.events).toHaveLength(rows.length);
  expect(capture.idsByKey()).toEqual(expected); // every event, once, in id order per email

  // The KPI consumer lived through the outage: every event taken once (by its audit id), every KPI row right.
  const audited = await publishedRows();
  await waitFor(`${audited.length} events taken by the KPI consumer`, async () => (await kpiEventCount()) >= audited.length, 120_000);
  await sleep(1_000);
  const { rows: taken } = await db.pool.query<{ id: string }>('select event_id as id from kpi_events order by event_id::bigint');
  expect(taken.map((t) => t.id)).toEqual(audited.map((r) => r.id));
  const facts = await db.pool.query<{ n: number }>('select count(*)::int as n from kpi_email_facts');
  expect(facts.rows[0]!.n).toBe(EMAILS);
  const raw: RawEvent[] = audited.map((r) => ({ eventId: r.id, emailKey: r.email_key, stage: r.stage, event: r.event, at: r.at.toISOString(), data: r.data }));
  const oracleEmails = recomputeEmails(raw);
  const queries: OracleQuery[] = [
    { from: null, to: null, granularity: 'all', split: null, filters: {} },
    { from: null, to: null, granularity: 'day', split: 'route', filters: {} },
    { from: null, to: null, granularity: 'all', split: 'intent', filters: {} },
  ];
  // The worker seeded the demo shop's CRM; no order was placed (conversion 0 of the matched replies).
  const shop = demoShopConversion([], 7);
  for (const q of queries) expect(lines(await kpiRows(db.pool, q))).toEqual(lines(recomputeRows(oracleEmails, q, shop)));
  const [all] = recomputeRows(oracleEmails, queries[0]!, shop);
  process.stdout.write(`KPI after the outage: ${all!.emails} customer emails, ${all!.responded} answered, ${all!.automated} automated, ${all!.reviews} reviews\n`);
  expect(all!.emails).toBeGreaterThan(50);
  expect(all!.responded).toBeGreaterThan(0);
});
