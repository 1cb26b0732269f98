/**
 * Privacy after a realistic run, on the real stack (HTTP intake → Kafka → starter → Temporal → worker → review tool →
 * smtp-sink), every process with its KEK and payload key: Mathis (C0017: a change of address, a follow-up, then a
 * reviewer's edit and note), Noah (C0029: a missing item, edited and noted too) and Ryan (C0038: answered
 * automatically). The post-run scan (services/src/privacy/privacy-scan.ts) reads every Postgres table but the
 * reference data, every record of the run's email.inbound and email.events topics, and every event of the run's
 * Temporal histories, each payload decoded by the codec server as an SRE decodes it: none of their names, phones,
 * addresses, body fragments or the reviewers' texts in clear. Then `replique gdpr export` gives Noah everything held
 * about him; `replique gdpr erase` leaves nothing of Mathis readable anywhere (Postgres, Temporal histories even
 * opened with the keys, the customer memory), while Noah's text still opens, and the audit chain verifies.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { verifyAuditLog } from '@replique/activities/audit/verify-audit-log';
import { EmbeddedMemoryStore } from '@replique/activities/memory/embedded-memory-store';
import { HashingEmbedder } from '@replique/activities/reply/hashing-embedder';
import { gdprCommand } from '@replique/services/cli/gdpr-command';
import { privacyCommand } from '@replique/services/cli/privacy-command';
import {
  codecServerDecoder, scanKafkaTopics, scanPostgres, scanTemporalHistories, type Finding,
} from '@replique/services/privacy/privacy-scan';
import { customerReply } from '../review/fixtures';
import { addReviewer, ReviewClient } from '../review/review-client';
import { freshDevEmail } from '../support/dev-email-copy';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';

jest.setTimeout(300_000);

const letters = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const MARK = {
  mathisFollowUp: `FollowUpMarker${letters()}`, mathisEdit: `EditMarker${letters()}`, mathisNote: `NoteMarker${letters()}`,
  noahEdit: `EditMarker${letters()}`, noahNote: `NoteMarker${letters()}`, /** Lower case: the check quotes the sentence lower-cased. */
  noahBlocked: `blockedmarker${letters()}`,
};
/** What is Mathis's alone: his address, phone, e-mail address, name, a sentence of his, his follow-up, the reviewer's texts. */
const MATHIS = ['Résidence Les Glycines', '27 avenue Jean Jaur', '06.39.98.45.19', 'mathis.lefevre@laposte.net', 'Lefèvre',
  'va partir à mon ancienne adresse', MARK.mathisFollowUp, MARK.mathisEdit, MARK.mathisNote];
const NOAH = ['noah.jones@btinternet.com', 'Noah Jones', "the replacement whisk isn't in the box", MARK.noahEdit, MARK.noahNote];
const RYAN = ["present for my sister's birthday", 'ryan.williams@icloud.com', 'Ryan Williams'];
/**
 * The reviewers' texts: they travel through Temporal (the `decide` update, the activities that record and send), and
 * a blocked edit's sentence comes back quoted by the check that failed on it (never stored in Postgres).
 */
const REVIEWER_TEXTS = [MARK.mathisEdit, MARK.mathisNote, MARK.noahEdit, MARK.noahNote, MARK.noahBlocked];

let pipeline: PipelineHarness;
let kafka: Kafka;
let mathisKey: string;
let noahKey: string;
const memory = new EmbeddedMemoryStore('default', new HashingEmbedder());

