/**
 * The public pages of the reply links, through the review process itself (its HTTP server, no login), real Postgres
 * (a database of its own) and the real Kafka broker (a topic of its own): a GET never changes anything, a vote is recorded, changed, audited and
 * published as csat.rated, a forged, expired or misused token opens nothing, and the opt-out reaches the CRM row
 * routing reads (and outlives a CRM re-seed).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Consumer, Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { registerEmail, saveCase } from '@replique/activities/adapters/pg/emails';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { seedShop } from '@replique/activities/adapters/pg/seed-shop';
import { signLinkToken } from '@replique/activities/outbound/reply-link-token';
import type { EmailCase } from '@replique/activities/domain/types';
import { startReviewService } from '@replique/services/review/main';
import { startEventRelay, type EventRelay } from '@replique/activities/adapters/kafka/event-relay';
import { ReviewEnvSchema } from '@replique/services/config/review-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { shopFixture } from '../support/paths';
import { deleteTopics, stack, waitFor } from '../adapters/stack-env';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';

jest.setTimeout(60_000);

const SECRET = 'integration-link-secret-0123456789abcdef';
const CUSTOMER = 'C0039';
const topic = `test.email.events.links.${randomUUID().slice(0, 8)}`;

let db: TestDatabase;
let kafka: Kafka;
let relay: EventRelay;
let consumer: Consumer;
let review: Awaited<ReturnType<typeof startReviewService>>;
let base: string;
const events: Array<{ emailKey: string; stage: string; event: string; data: Record<string, unknown> }> = [];

/** An answered email as the pipeline leaves it: its case names the customer (found by address) and the reply's language. */
async function answeredEmail(customerMatch = 'sender'): Promise<string> {
  const raw = Buffer.from(`Message-ID: <${randomUUID()}@test.replique>\r\nSubject: order\r\n\r\nWhere is my order?\r\n`);
  const stored = await storeRawEmail(db.pool, testVault(db.pool), { raw, source: 'http', mailbox: 'support-links' });
  const emailKey = stored.sha256;
  await registerEmail(db.pool, { emailKey, rawId: stored.rawId, mailbox: 'support-links', messageIdHash: null, workflowId: `email-${emailKey.slice(0, 32)}` });
  await saveCase(db.pool, testVault(db.pool), emailKey, {
    draft: { lang: 'en' },
    enrichment: { customerId: CUSTOMER, customerMatch },
  } as unknown as EmailCase);
  return emailKey;
}

const link = (purpose: 'csat' | 'optout', emailKey: string, expiresAt = new Date(Date.now() + 86_400_000)) =>
  signLinkToken(SECRET, { purpose, emailKey, expiresAt });
const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });
const post = (path: string, form: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', body: new URLSearchParams(form) });

/** The rating row, its comment opened (it is sealed with the email's data key). */
async function ratingRow(emailKey: string) {
  const { rows } = await db.pool.query<{ score: number; comment: Buffer | null; changes: number }>(
    'select score, comment, changes from reply_ratings where email_key = $1', [emailKey]);
  return rows[0] ? { ...rows[0], comment: await testVault(db.pool).openText(rows[0].comment) } : null;
}
async function customerRow() {
  const { rows } = await db.pool.query('select ai_opt_out, ai_opt_out_via, ai_opt_out_at from customers where id = $1', [CUSTOMER]);
  return rows[0]!;
}
const trailOf = async (emailKey: string) => (await auditTrail(db.pool, emailKey)).map((e) => ({ step: `${e.stage}:${e.event}`, data: e.data }));

beforeAll(async () => {
  db = await withTestDatabase();
  await seedShop(db.pool, JSON.parse(readFileSync(shopFixture, 'utf8')));
  kafka = createKafka(stack.kafkaBrokers, 'replique-link-tests');
  await ensureTopics(kafka, [topic], { numPartitions: 1 });
  consumer = kafka.consumer({ groupId: `${topic}.reader` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void events.push(JSON.parse(message.value!.toString())) });
  // The review process itself; its events go through the outbox, published on this test's topic by a relay.
  relay = startEventRelay({ databaseUrl: db.databaseUrl, kafka, topic, pollMs: 50 });
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_TOPIC_INBOUND: `${topic}.inbound`,
    KAFKA_TOPIC_EVENTS: topic,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    REVIEW_HTTP_PORT: '0',
    REVIEW_TOKEN: 'test-token-0123456789abcdef',
    REPLY_LINK_SECRET: SECRET,
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
  }));
  base = `http://127.0.0.1:${review.port}`;
});

afterAll(async () => {
  await review?.stop();
  await relay?.stop();
  await consumer?.disconnect();
  if (kafka) await deleteTopics(kafka, [topic, `${topic}.inbound`]);
  await db?.close();
});

test('opening the rating link (as a mail scanner would) shows the page with the clicked score chosen, and records nothing', async () => {
  const emailKey = await answeredEmail();
  const token = link('csat', emailKey);
  for (const method of ['GET', 'HEAD']) {
    const res = await fetch(`${base}/r/rate/${token}?score=4`, { method });
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  }
  const page = await (await get(`/r/rate/${token}?score=4`)).text();
  expect(page).toContain('<html lang="en">');
  expect(page).toContain('Did our reply help you?');
  expect(page).toMatch(/<input type="radio" name="score" value="4" checked>/);
  expect(page.match(/<button type="submit">/g)).toHaveLength(1);
  expect(await (await get(`/r/rate/${token}?lang=fr`)).text()).toContain('Notre réponse vous a-t-elle aidé ?');
  expect(await ratingRow(emailKey)).toBeNull();
  expect(await trailOf(emailKey)).toEqual([]);
});

