/**
 * KPIs end to end on the real Kafka, Postgres and Chromium: a simulated fortnight of `email.events` (with and without
 * event ids, some published twice) on a topic of this test's own, taken by the KPI consumer (a failure after a
 * commit in Postgres, then a stop and a new consumer of the group resuming from the committed offsets). Every KPI is
 * then recomputed independently from the raw messages read back from the topic and must match what the consumer
 * stored, the CSV a lead downloads and the figures the KPI page shows (its screenshot: docs/screenshots/kpi-page.png).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { kpiRows, topReescalatedTopics } from '../../activities/src/adapters/pg/kpi-store';
import { formatKpiValue, KPI_CSV_COLUMNS, type KpiRow } from '../../activities/src/kpi/kpi-definitions';
import { startKpiConsumer } from '../../services/src/kpi/kpi-consumer';
import { startReviewService } from '../../services/src/review/main';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { kpiCsv } from '../../services/src/review/kpi-csv';
import { formatDuration, formatLift, formatPercent } from '../../activities/src/kpi/kpi-format';
import { deleteTopics, stack, waitFor } from '../adapters/stack-env';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { repoRoot } from '../support/paths';
import { addReviewer, ReviewClient } from '../review/review-client';
import { recomputeComplements, recomputeEmails, recomputeRows, recomputeTopics, type OracleQuery, type RawEvent } from './recompute-kpis';
import { simulateEvents } from './simulated-events';
import { simulateShop } from './simulated-shop';
import { generateOrderStream } from '../../services/src/demo/order-stream';
import { shopOrderOfPlacedOrder } from '../../activities/src/orders/placed-order';
import { seedShop } from '../../activities/src/adapters/pg/seed-shop';
import { complementConversion } from '../../activities/src/adapters/pg/conversion-store';

jest.setTimeout(240_000);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'kpi-page.png');
const id = randomUUID().slice(0, 8);
const topic = `test.email.events.kpi.${id}`;
const group = `test-kpi-${id}`;
const shop = simulateShop({ seed: 15, customers: 260, start: '2026-11-02' });
const sim = simulateEvents({ seed: 15, emails: 240, days: 14, customers: shop.customerIds, complements: shop.complements });
// Orders placed from a week before the fortnight to a fortnight after it, more likely within 7 days of a reply (+80 %).
const WINDOW_DAYS = 7;
const orders = generateOrderStream({
  seed: 15, start: '2026-10-26', days: 35, customers: shop.streamCustomers, products: shop.products, replies: sim.replies,
  replyLift: 0.8, windowDays: WINDOW_DAYS, dailyRate: 0.015,
});
const conversionShop = shop.conversion(orders, WINDOW_DAYS);
const FEED_TOKEN = 'test-shop-feed-token-0123456789';

let db: TestDatabase;
let kafka: Kafka;
let producer: Producer;
let review: Awaited<ReturnType<typeof startReviewService>>;
let baseUrl: string;
/** The raw messages read back from the topic after the run: what the oracle recomputes from. */
let readBack: RawEvent[] = [];
let published = 0;
const stats = { firstConsumerCalls: 0, secondConsumerCalls: 0, secondConsumerCopies: 0, failedOnce: false, phase2Messages: 0 };

async function publish(events: RawEvent[]): Promise<number> {
  // One message per event, keyed by email (as both producers do); every tenth event is published twice, later.
  const messages = events.map((e) => ({ key: e.emailKey, value: JSON.stringify(e) }));
  const copies = events.filter((_, i) => i % 10 === 3).map((e) => ({ key: e.emailKey, value: JSON.stringify(e) }));
  const all = [...messages, ...copies];
  for (let i = 0; i < all.length; i += 500) await producer.send({ topic, acks: -1, messages: all.slice(i, i + 500) });
  published += all.length;
  return all.length;
}

const distinctKeys = (events: RawEvent[]) => new Set(events.map((e) => e.eventId ? `id:${e.eventId}` : `${e.emailKey}|${e.stage}|${e.event}|${e.at}`)).size;
const storedEvents = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from kpi_events')).rows[0]!.n;

