/**
 * Experiments end to end on the real Kafka, Postgres and Chromium: a lead starts an experiment between two template
 * versions (saved and checked as data) in the review tool in Chromium (its horizon computed then), a seeded stream of `email.events` for its two variants (and for emails outside it)
 * goes through the KPI consumer on a topic of this test's own, and the experiments page shows, per variant, the
 * figures an independent oracle computes from the simulated emails: first `running` with how many outcomes are still
 * needed, then, at the horizon, the test's verdict. The lead promotes the winner in Chromium (screenshot:
 * docs/screenshots/experiments.png): its template version is put in force for every email; the promotion and the
 * activation are audited, with the test's state; a second promotion, a reviewer and a post without the CSRF token
 * are refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { createKafka, ensureTopics } from '../../activities/src/adapters/kafka/kafka-client';
import type { EventConsumer } from '../../activities/src/adapters/kafka/event-consumer';
import { experimentReport, getExperiment, type ExperimentReport } from '../../activities/src/adapters/pg/experiment-store';
import { activeWordingVersion, saveWordingVersion, seedWordingVersions } from '../../activities/src/adapters/pg/wording-versions';
import type { TemplateWording } from '../../activities/src/reply/wording/phrase-catalogue';
import { checkWordingVersion } from '../../services/src/wording/activation-check';
import { readExperiment } from '../../activities/src/experiments/readout';
import { startKpiConsumer } from '../../services/src/kpi/kpi-consumer';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { startReviewService } from '../../services/src/review/main';
import { formatDuration, formatPercent } from '../../activities/src/kpi/kpi-format';
import { deleteTopics, groupLag, stack, waitFor } from '../adapters/stack-env';
import { openChromium, type HeadlessChromium } from '../support/headless-chromium';
import { devEmailsDir, repoRoot, sharedRoot } from '../support/paths';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { addReviewer, ReviewClient } from '../review/review-client';
import { oracleCsatArm, oracleFigures, simulateExperiment, type SimulatedEmail } from './simulated-experiment';

jest.setTimeout(240_000);
// The tests are steps of one experiment, in order: jest-circus retries a failed test after the file's last one, when
// the later steps have already published the rest of the stream, so a retry could only fail again, differently.
jest.retryTimes(0);

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'experiments.png');
const id = randomUUID().slice(0, 8);
const topic = `test.email.events.experiments.${id}`;
const group = `test-experiments-${id}`;
const EXPERIMENT = 'reply-tone-2026-12';
const DEFINITION = {
  id: EXPERIMENT, kind: 'tone', title: 'Warm or brief order-status replies', metric: 'csat_positive',
  baseline: 0.7, mde: 0.2, alpha: 0.05, power: 0.8, assignmentUnit: 'conversation',
  variants: [{ name: 'warm', versionKey: 'templates@1' }, { name: 'brief', versionKey: 'templates@2' }],
};
// The planted winner: brief replies are rated well far more often, edited less, and answered again less.
const emails = simulateExperiment({
  seed: 1514, experimentId: EXPERIMENT, perVariant: 110, start: '2026-11-09',
  variants: [
    { name: 'warm', positive: 0.68, editMean: 140, comesBack: 0.15 },
    { name: 'brief', positive: 0.93, editMean: 60, comesBack: 0.04 },
  ],
});

let db: TestDatabase;
let kafka: Kafka;
let producer: Producer;
let consumer: EventConsumer;
let review: Awaited<ReturnType<typeof startReviewService>>;
let baseUrl: string;
let lead: ReviewClient;
let leadPassword: string;
let taken = 0;

async function publish(batch: SimulatedEmail[]): Promise<void> {
  const messages = batch.flatMap((e) => e.events).map((e) => ({ key: e.emailKey, value: JSON.stringify(e) }));
  // Counted before sending: the consumer takes the first events while the later ones are still being sent.
  const expected = taken + messages.length;
  for (let i = 0; i < messages.length; i += 500) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
  await waitFor('the KPI consumer took the batch', () => taken >= expected, 90_000).catch(async (err: Error) => {
    throw new Error(`${err.message}: ${taken} of ${expected} events taken; group at ${await groupLag(kafka, group, topic)}`);
  });
}

async function report(): Promise<ExperimentReport> {
  return experimentReport(db.pool, (await getExperiment(db.pool, EXPERIMENT))!);
}

beforeAll(async () => {
  db = await withTestDatabase();
  kafka = createKafka(stack.kafkaBrokers, `replique-experiments-test-${id}`);
  await ensureTopics(kafka, [topic], { numPartitions: 3 });
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  consumer = await startKpiConsumer({ db: db.pool, kafka, groupId: group, topic, onTaken: () => void taken++ });
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: 'test-token-0123456789abcdef',
  }));
  baseUrl = `http://127.0.0.1:${review.port}`;
  leadPassword = await addReviewer(db.pool, 'lena', 'lead');
  lead = await ReviewClient.login(baseUrl, 'lena', leadPassword);
  // The shipped wording is template version 1; version 2 says the closing briefly, and passes its activation check.
  await seedWordingVersions(db.pool);
  const body = structuredClone((await activeWordingVersion(db.pool, 'templates'))!.row.body) as unknown as TemplateWording;
  body.phrases.signature.en = body.phrases.signature.en.replace('Kind regards,', 'Best,');
  await saveWordingVersion(db.pool, { kind: 'templates', body, by: 'paula', note: 'brief closing' });
  const check = await (await checkWordingVersion(db.pool, { kind: 'templates', version: 2, by: 'paula' },
    { sets: [devEmailsDir], shopFile: path.join(sharedRoot, 'fixtures', 'shop.json') })).done;
  expect(check.passed).toBe(true);
});

afterAll(async () => {
  await consumer?.stop();
  await review?.stop();
  await producer?.disconnect();
  if (kafka) await deleteTopics(kafka, [topic]);
  await db?.close();
});

test('a lead starts an experiment in the tool (Chromium): its horizon is computed then, the start is audited; nonsense is refused', async () => {
  let browser: HeadlessChromium | undefined;
  try {
    browser = await openChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name=name]', 'lena');
    await page.fill('input[name=password]', leadPassword);
    await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
    await page.goto(`${baseUrl}/experiments`);
    await page.fill('#experiment-definition', JSON.stringify(DEFINITION, null, 2));
    await Promise.all([page.waitForURL('**/experiments?created=**'), page.click('#create-experiment')]);
    await expect(page.locator('.flash').textContent()).resolves.toContain(`Experiment ${EXPERIMENT} started.`);
    await expect(page.locator(`section.experiment[data-experiment="${EXPERIMENT}"] .experiment-state b`).textContent()).resolves.toBe('running: needs 124 more');
  } finally {
    await browser?.close();
  }
  const experiment = (await getExperiment(db.pool, EXPERIMENT))!;
  // 0.70 → 0.90 at 5 %, power 80 %: 62 per arm.
  expect(experiment).toMatchObject({ samplePerArm: 62, createdBy: 'lena', status: 'running' });
  const again = await lead.post('/experiments', { _csrf: lead.csrf, definition: JSON.stringify(DEFINITION) }, 'application/json');
  expect(again.status).toBe(422);
  const bad = await lead.post('/experiments', { _csrf: lead.csrf, definition: JSON.stringify({ ...DEFINITION, id: 'x2', variants: [DEFINITION.variants[0]] }) }, 'application/json');
  expect(bad.status).toBe(422);
  const unknownText = { ...DEFINITION, id: 'x3', variants: [...DEFINITION.variants.slice(0, 1), { name: 'b', versionKey: 'draft-reply@9.9.9' }] };
  const unknown = await lead.post('/experiments', { _csrf: lead.csrf, definition: JSON.stringify(unknownText) }, 'application/json');
  expect(unknown.status).toBe(422);
  expect(((await unknown.json()) as { error: string }).error).toContain('draft-reply@9.9.9');
  const unsaved = { ...DEFINITION, id: 'x4', variants: [{ name: 'a', versionKey: 'prompts@1' }, { name: 'b', versionKey: 'prompts@7' }] };
  const refused = await lead.post('/experiments', { _csrf: lead.csrf, definition: JSON.stringify(unsaved) }, 'application/json');
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { error: string }).error).toContain('no prompts version 7 is saved');
  // One running experiment per text: another on the templates waits for this one's end.
  const same = { ...DEFINITION, id: 'x5', variants: [{ name: 'a', versionKey: 'templates@2' }, { name: 'b', versionKey: 'templates@1' }] };
  const busy = await lead.post('/experiments', { _csrf: lead.csrf, definition: JSON.stringify(same) }, 'application/json');
  expect(busy.status).toBe(422);
  expect(((await busy.json()) as { error: string }).error).toContain(`experiment ${EXPERIMENT} is running on templates`);
  const { rows } = await db.pool.query<{ event: string; by: string }>(`select event, data->>'by' as by from audit_log where stage = 'experiment'`);
  expect(rows).toEqual([{ event: 'experiment_created', by: 'lena' }]);
});