test('a vote is recorded, the same vote again changes nothing, a new one replaces it; each change is audited and published', async () => {
  const emailKey = await answeredEmail();
  const path = `/r/rate/${link('csat', emailKey)}`;
  const first = await post(path, { score: '4', lang: 'en' });
  expect(first.status).toBe(303);
  expect(first.headers.get('location')).toBe(`${path}?saved=1&lang=en`);
  expect(await ratingRow(emailKey)).toEqual({ score: 4, comment: null, changes: 0 });
  expect((await post(path, { score: '4', lang: 'en' })).status).toBe(303);
  await post(path, { score: '2', comment: '  The tracking link did not work.  ', lang: 'en' });
  expect(await ratingRow(emailKey)).toEqual({ score: 2, comment: 'The tracking link did not work.', changes: 1 });

  expect(await trailOf(emailKey)).toEqual([
    { step: 'csat:rated', data: { score: 4, previousScore: null, changes: 0, comment: false } },
    { step: 'csat:rated', data: { score: 2, previousScore: 4, changes: 1, comment: true } },
  ]);
  const published = await waitFor('both csat.rated events', () => {
    const mine = events.filter((e) => e.emailKey === emailKey);
    return mine.length >= 2 ? mine : null;
  });
  expect(published.map((e) => [e.stage, e.event, e.data])).toEqual([
    ['csat', 'rated', { score: 4, previousScore: null, changes: 0, comment: false }],
    ['csat', 'rated', { score: 2, previousScore: 4, changes: 1, comment: true }],
  ]);
  expect(JSON.stringify(published)).not.toContain('tracking link');

  const page = await (await get(`${path}?saved=1&lang=en`)).text();
  expect(page).toContain('Thank you! Your rating (2/5) is saved.');
  expect(page).toMatch(/value="2" checked/);
  expect(page).toContain('The tracking link did not work.</textarea>');
});

test('a vote without a score is refused with the page again; nothing is written', async () => {
  const emailKey = await answeredEmail();
  const res = await post(`/r/rate/${link('csat', emailKey)}`, { comment: 'no score', lang: 'fr' });
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('Choisissez une note de 1 à 5.');
  expect(await ratingRow(emailKey)).toBeNull();
});

test('a forged, expired or misused token opens nothing and writes nothing', async () => {
  const emailKey = await answeredEmail();
  const token = link('csat', emailKey);
  const [purpose, key, expiry, sig] = token.split('.');
  const otherKey = link('csat', await answeredEmail()).split('.')[1];
  const forged = [
    `${purpose}.${otherKey}.${expiry}.${sig}`,
    `${purpose}.${key}.${(Number.parseInt(expiry!, 36) + 86_400).toString(36)}.${sig}`,
    `${purpose}.${key}.${expiry}.${sig!.startsWith('A') ? 'B' : 'A'}${sig!.slice(1)}`,
    signLinkToken('another-secret-0123456789abcdefghijkl', { purpose: 'csat', emailKey, expiresAt: new Date(Date.now() + 86_400_000) }),
  ];
  for (const bad of forged) {
    expect((await get(`/r/rate/${bad}`)).status).toBe(404);
    expect((await post(`/r/rate/${bad}`, { score: '1' })).status).toBe(404);
  }
  const expired = link('csat', emailKey, new Date(Date.now() - 1000));
  expect((await get(`/r/rate/${expired}`)).status).toBe(410);
  expect((await post(`/r/rate/${expired}`, { score: '1' })).status).toBe(410);
  // a rating token does not opt anyone out, nor the other way round
  expect((await post(`/r/human/${token}`, {})).status).toBe(404);
  expect((await post(`/r/rate/${link('optout', emailKey)}`, { score: '5' })).status).toBe(404);
  expect(await ratingRow(emailKey)).toBeNull();
  expect((await customerRow()).ai_opt_out).toBe(false);
  expect(await trailOf(emailKey)).toEqual([]);
});

test('the opt-out link asks first; its button sets ai_opt_out on the customer, audited, and a CRM re-seed keeps it', async () => {
  const thirdParty = await answeredEmail('on_behalf');
  expect((await get(`/r/human/${link('optout', thirdParty)}`)).status).toBe(404);
  expect((await post(`/r/human/${link('optout', thirdParty)}`, {})).status).toBe(404);
  expect((await customerRow()).ai_opt_out).toBe(false);

  const emailKey = await answeredEmail();
  const path = `/r/human/${link('optout', emailKey)}`;
  const ask = await (await get(path)).text();
  expect(ask).toContain('Would you rather a person from our team answered your next messages');
  expect(ask.match(/<button type="submit">/g)).toHaveLength(1);
  expect((await customerRow()).ai_opt_out).toBe(false);

  const res = await post(path, { lang: 'en' });
  expect(res.status).toBe(303);
  expect(await customerRow()).toMatchObject({ ai_opt_out: true, ai_opt_out_via: 'reply_link' });
  expect(await trailOf(emailKey)).toEqual([{ step: 'customer:ai_opt_out', data: { customerId: CUSTOMER, via: 'reply_link' } }]);
  expect(await (await get(`${path}?lang=en`)).text()).toContain('Done: your next messages will be read and handled by a person');
  await post(path, { lang: 'en' });
  expect(await trailOf(emailKey)).toHaveLength(1);

  await seedShop(db.pool, JSON.parse(readFileSync(shopFixture, 'utf8')));
  expect((await customerRow()).ai_opt_out).toBe(true);
});
