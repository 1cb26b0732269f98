/**
 * The weekly report on a throwaway database seeded through the real event path: a simulated fortnight (ISO weeks
 * 2026-W47 and W48) of `email.events` on a Kafka topic of this test's own, taken by the KPI consumer; the shop's CRM
 * seeded and its orders imported with the real CLI (`replique orders import`). Then `pnpm -s replique report --week
 * 2026-W48` (a child process, as a lead runs it) must print the KPI table against targets, the topics that
 * re-escalate with their templates and example emails, and the reviewers' edits by template, every figure matching an
 * independent recomputation from the raw events; the review tool's /report page shows the same in Chromium
 * (screenshot: docs/screenshots/weekly-report.png).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Partitioners, type Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import { seedShop } from '../../activities/src/adapters/pg/seed-shop';
import { KPI_TARGETS } from '../../activities/src/kpi/kpi-definitions';
import { formatKpi } from '../../activities/src/kpi/kpi-format';
import { startKpiConsumer } from '../../services/src/kpi/kpi-consumer';
import { startReviewService } from '../../services/src/review/main';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { generateOrderStream } from '../../services/src/demo/order-stream';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { deleteTopics, stack, waitFor } from '../adapters/stack-env';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { repoRoot } from '../support/paths';
import { addReviewer, ReviewClient } from '../review/review-client';
import { recomputeEmails, recomputeRows, recomputeTopics, type RawEvent } from './recompute-kpis';
import { simulateEvents } from './simulated-events';
import { simulateShop } from './simulated-shop';

jest.setTimeout(240_000);
const run = promisify(execFile);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'weekly-report.png');
const id = randomUUID().slice(0, 8);
const topic = `test.email.events.report.${id}`;
const WEEK = { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' };
const PREVIOUS = { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' };
const shop = simulateShop({ seed: 48, customers: 200, start: PREVIOUS.from });
const sim = simulateEvents({ seed: 48, emails: 200, days: 14, start: PREVIOUS.from, customers: shop.customerIds, complements: shop.complements });
const orders = generateOrderStream({
  seed: 48, start: '2026-11-09', days: 28, customers: shop.streamCustomers, products: shop.products, replies: sim.replies, replyLift: 0.8,
});
const conversionShop = shop.conversion(orders, 7);

let db: TestDatabase;
let kafka: Kafka;
let review: Awaited<ReturnType<typeof startReviewService>>;
let baseUrl: string;
let emails: ReturnType<typeof recomputeEmails>;

beforeAll(async () => {
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, `replique-report-test-${id}`);
  await ensureTopics(kafka, [topic], { numPartitions: 2 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  for (let i = 0; i < sim.events.length; i += 500) {
    await producer.send({ topic, acks: -1, messages: sim.events.slice(i, i + 500).map((e) => ({ key: e.emailKey, value: JSON.stringify(e) })) });
  }
  await producer.disconnect();
  let taken = 0;
  const consumer = await startKpiConsumer({ db: db.pool, kafka, groupId: `test-report-${id}`, topic, onTaken: () => void taken++ });
  await waitFor('every event taken', () => taken >= sim.events.length, 120_000);
  await consumer.stop();
  emails = recomputeEmails(sim.events as RawEvent[]);

  await seedShop(db.pool, shop.json);
  const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
  writeFileSync(path.join(dir, 'orders.jsonl'), orders.map((o) => JSON.stringify(o)).join('\n'));
  const imported = await replique(['orders', 'import', path.join(dir, 'orders.jsonl')]);
  expect(imported.stdout.trim()).toBe(`stored ${orders.length} orders, 0 already there`);

  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: 'test-token-0123456789abcdef',
  }));
  baseUrl = `http://127.0.0.1:${review.port}`;
});

afterAll(async () => {
  await review?.stop();
  if (kafka) await deleteTopics(kafka, [topic]);
  await db?.close();
});

/** The real CLI, in a process of its own, on this test's database. */
function replique(args: string[]) {
  return run('pnpm', ['-s', 'replique', ...args], {
    cwd: repoRoot, env: { ...process.env, DATABASE_URL: db.databaseUrl, KPI_CONVERSION_WINDOW_DAYS: '7' }, maxBuffer: 10_000_000,
  });
}

const kpisOf = (range: { from: string; to: string }) => recomputeRows(emails, { ...range, granularity: 'all', split: null, filters: {} }, conversionShop)[0]!;
const inWeek = (e: (typeof emails)[number]) => e.customer && e.receivedAt >= Date.parse(`${WEEK.from}T00:00:00Z`) && e.receivedAt < Date.parse(`${WEEK.to}T00:00:00Z`) + 86_400_000;