beforeAll(async () => {
  pipeline = await startPipeline();
  kafka = new Kafka({ clientId: 'privacy-scan-test', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const password = await addReviewer(pipeline.db.pool, 'alice', 'reviewer');

  const ryanKey = (await pipeline.deliver(freshDevEmail('d002.eml').raw)).emailKey;
  const mathis = freshDevEmail('d007.eml');
  mathisKey = (await pipeline.deliver(mathis.raw)).emailKey;
  noahKey = (await pipeline.deliver(freshDevEmail('d019.eml').raw)).emailKey;

  await pipeline.waitForView(mathisKey, (v) => v.state === 'waiting_review');
  await pipeline.deliver(customerReply(mathis.raw, mathis.messageId, `Je précise : ${MARK.mathisFollowUp}, merci de me rappeler.`));
  await pipeline.waitForView(mathisKey, (v) => v.review?.followUps?.[0]?.status === 'read');
  await pipeline.waitForView(noahKey, (v) => v.state === 'waiting_review');
  const alice = await ReviewClient.login(pipeline.reviewUrl, 'alice', password);
  // A first edit of Noah's reply commits to what the shop forbids: blocked, the check quoting the sentence.
  const blocked = await alice.act(noahKey, 'edit', { body: `Hello,\n\nWe give you a guaranteed delivery date, ${MARK.noahBlocked}.\n` });
  if (blocked.status !== 422 || !JSON.stringify(blocked.json).includes(MARK.noahBlocked)) throw new Error(JSON.stringify(blocked.json));
  for (const [key, edit, note] of [[mathisKey, MARK.mathisEdit, MARK.mathisNote], [noahKey, MARK.noahEdit, MARK.noahNote]] as const) {
    const done = await alice.act(key, 'edit', { body: `Bonjour,\n\n${edit} : c'est noté.\n`, note: `Rappelé le client ${note}` });
    if (done.status !== 200) throw new Error(JSON.stringify(done.json));
  }
  for (const key of [mathisKey, noahKey, ryanKey]) await pipeline.waitForView(key, (v) => v.state === 'sent');

  // What the worker's memory would keep of them (masked texts), in a store the command is given.
  const at = new Date().toISOString();
  await memory.remember([
    { customerId: 'C0017', id: `${mathisKey}:summary`, kind: 'summary', lang: 'fr', text: 'changement d\'adresse demandé', code: null, emailKey: mathisKey, at },
    { customerId: 'C0029', id: `${noahKey}:summary`, kind: 'summary', lang: 'en', text: 'missing whisk, replacement sent', code: null, emailKey: noahKey, at },
  ]);
});

afterAll(async () => {
  await pipeline?.stop();
});

const temporalScan = (fragments: string[], open = false) => scanTemporalHistories(
  pipeline.client, `TaskQueue = '${pipeline.taskQueue}'`, codecServerDecoder(pipeline.codecUrl, pipeline.codecToken), fragments,
  open ? { open: pipeline.vault } : {});
const fragmentsOf = (found: Finding[]) => [...new Set(found.map((f) => f.fragment))].sort();

test('after the run: no customer text in clear in Postgres, Kafka or the decoded Temporal histories', async () => {
  const fragments = [...MATHIS, ...NOAH, ...RYAN, MARK.noahBlocked];
  expect(await scanPostgres(pipeline.db.pool, fragments)).toEqual([]);

  const kafkaFound = await scanKafkaTopics(kafka, [pipeline.topics.inbound, pipeline.topics.events], fragments);
  expect([...kafkaFound]).toEqual([]);
  expect(kafkaFound.records).toBeGreaterThan(20);

  const temporal = await temporalScan(fragments);
  expect(temporal.findings).toEqual([]);
  expect(temporal.workflows).toBeGreaterThanOrEqual(3);
  expect(temporal.payloads).toBeGreaterThan(50);
  // The reviewers' texts are in the histories, under their customer's data key: opened with the keys, each one is there.
  expect(temporal.sealedTexts).toBeGreaterThanOrEqual(REVIEWER_TEXTS.length);
  expect(fragmentsOf((await temporalScan(REVIEWER_TEXTS, true)).findings)).toEqual([...REVIEWER_TEXTS].sort());
  // The control of the Postgres scan: opened, every fragment is found.
  const inPostgres = fragments.filter((f) => f !== MARK.noahBlocked);
  expect(fragmentsOf(await scanPostgres(pipeline.db.pool, fragments, { open: pipeline.vault }))).toEqual([...new Set(inPostgres)].sort());
});

test('`replique privacy scan` takes what to look for from the opened data and finds nothing in clear; a clear copy is found', async () => {
  const env = {
    DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: TEST_DATA_KEKS, KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_INBOUND: pipeline.topics.inbound, KAFKA_TOPIC_EVENTS: pipeline.topics.events,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', TEMPORAL_NAMESPACE: pipeline.client.options.namespace,
    TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
  };
  const query = ['--query', `TaskQueue = '${pipeline.taskQueue}'`];
  const out: string[] = [];
  // Pages of 2: the scan reads every workflow of the run over several visibility pages.
  expect(await privacyCommand(['scan', ...query, '--page-size', '2'], (l) => out.push(l), env)).toBe(0);
  expect(Number(/looking for (\d+) fragment/.exec(out[0]!)?.[1])).toBeGreaterThanOrEqual(10);
  expect(out.slice(1)).toEqual([
    'postgres\t0 finding(s)', expect.stringMatching(/^kafka\t\d+ record\(s\), 0 finding\(s\)$/),
    expect.stringMatching(/^temporal\t[3-9] workflow\(s\) read in [2-5] page\(s\), \d+ payload\(s\), \d+ sealed text\(s\), 0 finding\(s\)$/),
    'clean: no customer data in clear',
  ]);

  // A copy of Mathis's phone number left in clear (a debug table, say) is found, and named by kind only.
  await pipeline.db.pool.query(`create table privacy_probe (note text); insert into privacy_probe values ('call 06.39.98.45.19')`);
  try {
    const found: string[] = [];
    expect(await privacyCommand(['scan', '--workflows', '0'], (l) => found.push(l), env)).toBe(1);
    expect(found).toContain('found\tpostgres\tprivacy_probe.note\tpii:phone');
    expect(found.join('\n')).not.toContain('06.39.98.45.19');
  } finally {
    await pipeline.db.pool.query('drop table privacy_probe');
  }
});

test('`replique gdpr export` gives one customer everything held about him, and is audited', async () => {
  const out: string[] = [];
  const env = { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: TEST_DATA_KEKS };
  expect(await gdprCommand(['export', '--customer', 'C0029', '--by', 'dpo'], (l) => out.push(l), env, { memory })).toBe(0);
  const document = JSON.parse(out.join('\n')) as {
    format: string; customerId: string; crm: { customer: { email: string } }; emails: { emailKey: string; message: string; rows: Record<string, unknown[]> }[];
    memory: { text: string }[]; dataKeys: { id: string; destroyedAt: string | null }[];
  };
  expect(document).toMatchObject({ format: 'replique-gdpr-export/1', customerId: 'C0029', crm: { customer: { email: 'noah.jones@btinternet.com' } } });
  expect(document.emails.map((e) => e.emailKey)).toEqual([noahKey]);
  const [email] = document.emails;
  expect(email!.message).toContain("the replacement whisk isn't in the box");
  for (const table of ['emails', 'drafts', 'reviewer_actions', 'review_edits', 'sent_mail', 'audit_log']) expect(Object.keys(email!.rows)).toContain(table);
  const text = JSON.stringify(document);
  for (const fragment of [MARK.noahEdit, MARK.noahNote]) expect(text).toContain(fragment);
  for (const fragment of MATHIS) expect(text).not.toContain(fragment);
  expect(document.memory.map((m) => m.text)).toEqual(['missing whisk, replacement sent']);
  expect(document.dataKeys).toHaveLength(1);

  const audit = await pipeline.db.pool.query(`select data from audit_log where stage = 'gdpr' and event = 'exported'`);
  expect(audit.rows).toEqual([{ data: expect.objectContaining({ by: 'dpo', emails: 1 }) }]);
  expect(JSON.stringify(audit.rows)).not.toContain('C0029');
});

test('`replique gdpr erase`: nothing of Mathis readable in Postgres, Temporal or the memory; Noah still readable; the audit chain verifies', async () => {
  const out: string[] = [];
  expect(await gdprCommand(['erase', '--customer', 'C0017', '--by', 'dpo'], (l) => out.push(l), { DATABASE_URL: pipeline.db.databaseUrl }, { memory })).toBe(0);
  expect(out).toEqual(['erased: 1 data key(s) destroyed, 2 email(s) unlinked, memory forgotten']);
  pipeline.vault.forgetKeys(); // as any process once its cache entry expires (5 minutes)

  // Even with every key (KEK and payload key), nothing of his opens: not in Postgres, not in his workflow's history.
  expect(await scanPostgres(pipeline.db.pool, MATHIS, { open: pipeline.vault })).toEqual([]);
  expect((await temporalScan(MATHIS, true)).findings).toEqual([]);
  expect(await memory.recall({ customerId: 'C0017' })).toEqual([]);
  // Noah's text still opens, in both.
  expect(fragmentsOf(await scanPostgres(pipeline.db.pool, NOAH, { open: pipeline.vault }))).toEqual([...NOAH].sort());
  const noahTexts = [MARK.noahEdit, MARK.noahNote, MARK.noahBlocked];
  expect(fragmentsOf((await temporalScan(noahTexts, true)).findings)).toEqual(noahTexts.sort());
  expect(await memory.recall({ customerId: 'C0029' })).toHaveLength(1);
  // Kafka never carried his text; nothing to erase there.
  expect([...await scanKafkaTopics(kafka, [pipeline.topics.inbound, pipeline.topics.events], MATHIS)]).toEqual([]);

  expect(await verifyAuditLog(pipeline.db.pool)).toMatchObject({ ok: true, problems: [] });
});
