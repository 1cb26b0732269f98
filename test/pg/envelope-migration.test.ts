/**
 * A database from before encryption at rest, as the demo's is: rows written in clear by the earlier schema (case file
 * as JSONB, texts as text), then the envelope migration. Every value still reads the same through the adapters
 * (read-compat), the hashes SQL searches are filled from the old case files, and `sealExistingFields` then seals every
 * value in place (idempotent) without changing what the adapters read.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, MIGRATIONS_DIR } from '../../activities/src/adapters/pg/migrate';
import { loadCase, followUpsOf } from '../../activities/src/adapters/pg/emails';
import { latestDraft } from '../../activities/src/adapters/pg/drafts';
import { editsOf } from '../../activities/src/adapters/pg/review-edits';
import { replyRating } from '../../activities/src/adapters/pg/reply-ratings';
import { reviewerActionsOf } from '../../activities/src/adapters/pg/reviewer-actions';
import { loadRawEmail } from '../../activities/src/adapters/pg/raw-emails';
import { PgAutoReplyLog } from '../../activities/src/adapters/pg/auto-reply-log';
import { appendAudit } from '../../activities/src/adapters/pg/audit-log';
import { sealExistingFields } from '../../activities/src/adapters/vault/seal-existing-fields';
import { isSealed } from '../../activities/src/adapters/vault/sealed-field';
import { addressHash, messageIdHash } from '../../activities/src/domain/email-key';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';

const ENVELOPE = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('_envelope_encryption.sql'))!;
const KEY = 'a'.repeat(64);
const RAW = Buffer.from('From: Léa Martin <Lea.Martin@Example.org>\r\nSubject: colis\r\nMessage-ID: <m1@example.org>\r\n\r\nOù est mon colis ? 12 rue des Lilas\r\n');
const CASE = {
  parsed: { from: { name: 'Léa Martin', address: 'Lea.Martin@Example.org' }, subject: 'colis', messageId: 'm1@example.org', references: ['Root@Example.org'], text: 'Où est mon colis ? 12 rue des Lilas' },
  cleaned: { clean: 'Où est mon colis ? 12 rue des Lilas' },
  enrichment: { customerId: 'C0001', customerMatch: 'sender' },
  classification: { intent: 'order_status' },
  draft: { lang: 'fr' },
};

let db: TestDatabase;
let before: string;

beforeAll(async () => {
  db = await withTestDatabase({ migrate: false });
  // The schema before encryption at rest: every migration numbered below the envelope's.
  before = mkdtempSync(path.join(os.tmpdir(), 'replique-migrations-'));
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < ENVELOPE)) cpSync(path.join(MIGRATIONS_DIR, file), path.join(before, file));
  await migrate(db.pool, { dir: before });
  const q = (sql: string, values: unknown[]) => db.pool.query(sql, values);
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into raw_emails (sha256, raw, size, source, mailbox) values ($1, $2::bytea, octet_length($2::bytea), 'http', 'support') returning id`, ['b'.repeat(64), RAW]);
  await q(`insert into emails (email_key, raw_id, mailbox, workflow_id, state, email_case) values ($1, $2, 'support', 'email-x', 'sent', $3)`,
    [KEY, rows[0]!.id, JSON.stringify(CASE)]);
  await q(`insert into emails (email_key, raw_id, mailbox, workflow_id, state, email_case, followup_of) values ($1, $2, 'support', 'email-y', 'threaded', $3, $4)`,
    ['c'.repeat(64), rows[0]!.id, JSON.stringify({ ...CASE, cleaned: { clean: 'Et ma facture ?' } }), KEY]);
  await q(`insert into drafts (draft_key, email_key, subject, body, lang, template_id, version, generator, facts) values ($1, $2, 'Re: colis', 'Bonjour Léa, 12 rue des Lilas', 'fr', 't', '1', 'template', $3)`,
    [`${KEY}:draft`, KEY, JSON.stringify({ address: '12 rue des Lilas' })]);
  await q(`insert into review_edits (decision_id, email_key, reviewer, draft_body, sent_body, diff, similarity) values ('d1', $1, 'ana', 'Bonjour Léa', 'Bonjour Léa Martin', '+ Martin', 0.9)`, [KEY]);
  await q(`insert into reply_ratings (email_key, score, comment) values ($1, 4, 'Merci Léa ici')`, [KEY]);
  await q(`insert into reviewer_actions (idempotency_key, email_key, reviewer, action, payload) values ('a1', $1, 'ana', 'edit', $2)`,
    [KEY, JSON.stringify({ edited: { body: 'Bonjour Léa Martin' }, note: 'appelée', override: null })]);
  await appendAudit(db.pool, { emailKey: KEY, stage: 'send', event: 'accepted', data: { mode: 'automatic' } });
  await migrate(db.pool);
});

afterAll(async () => {
  await db?.close();
  rmSync(before, { recursive: true, force: true });
});

async function everythingReads(): Promise<void> {
  const vault = testVault(db.pool);
  expect(await loadRawEmail(db.pool, vault, '1')).toEqual(RAW);
  expect(await loadCase(db.pool, vault, KEY)).toEqual(CASE);
  expect(await followUpsOf(db.pool, vault, KEY)).toEqual([expect.objectContaining({ text: 'Et ma facture ?', intent: 'order_status' })]);
  expect(await latestDraft(db.pool, vault, KEY)).toMatchObject({ subject: 'Re: colis', body: 'Bonjour Léa, 12 rue des Lilas', facts: { address: '12 rue des Lilas' } });
  expect(await editsOf(db.pool, vault, KEY)).toEqual([expect.objectContaining({ draftBody: 'Bonjour Léa', sentBody: 'Bonjour Léa Martin', diff: '+ Martin' })]);
  expect(await replyRating(db.pool, vault, KEY)).toMatchObject({ score: 4, comment: 'Merci Léa ici' });
  expect((await reviewerActionsOf(db.pool, vault, KEY))[0]!.payload).toEqual({ edited: { body: 'Bonjour Léa Martin' }, note: 'appelée', override: null });
  // The loop limits find the automatic reply by the sender's and the thread's hashes the migration filled in.
  expect(await new PgAutoReplyLog(db.pool).recent('lea.martin@example.org', '<root@example.org>')).toEqual({ sender: 1, thread: 1 });
}

test('after the migration, legacy plaintext reads as before, and the searched hashes come from the old case files', async () => {
  const { rows } = await db.pool.query('select sender_hash, thread_hashes, customer_id from emails where email_key = $1', [KEY]);
  expect(rows[0]).toEqual({ sender_hash: addressHash('Lea.Martin@Example.org'), thread_hashes: [messageIdHash('Root@Example.org'), messageIdHash('m1@example.org')], customer_id: 'C0001' });
  await everythingReads();
});

test('sealExistingFields seals every legacy value in place, once; the adapters read the same', async () => {
  const vault = testVault(db.pool);
  const first = await sealExistingFields(db.pool, vault);
  expect(first).toEqual({
    'raw_emails.raw': 1, 'emails.email_case': 2, 'drafts.subject': 1, 'drafts.body': 1, 'drafts.facts': 1, 'review_edits.draft_body': 1,
    'review_edits.sent_body': 1, 'review_edits.diff': 1, 'reply_ratings.comment': 1, 'reply_attachments.content': 0, 'reviewer_actions.payload': 1,
  });
  const { rows } = await db.pool.query(`select e.email_case, r.raw, r.data_key_id, d.body, a.payload, a.sealed from emails e join raw_emails r on r.id = e.raw_id
    join drafts d on d.email_key = e.email_key join reviewer_actions a on a.email_key = e.email_key where e.email_key = $1`, [KEY]);
  expect([rows[0].email_case, rows[0].raw, rows[0].body, rows[0].sealed].every(isSealed)).toBe(true);
  expect(rows[0].payload).toEqual({});
  expect(rows[0].data_key_id).not.toBeNull();
  await everythingReads();
  expect(Object.values(await sealExistingFields(db.pool, vault)).every((n) => n === 0)).toBe(true);
  // One key for the sender's message and every field of its emails, linked to the CRM customer.
  const keys = await db.pool.query('select id, customer_id from data_keys');
  expect(keys.rows).toEqual([{ id: rows[0].data_key_id, customer_id: null }]);
});
