/**
 * The demo's simulated month (services/src/demo/month/) on the real parts: the whole pipeline of this test
 * (test/support/pipeline-harness.ts: intake, starter, worker with its outbox relay, review service, on Temporal,
 * Postgres, Kafka and an SMTP sink), the KPI consumer on the pipeline's `email.events` topic. A small month (36 emails
 * over 12 days, and the customers' new emails after half the automatic replies) is delivered, decided by simulated reviewers through the review API, rated through the rating links'
 * endpoint, and the shop's orders posted to the order feed. Then:
 * - every KPI the consumer stored, and what the lead's KPI JSON and weekly report show, equals an independent
 *   recomputation from the raw messages read back from the topic (test/kpi/recompute-kpis.ts, simulation clock
 *   included), and the figures are real: replies, automation, reviews, CSAT, conversion;
 * - the figures are on the simulated days (spread over the month, reviewed replies hours after arrival), while the raw
 *   events keep their real times;
 * - the month's drafts were split between two template versions (the demo's experiment, demo-experiment.ts, started
 *   while the worker runs): each variant's figures on the experiments page equal the KPI dashboard's split by cohort;
 * - a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../../activities/src/adapters/kafka/kafka-client';
import { kpiRows } from '../../activities/src/adapters/pg/kpi-store';
import { weeklyReport } from '../../activities/src/adapters/pg/weekly-report';
import { isoWeekOf } from '../../activities/src/kpi/iso-week';
import type { KpiRow } from '../../activities/src/kpi/kpi-definitions';
import type { ShopData } from '../../ml/inbox-generator';
import { startKpiConsumer } from '../../services/src/kpi/kpi-consumer';
import type { EventConsumer } from '../../activities/src/adapters/kafka/event-consumer';
import { kpiCsv } from '../../services/src/review/kpi-csv';
import { simulateMonth, type MonthDeps, type MonthResult } from '../../services/src/demo/month/simulate-month';
import { DEMO_EXPERIMENT_ID, startDemoExperiment } from '../../services/src/demo/month/demo-experiment';
import { experimentReport, getExperiment } from '../../activities/src/adapters/pg/experiment-store';
import { REPLY_LINK_SECRET, startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { shopFixture } from '../support/paths';
import { stack, waitFor } from '../adapters/stack-env';
import { addReviewer, ReviewClient } from '../review/review-client';
import { recomputeEmails, recomputeRows, type ConversionShop, type OracleQuery, type RawEvent } from './recompute-kpis';
import { demoShopConversion } from './simulated-shop';

jest.setTimeout(600_000);

const FEED_TOKEN = 'test-shop-feed-token-0123456789';
const MONTH = { seed: 11, emails: 36, days: 12, end: new Date(Date.UTC(2026, 10, 30)), followUpShare: 0.5 };
const shop = JSON.parse(readFileSync(shopFixture, 'utf8')) as ShopData;

let pipeline: PipelineHarness;
let kafka: Kafka;
let kpi: EventConsumer;
let deps: MonthDeps;
let result: MonthResult;
let readBack: RawEvent[] = [];
let conversion: ConversionShop;

beforeAll(async () => {
  pipeline = await startPipeline({ env: { SHOP_FEED_TOKEN: FEED_TOKEN, KPI_CONVERSION_WINDOW_DAYS: '7' } });
  kafka = createKafka(stack.kafkaBrokers, 'replique-month-test');
  kpi = await startKpiConsumer({ db: pipeline.db.pool, kafka, groupId: `${pipeline.topics.events}.kpi`, topic: pipeline.topics.events });
  deps = {
    db: pipeline.db.pool, temporal: pipeline.client, mailbox: pipeline.mailbox,
    deliver: async (raws) => { for (const raw of raws) await pipeline.deliver(raw); },
    reviewUrl: pipeline.reviewUrl, reviewToken: pipeline.token, linkSecret: REPLY_LINK_SECRET, shopFeedToken: FEED_TOKEN,
    shop, log: () => undefined,
  };
  await startDemoExperiment(pipeline.db.pool, (line) => process.stdout.write(`${line}\n`));
  await waitFor('the worker follows the demo experiment', () => pipeline.workerExperiments().current().length === 1, 10_000);
  result = await simulateMonth(deps, { ...MONTH, timeoutMs: 240_000 });
  readBack = await readTopic(pipeline.topics.events);
  const { rows } = await pipeline.db.pool.query<{ id: string; customerId: string; placedAt: Date; skus: string[] }>(
    'select order_id as id, customer_id as "customerId", placed_at as "placedAt", skus from placed_orders');
  conversion = demoShopConversion(rows.map((o) => ({ id: o.id, customerId: o.customerId, placedAt: o.placedAt.toISOString(), items: o.skus.map((sku) => ({ sku })) })), 7);
});

afterAll(async () => {
  await kpi?.stop();
  await pipeline?.stop();
});

/** Every message of the topic (the outbox relay publishes each event once). */
async function readTopic(topic: string): Promise<RawEvent[]> {
  const { rows } = await pipeline.db.pool.query<{ n: number }>('select count(*)::int as n from kpi_events');
  const seen: RawEvent[] = [];
  const consumer = kafka.consumer({ groupId: `${topic}.readback` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString()) as RawEvent) });
  await waitFor('the topic read back', () => seen.length >= rows[0]!.n, 60_000);
  await consumer.disconnect();
  return seen;
}

