/**
 * `replique_outbox_lag_seconds` on the stack's Postgres and Kafka, read through a real `/metrics` scrape: an event
 * that has waited 90 s in the outbox shows as a lag of about 90 s (what the OutboxLag alert watches); once the real
 * outbox relay has published it to Kafka the lag is 0. Own database and topic.
 */
import { randomUUID } from 'node:crypto';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { startEventRelay } from '../../activities/src/adapters/kafka/event-relay';
import { oldestPendingAgeSeconds, pendingCount } from '../../activities/src/adapters/pg/event-outbox';
import { startMetricsServer, type MetricsEndpoint } from '../../services/src/metrics/metrics-server';
import { measureOutboxLagWith, OUTBOX_LAG_METRIC } from '../../services/src/metrics/replique-metrics';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { deleteTopics, stack, waitFor } from '../adapters/stack-env';

jest.setTimeout(60_000);

const kafka = createKafka(stack.kafkaBrokers, 'replique-outbox-lag-test');
const topic = `test.email.events.lag.${randomUUID().slice(0, 8)}`;
let db: TestDatabase;
let metrics: MetricsEndpoint;

beforeAll(async () => {
  db = await withTestDatabase();
  await ensureTopics(kafka, [topic], { numPartitions: 1 });
  metrics = await startMetricsServer('worker', { host: '127.0.0.1', port: 0 });
  measureOutboxLagWith(() => oldestPendingAgeSeconds(db.pool));
});

afterAll(async () => {
  measureOutboxLagWith(null);
  await metrics?.stop();
  await deleteTopics(kafka, [topic]);
  await db?.close();
});

async function scrapedLag(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metrics.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${OUTBOX_LAG_METRIC}{`) || l.startsWith(`${OUTBOX_LAG_METRIC} `));
  if (!line) throw new Error(`${OUTBOX_LAG_METRIC} is not in /metrics`);
  return Number(line.split(' ').pop());
}

test('an event waiting 90 s in the outbox is a lag of ~90 s; after the relay published it, 0', async () => {
  expect(await scrapedLag()).toBe(0);
  // audit_log is append-only, so the stale event is written as it would have been 90 s ago.
  await db.pool.query(
    `with audited as (insert into audit_log (email_key, stage, event, at) values ($1, 'state', 'received', now() - interval '90 seconds') returning id, email_key)
     insert into event_outbox (audit_id, email_key) select id, email_key from audited`,
    ['f'.repeat(64)],
  );
  const lag = await scrapedLag();
  expect(lag).toBeGreaterThanOrEqual(90);
  expect(lag).toBeLessThan(120);

  const relay = startEventRelay({ databaseUrl: db.databaseUrl, kafka, topic, pollMs: 20, retryMs: 200 });
  try {
    await waitFor('the relay to publish the event', async () => (await pendingCount(db.pool)) === 0, 30_000);
  } finally {
    await relay.stop();
  }
  expect(relay.published).toBe(1);
  expect(await scrapedLag()).toBe(0);
});