/** Expected: the week's re-escalated topics with their templates, and the edits per template. */
function expectedTopics() {
  return recomputeTopics(emails, { ...WEEK, filters: {} }).slice(0, 20).map((t) => {
    const counts = new Map<string, number>();
    for (const e of emails.filter((x) => inWeek(x) && x.reescalated && x.intent === t.intent)) counts.set(e.template, (counts.get(e.template) ?? 0) + 1);
    return { ...t, templates: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([x, n]) => `${x} ×${n}`).join(', ') };
  });
}
function expectedEdits() {
  const byTemplate = new Map<string, { edited: number; sent: number }>();
  for (const e of emails.filter(inWeek)) {
    const t = byTemplate.get(e.template) ?? { edited: 0, sent: 0 };
    byTemplate.set(e.template, { edited: t.edited + (e.edited ? 1 : 0), sent: t.sent + (e.reviewedSent ? 1 : 0) });
  }
  return [...byTemplate].filter(([, c]) => c.edited > 0).map(([template, c]) => ({ template, ...c }));
}

/** The rows of the Markdown table under a heading. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (line.startsWith('| ')) rows.push(line.slice(2, -2).split(' | '));
  }
  return rows.slice(2); // header and separator
}

test('replique report --week 2026-W48 prints the seed\'s loop, every figure as recomputed from the raw events', async () => {
  const { stdout } = await replique(['report', '--week', WEEK.week]);
  expect(stdout.split('\n')[0]).toBe(`# Weekly report ${WEEK.week} (${WEEK.from} – ${WEEK.to})`);

  const week = kpisOf(WEEK);
  const before = kpisOf(PREVIOUS);
  expect(week.emails).toBeGreaterThan(50);
  expect(tableAfter(stdout, '## KPIs against their targets')).toEqual(KPI_TARGETS.map((t) => {
    const value = week[t.key] as number | null;
    const state = value === null ? 'no data' : t.text === 'tracked' ? 'tracked' : t.met(value) ? 'met' : 'MISSED';
    return [t.label, formatKpi(t, value), formatKpi(t, before[t.key] as number | null), t.text, state];
  }));
  expect(stdout).toContain(`Volumes: ${week.emails} customer emails, ${week.automated} answered automatically, ${week.reviews} reviews`);

  const topics = expectedTopics();
  expect(topics.length).toBeGreaterThan(0);
  const shownTopics = tableAfter(stdout, '## Topics that re-escalate');
  expect(shownTopics.map((r) => [r[1], Number(r[2]), r[4]])).toEqual(topics.map((t) => [t.intent, t.reescalated, t.templates]));
  for (const r of shownTopics) {
    const examples = r[5]!.split(' ');
    expect(examples.length).toBeGreaterThan(0);
    for (const key of examples) expect(emails.find((e) => e.key === key)).toMatchObject({ reescalated: true, intent: r[1] });
  }

  const edits = tableAfter(stdout, '## Reviewers\' edits by template');
  expect(edits.map((r) => ({ template: r[0]!, edited: Number(r[1]), sent: Number(r[2]) })).sort((a, b) => (a.template < b.template ? -1 : 1)))
    .toEqual(expectedEdits().sort((a, b) => (a.template < b.template ? -1 : 1)));
  expect(stdout).toContain(`${week.conversionReplies} replies to known customers, ${week.conversionMatched} with a matched baseline: ${week.conversionConverted} followed by an order`);

  await expect(replique(['report', '--week', '2026-48'])).rejects.toMatchObject({ code: 2 });
});

test('in Chromium, a lead reads the same report at /report, and picks another week; a reviewer may not', async () => {
  const rita = await ReviewClient.login(baseUrl, 'rita', await addReviewer(db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/report')).status).toBe(403);
  const password = await addReviewer(db.pool, 'lea', 'lead');
  let browser: HeadlessChromium | undefined;
  try {
    browser = await openChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/report?week=${WEEK.week}`);
    await page.fill('input[name=name]', 'lea');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL('**/report?week=2026-W48'), page.click('button[type=submit]')]);

    const week = kpisOf(WEEK);
    for (const t of KPI_TARGETS) {
      await expect(page.locator(`table.report-kpis tr[data-kpi="${t.key}"] td.value`).textContent()).resolves.toBe(formatKpi(t, week[t.key] as number | null));
    }
    const topics = expectedTopics();
    expect(await page.locator('table.report-topics tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-intent'))))
      .toEqual(topics.map((t) => t.intent));
    expect(await page.locator('table.report-topics a[href^="/emails/"]').count()).toBeGreaterThan(0);
    expect((await page.locator('table.report-edits tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-template')))).sort())
      .toEqual(expectedEdits().map((e) => e.template).sort());
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.fill('input[name=week]', PREVIOUS.week);
    await Promise.all([page.waitForURL('**/report?week=2026-W47'), page.click('.report-week button[type=submit]')]);
    const before = kpisOf(PREVIOUS);
    await expect(page.locator('table.report-kpis tr[data-kpi="automationRate"] td.value').textContent())
      .resolves.toBe(formatKpi(KPI_TARGETS.find((t) => t.key === 'automationRate')!, before.automationRate));
    // The Markdown link, with the browser's session (the page's CSP allows no script fetch).
    const href = await page.locator('.report-week a', { hasText: 'Markdown' }).getAttribute('href');
    const markdown = await (await page.request.get(`${baseUrl}${href}`)).text();
    expect(markdown.split('\n')[0]).toBe(`# Weekly report ${PREVIOUS.week} (${PREVIOUS.from} – ${PREVIOUS.to})`);
  } finally {
    await browser?.close();
  }
});