/** The month's days: 12 days before MONTH.end. */
const RANGE = { from: '2026-11-18', to: '2026-11-29' };
const oracle = (q: OracleQuery) => recomputeRows(recomputeEmails(readBack), q, conversion);
const lines = (rows: KpiRow[]) => kpiCsv(rows).trim().split('\r\n').slice(1).sort();

test('the month went through the pipeline: every email settled, reviews decided, replies rated, orders on the feed', () => {
  expect(result).toMatchObject({ from: RANGE.from, to: RANGE.to, settled: MONTH.emails + result.followUps });
  expect(result.followUps).toBeGreaterThan(0); // customers writing again after an automatic reply
  expect(result.decided).toBeGreaterThan(0);
  expect(result.rated).toBeGreaterThan(0);
  expect(result.orders.stored).toBe(result.orders.generated);
  expect(result.orders.generated).toBeGreaterThan(0);
});

test.each<OracleQuery>([
  { ...RANGE, granularity: 'all', split: null, filters: {} },
  { ...RANGE, granularity: 'day', split: null, filters: {} },
  { ...RANGE, granularity: 'week', split: 'route', filters: {} },
  { ...RANGE, granularity: 'all', split: 'intent', filters: {} },
])('the stored KPIs equal those recomputed from the raw events: %j', async (q) => {
  const expected = oracle(q);
  expect(expected.length).toBeGreaterThan(0);
  expect(lines(await kpiRows(pipeline.db.pool, q, { conversionWindowDays: 7 }))).toEqual(lines(expected));
});

test('the figures are real and on the simulated days; the raw events keep their real times', async () => {
  const [all] = oracle({ ...RANGE, granularity: 'all', split: null, filters: {} });
  expect(all!.responded).toBeGreaterThan(0);
  expect(all!.automated).toBeGreaterThan(0);
  expect(all!.reviews).toBeGreaterThan(0);
  expect(all!.rated).toBeGreaterThan(0);
  expect(all!.csat).not.toBeNull();
  expect(all!.conversionReplies).toBeGreaterThan(0);
  expect(all!.conversionMatched).toBeGreaterThan(0);
  expect(all!.reescalated).toBeGreaterThan(0); // the customers who wrote again joined their conversation
  process.stdout.write(`small month: ${JSON.stringify({ emails: all!.emails, automated: all!.automated, reviews: all!.reviews, rated: all!.rated, reescalated: all!.reescalated, followUps: result.followUps })}\n`);
  // Reviewed replies went out when the simulated reviewer decided (10 min to 40 h after arrival), automatic ones at once.
  const reviewed = oracle({ ...RANGE, granularity: 'all', split: 'route', filters: { route: 'review' } })[0]!;
  expect(reviewed.tfrP50!).toBeGreaterThan(600);
  const auto = oracle({ ...RANGE, granularity: 'all', split: 'route', filters: { route: 'auto' } })[0]!;
  expect(auto.tfrP90!).toBeLessThan(600);
  const days = oracle({ ...RANGE, granularity: 'day', split: null, filters: {} });
  expect(days.length).toBeGreaterThanOrEqual(MONTH.days - 2);
  const { rows } = await pipeline.db.pool.query<{ oldest: Date }>('select min(at) as oldest from kpi_events');
  expect(rows[0]!.oldest.getTime()).toBeGreaterThan(Date.now() - 3_600_000);
});