async function readTopic(expected: number): Promise<RawEvent[]> {
  const seen: RawEvent[] = [];
  const consumer = kafka.consumer({ groupId: `test-kpi-readback-${id}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString()) as RawEvent) });
  await waitFor('the whole topic read back', () => seen.length >= expected, 60_000);
  await consumer.disconnect();
  return seen;
}

beforeAll(async () => {
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, `replique-kpi-test-${id}`);
  await ensureTopics(kafka, [topic], { numPartitions: 3 });
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();

  // First consumer: takes the first 60 % of the stream; its 40th event fails after its transaction committed (as a
  // crash before the offset commit would), so that event is delivered again and must count once.
  const split = Math.floor(sim.events.length * 0.6);
  await publish(sim.events.slice(0, split));
  const first = await startKpiConsumer({
    db: db.pool, kafka, groupId: group, topic,
    onTaken: () => {
      stats.firstConsumerCalls++;
      if (stats.firstConsumerCalls === 40 && !stats.failedOnce) {
        stats.failedOnce = true;
        throw new Error('simulated crash after the commit in Postgres');
      }
    },
  });
  await waitFor('the first part taken', async () => (await storedEvents()) === distinctKeys(sim.events.slice(0, split)), 90_000);
  await new Promise((r) => setTimeout(r, 1_500)); // the last offset commits
  await first.stop();

  // A new consumer of the same group resumes where the first committed: it sees only what came after.
  stats.phase2Messages = await publish(sim.events.slice(split));
  const second = await startKpiConsumer({
    db: db.pool, kafka, groupId: group, topic,
    onTaken: (taken) => {
      stats.secondConsumerCalls++;
      if (!taken) stats.secondConsumerCopies++;
    },
  });
  await waitFor('every event taken', async () => (await storedEvents()) === distinctKeys(sim.events), 90_000);
  await waitFor('every copy handled', () => stats.secondConsumerCalls >= stats.phase2Messages, 30_000);
  await second.stop();
  readBack = await readTopic(published);

  // The review service, as deployed (without reply links, so without a Kafka producer).
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: 'test-token-0123456789abcdef',
    SHOP_FEED_TOKEN: FEED_TOKEN, KPI_CONVERSION_WINDOW_DAYS: String(WINDOW_DAYS),
  }));
  baseUrl = `http://127.0.0.1:${review.port}`;

  // The shop: its CRM (customers, earlier orders), then the orders placed, fed the one way (PUT /shop/crm/orders).
  await seedShop(db.pool, shop.json);
  for (let i = 0; i < orders.length; i += 400) {
    const res = await fetch(`${baseUrl}/shop/crm/orders`, {
      method: 'PUT', headers: { authorization: `Bearer ${FEED_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orders: orders.slice(i, i + 400).map(shopOrderOfPlacedOrder) }),
    });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await review?.stop();
  await producer?.disconnect();
  if (kafka) await deleteTopics(kafka, [topic]);
  await db?.close();
});

const QUERIES: OracleQuery[] = [
  { from: null, to: null, granularity: 'all', split: null, filters: {} },
  { from: null, to: null, granularity: 'day', split: null, filters: {} },
  { from: null, to: null, granularity: 'week', split: 'intent', filters: {} },
  { from: null, to: null, granularity: 'all', split: 'route', filters: {} },
  { from: null, to: null, granularity: 'all', split: 'template', filters: {} },
  { from: '2026-11-05', to: '2026-11-11', granularity: 'day', split: 'cohort', filters: { lang: 'en' } },
  { from: null, to: null, granularity: 'week', split: 'lang', filters: { route: 'auto', intent: 'order_status' } },
];

/** Rows as the CSV writes them, in a fixed order (the SQL sorts by the database's collation). */
const lines = (rows: KpiRow[]) => kpiCsv(rows).trim().split('\r\n').slice(1).sort();
const oracleRows = (q: OracleQuery) => recomputeRows(recomputeEmails(readBack), q, conversionShop);

test('the consumer took every event once: copies dropped, a failed event redelivered, a new consumer resumed at the committed offsets', async () => {
  expect(readBack).toHaveLength(published);
  expect(await storedEvents()).toBe(distinctKeys(readBack));
  expect(stats.failedOnce).toBe(true);
  // Resumed, not replayed: the second consumer handled the messages published after the stop (and no earlier ones).
  expect(stats.secondConsumerCalls).toBeGreaterThanOrEqual(stats.phase2Messages);
  expect(stats.secondConsumerCalls).toBeLessThan(stats.phase2Messages + 5);
  expect(stats.secondConsumerCopies).toBeGreaterThan(0); // the copies published twice
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from kpi_email_facts');
  expect(rows[0]!.n).toBe(sim.emails);
});

test.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('every KPI recomputed from the raw events matches the stored ones: %s', async (_name, q) => {
  const expected = oracleRows(q);
  expect(expected.length).toBeGreaterThan(0);
  expect(lines(await kpiRows(db.pool, q))).toEqual(lines(expected));
});

test('the recomputation covers every KPI with real figures', () => {
  const [all] = oracleRows(QUERIES[0]!);
  for (const column of KPI_CSV_COLUMNS) expect([column, formatKpiValue(column, all![column])]).not.toEqual([column, '']);
  expect(all!.reescalated).toBeGreaterThan(0);
  expect(all!.slaBreaches).toBeGreaterThan(0);
  expect(all!.factCheckBlocks).toBeGreaterThan(0);
});

test('conversion after email: replies matched to a baseline, the planted lift visible, complementary products attributed', async () => {
  const [all] = oracleRows(QUERIES[0]!);
  expect(all!.conversionMatched).toBeGreaterThan(50);
  expect(all!.conversionMatched).toBeLessThanOrEqual(all!.conversionReplies);
  expect(all!.conversionLift!).toBeGreaterThan(0); // +80 % planted in the stream's order probability
  const q = { from: null, to: null, filters: {} };
  const stored = await complementConversion(db.pool, q, WINDOW_DAYS);
  const expected = recomputeComplements(recomputeEmails(readBack), q, conversionShop);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.map(({ sku, replies, bought, baseline }) => ({ sku, replies, bought, baseline: baseline?.toFixed(6) ?? null })))
    .toEqual(expected.map(({ sku, replies, bought, baseline }) => ({ sku, replies, bought, baseline: baseline?.toFixed(6) ?? null })));
  expect(stored.some((c) => c.bought > 0)).toBe(true);
});

test('the topics that re-escalate most match', async () => {
  const q = { from: null, to: null, filters: {} };
  const stored = await topReescalatedTopics(db.pool, q);
  expect(stored.map(({ intent, reescalated }) => ({ intent, reescalated }))).toEqual(recomputeTopics(recomputeEmails(readBack), q));
  expect(stored.every((t) => t.examples.length > 0)).toBe(true);
});

test('a lead downloads the CSV: the same figures; a reviewer may not', async () => {
  const leadPassword = await addReviewer(db.pool, 'lena', 'lead');
  const lead = await ReviewClient.login(baseUrl, 'lena', leadPassword);
  for (const q of QUERIES.filter((x) => x.granularity !== 'all')) {
    const params = new URLSearchParams({ granularity: q.granularity, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}),
      ...(q.split ? { split: q.split } : {}), ...q.filters });
    const res = await lead.get(`/kpi.csv?${params.toString()}`, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...body] = (await res.text()).trim().split('\r\n');
    expect(header).toBe(KPI_CSV_COLUMNS.join(','));
    expect(body.sort()).toEqual(lines(oracleRows(q)));
  }
  expect((await lead.get('/kpi.csv?granularity=hour')).status).toBe(400);
  const rita = await ReviewClient.login(baseUrl, 'rita', await addReviewer(db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/kpi')).status).toBe(403);
});

test('in Chromium, the KPI page shows the recomputed figures against their targets, and filters', async () => {
  const password = await addReviewer(db.pool, 'leo', 'lead');
  let browser: HeadlessChromium | undefined;
  try {
    browser = await openChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/kpi`);
    await page.fill('input[name=name]', 'leo');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL('**/kpi'), page.click('button[type=submit]')]);

    const [all] = oracleRows(QUERIES[0]!);
    const shown = async (key: string) => page.locator(`[data-kpi="${key}"] .kpi-value b`).textContent();
    await expect(shown('automationRate')).resolves.toBe(formatPercent(all!.automationRate!));
    await expect(shown('reescalationRate')).resolves.toBe(formatPercent(all!.reescalationRate!));
    await expect(shown('csat')).resolves.toBe(formatPercent(all!.csat!));
    await expect(shown('tfrP50')).resolves.toBe(formatDuration(all!.tfrP50!));
    await expect(shown('ttrP90')).resolves.toBe(formatDuration(all!.ttrP90!));
    await expect(shown('conversionLift')).resolves.toBe(formatLift(all!.conversionLift!));
    expect(await page.locator('table.kpi-conversion-table tr[data-group="all"] td').allTextContents())
      .toEqual(['all', all!.conversionReplies, all!.conversionMatched, all!.conversionConverted].map(String)
        .concat([formatPercent(all!.conversionRate!), formatPercent(all!.conversionBaseline!), formatLift(all!.conversionLift!)]));
    expect(await page.locator('table.kpi-complements tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.kpi-card svg.trend polyline').count()).toBeGreaterThan(4);
    const days = oracleRows(QUERIES[1]!);
    expect(await page.locator('table.kpi-trend tbody tr').count()).toBe(days.length);
    const volumes = await page.locator('table.kpi-volumes tbody td').allTextContents();
    expect(volumes.slice(0, 5)).toEqual([all!.emails, all!.automated, all!.reviews, all!.escalations, all!.slaBreaches].map(String));
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Filter: English mail, per week, split by intent.
    await page.selectOption('select[name=lang]', 'en');
    await page.selectOption('select[name=granularity]', 'week');
    await page.selectOption('select[name=split]', 'intent');
    await Promise.all([page.waitForURL('**/kpi?**'), page.click('.kpi-filters button[type=submit]')]);
    const en = { from: null, to: null, filters: { lang: 'en' } };
    const weeks = recomputeRows(recomputeEmails(readBack), { ...en, granularity: 'week', split: null }, conversionShop);
    expect(await page.locator('table.kpi-trend tbody tr').count()).toBe(weeks.length);
    const byIntent = recomputeRows(recomputeEmails(readBack), { ...en, granularity: 'all', split: 'intent' }, conversionShop);
    expect((await page.locator('table.kpi-breakdown tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')))).sort())
      .toEqual(byIntent.map((r) => r.group).sort());
    const [enAll] = recomputeRows(recomputeEmails(readBack), { ...en, granularity: 'all', split: null }, conversionShop);
    await expect(shown('automationRate')).resolves.toBe(formatPercent(enAll!.automationRate!));
    const csvHref = await page.locator('a.csv').getAttribute('href');
    expect(csvHref).toBe('/kpi.csv?granularity=week&lang=en&split=intent');
  } finally {
    await browser?.close();
  }
});