test('before the horizon: the per-variant figures match the oracle and the state is running with what is still needed', async () => {
  const firstPart = emails.slice(0, 90);
  await publish(firstPart);
  const r = await report();
  for (const variant of ['warm', 'brief']) {
    expect(r.figures.find((f) => f.variant === variant)).toEqual(closeTo(oracleFigures(firstPart, EXPERIMENT, variant)));
  }
  const arms = ['warm', 'brief'].map((v) => oracleCsatArm(firstPart, EXPERIMENT, v, 62));
  expect(r.arms).toEqual(arms);
  expect(r.state).toEqual({ kind: 'running', needed: 124 - arms[0]!.n - arms[1]!.n, neededPerArm: { warm: 62 - arms[0]!.n, brief: 62 - arms[1]!.n } });
  const json = (await (await lead.get('/experiments', 'application/json')).json()) as { experiments: { stateText: string }[] };
  expect(json.experiments[0]!.stateText).toBe(`running: needs ${124 - arms[0]!.n - arms[1]!.n} more`);
});

test('at the horizon: the figures match the oracle, emails outside the experiment do not count, and the test names the planted winner', async () => {
  await publish(emails.slice(90));
  const r = await report();
  const figures = ['warm', 'brief'].map((v) => oracleFigures(emails, EXPERIMENT, v));
  expect(r.figures).toEqual(figures.map(closeTo));
  expect(r.figures.reduce((s, f) => s + f.emails, 0)).toBe(emails.filter((e) => e.cohort.startsWith(`${EXPERIMENT}:`)).length);
  const arms = ['warm', 'brief'].map((v) => oracleCsatArm(emails, EXPERIMENT, v, 62));
  expect(r.arms).toEqual(arms);
  expect(arms.every((a) => a.n === 62)).toBe(true);
  const expected = readExperiment(r.plan, 'warm', arms);
  expect(r.state).toEqual(expected);
  expect(r.state).toMatchObject({ kind: 'winner', winner: 'brief' });
  const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from kpi_email_facts`);
  expect(rows[0]!.n).toBe(emails.length);
  process.stdout.write(`experiment: ${figures.map((f) => `${f.variant} CSAT ${formatPercent(f.csat!)} of ${f.rated}`).join(', ')}; `
    + `test on the first 62 rated per arm: ${r.state.kind === 'winner' ? `winner ${r.state.winner}, p = ${r.state.comparisons[0]!.p.toFixed(5)}` : r.state.kind}\n`);
});

test('in Chromium, the lead sees the per-variant figures and the verdict, and promotes the winner; audited; refused twice, to a reviewer and without CSRF', async () => {
  const r = await report();
  let browser: HeadlessChromium | undefined;
  try {
    browser = await openChromium();
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name=name]', 'lena');
    await page.fill('input[name=password]', leadPassword);
    await Promise.all([page.waitForURL('**/queue'), page.click('button[type=submit]')]);
    await Promise.all([page.waitForURL('**/experiments'), page.click('header a[href="/experiments"]')]);
    const section = page.locator(`section.experiment[data-experiment="${EXPERIMENT}"]`);
    await expect(section.locator('.experiment-state b').textContent()).resolves.toBe('winner: brief');
    for (const f of r.figures) {
      const cells = await section.locator(`tr[data-variant="${f.variant}"] td`).allTextContents();
      expect(cells[4]).toBe(String(f.emails));
      expect(cells[5]).toBe(formatPercent(f.automationRate!));
      expect(cells[6]).toBe(`${formatPercent(f.csat!)} (${f.rated})`);
      expect(cells[7]).toBe(`${formatPercent(f.reescalationRate!)} (${f.automated})`);
      expect(cells[8]).toBe(formatDuration(f.timeToCloseP50Seconds!));
      expect(cells[9]).toBe(`${f.editDistanceMean!.toFixed(1)} (${f.edited})`);
    }
    await expect(section.locator('tr[data-variant="brief"] td[data-arm-n]').getAttribute('data-arm-n')).resolves.toBe('62');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await section.locator('tr[data-variant="brief"] form.promote input[name=note]').fill('CSAT clearly better, fewer edits');
    await Promise.all([page.waitForURL('**/experiments?promoted=**'), section.locator('tr[data-variant="brief"] form.promote.winner button').click()]);
    await expect(page.locator('.flash').textContent()).resolves.toContain(`Promoted ${EXPERIMENT}:brief: templates@2 is in force for every email`);
    await expect(section.locator('.experiment-state b').textContent()).resolves.toBe('promoted: brief');
    await expect(section.locator('.decision').textContent()).resolves.toMatch(/Promoted brief by lena .*CSAT clearly better/);
    expect(await section.locator('form.promote').count()).toBe(0);
  } finally {
    await browser?.close();
  }
  const { rows } = await db.pool.query<{ event: string; data: Record<string, unknown> }>(
    `select event, data from audit_log where stage = 'experiment' order by id`);
  expect(rows.map((x) => x.event)).toEqual(['experiment_created', 'variant_promoted']);
  expect(rows[1]!.data).toMatchObject({
    experiment: EXPERIMENT, variant: 'brief', by: 'lena', versionKey: 'templates@2', testState: 'winner', testWinner: 'brief',
    note: 'CSAT clearly better, fewer edits', inForce: 'templates@2',
  });
  // The winner's version is the one in force for everyone, activated by the lead, naming the experiment.
  expect((await activeWordingVersion(db.pool, 'templates'))!.activation).toMatchObject({ version: 2, action: 'activate', activatedBy: 'lena' });
  const { rows: wording } = await db.pool.query<{ event: string; data: Record<string, unknown> }>(
    `select event, data from audit_log where stage = 'wording' order by id`);
  expect(wording.map((w) => w.event)).toEqual(['templates_saved', 'templates_activated']);
  expect(wording[1]!.data).toMatchObject({ version: 2, from: 1, by: 'lena', experiment: EXPERIMENT });

  expect((await lead.post(`/experiments/${EXPERIMENT}/promote`, { _csrf: lead.csrf, variant: 'warm' }, 'application/json')).status).toBe(409);
  expect((await lead.post(`/experiments/${EXPERIMENT}/promote`, { variant: 'warm' })).status).toBe(403);
  const rita = await ReviewClient.login(baseUrl, 'rita', await addReviewer(db.pool, 'rita', 'reviewer'));
  expect((await rita.get('/experiments')).status).toBe(403);
  expect((await rita.post(`/experiments/${EXPERIMENT}/promote`, { _csrf: rita.csrf, variant: 'warm' })).status).toBe(403);
  expect(await (await rita.get('/queue')).text()).not.toContain('href="/experiments"');
  expect((await getExperiment(db.pool, EXPERIMENT))!.promotedVariant).toBe('brief');
});

/** Figures equal to the oracle's, floating-point values to 9 digits (SQL and JS sum in different orders). */
function closeTo<T extends object>(expected: T): T {
  return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? expect.closeTo(v, 9) : v])) as T;
}