test('the lead sees the same figures on the KPI page (JSON) and in the weekly report', async () => {
  const lead = await ReviewClient.login(pipeline.reviewUrl, 'lena', await addReviewer(pipeline.db.pool, 'lena', 'lead'));
  const page = await lead.get(`/kpi.json?from=${RANGE.from}&to=${RANGE.to}&granularity=day`, 'application/json');
  expect(page.status).toBe(200);
  const json = (await page.json()) as { total: KpiRow; trend: KpiRow[] };
  expect(lines([json.total])).toEqual(lines(oracle({ ...RANGE, granularity: 'all', split: null, filters: {} })));
  expect(lines(json.trend)).toEqual(lines(oracle({ ...RANGE, granularity: 'day', split: null, filters: {} })));

  const week = isoWeekOf(new Date(Date.UTC(2026, 10, 25)));
  const report = await weeklyReport(pipeline.db.pool, week, { conversionWindowDays: 7 });
  expect(report).not.toBeNull();
  const expected = oracle({ from: report!.from, to: report!.to, granularity: 'all', split: null, filters: {} });
  expect(lines([report!.kpis!])).toEqual(lines(expected));
  expect(report!.kpis!.emails).toBeGreaterThan(0);
  const markdown = await lead.get(`/report.md?week=${week}`, 'text/markdown');
  expect(markdown.status).toBe(200);
  expect(await markdown.text()).toContain(`${report!.kpis!.emails}`);
});

test('the month ran the demo experiment: both template versions drafted, the figures per variant are the dashboard\'s by cohort', async () => {
  const { figures, state } = await experimentReport(pipeline.db.pool, (await getExperiment(pipeline.db.pool, DEMO_EXPERIMENT_ID))!, 7);
  const byCohort = await kpiRows(pipeline.db.pool, { from: null, to: null, granularity: 'all', split: 'cohort', filters: {} }, { conversionWindowDays: 7 });
  for (const f of figures) {
    expect(f.emails).toBeGreaterThan(0);
    const row = byCohort.find((r) => r.group === `${DEMO_EXPERIMENT_ID}:${f.variant}`)!;
    expect(row).toMatchObject({ emails: f.emails, automated: f.automated, rated: f.rated, conversionMatched: f.conversionMatched, conversionConverted: f.conversionConverted });
    if (f.csat !== null) expect(row.csat).toBeCloseTo(f.csat, 9);
  }
  // Every customer email with a draft is in the experiment (machine mail gets none), in the version of its variant.
  const { rows } = await pipeline.db.pool.query<{ cohort: string | null; wording: number | null; n: number }>(
    `select cohort, wording_version as wording, count(*)::int as n from drafts where draft_key like '%:draft' group by 1, 2 order by 1, 2`);
  expect(rows.map((r) => [r.cohort, r.wording])).toEqual([[`${DEMO_EXPERIMENT_ID}:shipped`, 1], [`${DEMO_EXPERIMENT_ID}:warmer`, 2]]);
  expect(state.kind).toBe('running');
  process.stdout.write(`demo experiment: ${figures.map((f) => `${f.variant} ${f.emails} emails, CSAT ${f.csat?.toFixed(2)} of ${f.rated}`).join('; ')}; ${state.kind}\n`);
});

test('a second run changes nothing', async () => {
  const before = lines(await kpiRows(pipeline.db.pool, { ...RANGE, granularity: 'day', split: null, filters: {} }, { conversionWindowDays: 7 }));
  const again = await simulateMonth(deps, { ...MONTH, timeoutMs: 120_000 });
  expect(again).toMatchObject({ decided: 0, rated: 0, orders: { stored: 0, conflicts: 0, duplicates: result.orders.generated } });
  expect(lines(await kpiRows(pipeline.db.pool, { ...RANGE, granularity: 'day', split: null, filters: {} }, { conversionWindowDays: 7 }))).toEqual(before);
});
