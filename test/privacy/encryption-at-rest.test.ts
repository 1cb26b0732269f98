/**
 * Encryption at rest, on the real stack (HTTP intake → Kafka → starter → Temporal → worker → review tool → smtp-sink),
 * every process with DATA_KEKS: an email answered automatically (then rated with a comment), one edited by a reviewer
 * with a note after the customer wrote again, and an invoice request answered with a PDF. Then every Postgres table
 * but the shop's reference data (CRM, catalogue, orders, policies) is scanned for their body fragments, names,
 * addresses and phone numbers: none in clear, while the same scan over the opened values finds each one (the control).
 * Then: text stored before encryption is sealed by `replique keys seal-existing`; `replique keys rotate` re-wraps the
 * data keys under a new KEK without rewriting any sealed value; a wrong KEK fails with a clear error; `replique gdpr
 * erase` leaves nothing of one customer readable, the other customers' text readable, and the audit chain verifying.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FieldVault, ErasedFieldError, VaultConfigError } from '@replique/activities/adapters/vault/field-vault';
import { isSealed } from '@replique/activities/adapters/vault/sealed-field';
import { KeyUnwrapError, LocalKeyWrapper, parseKekList } from '@replique/activities/adapters/vault/key-wrapper';
import { signLinkToken } from '@replique/activities/outbound/reply-link-token';
import { verifyAuditLog } from '@replique/activities/audit/verify-audit-log';
import { keysCommand } from '@replique/services/cli/keys-command';
import { gdprCommand } from '@replique/services/cli/gdpr-command';
import { customerReply } from '../review/fixtures';
import { addReviewer, ReviewClient } from '../review/review-client';
import { shopFixture } from '../support/paths';
import { freshDevEmail } from '../support/dev-email-copy';
import { REPLY_LINK_SECRET, startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';
import { registerTestEmail } from '../pg/email-fixture';
import { reviewerActionsOf } from '@replique/activities/adapters/pg/reviewer-actions';
import { latestDraft } from '@replique/activities/adapters/pg/drafts';
import type { CustomerRecord, OrderRecord } from '@replique/activities/domain/types';

jest.setTimeout(240_000);

/** Letters only: digits in a reply could read as an order number or an amount, which the edit checks verify. */
const letters = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('');
const FOLLOW_UP_MARKER = `FollowUpMarker${letters()}`;
const EDIT_MARKER = `EditMarker${letters()}`;
const NOTE_MARKER = `NoteMarker${letters()}`;
const RATING_MARKER = `RatingMarker${letters()}`;
const LEGACY_MARKER = `LegacyMarker${letters()}`;

/** What d007 (Mathis Lefèvre, C0017: change of address) says that is his alone. */
const MATHIS = ['Résidence Les Glycines', '27 avenue Jean Jaur', '06.39.98.45.19', 'mathis.lefevre@laposte.net', 'Lefèvre', FOLLOW_UP_MARKER, EDIT_MARKER, NOTE_MARKER];
/** d002 (Ryan Williams, C0038: where is my order, answered automatically) and his rating's comment. */
const RYAN = ["present for my sister's birthday", 'ryan.williams@icloud.com', 'Ryan Williams', RATING_MARKER];
/** Tables of the shop's reference data (the CRM and the catalogue are the shop's, mirrored by seed-shop). */
const REFERENCE_TABLES = new Set(['customers', 'products', 'orders', 'shop_policies']);
const NEW_KEK = `test-kek-2:${randomBytes(32).toString('base64')}`;

let pipeline: PipelineHarness;
let mathisKey: string;
let ryanKey: string;
let invoiceKey: string;
let followUpKey: string;

const shop = JSON.parse(readFileSync(shopFixture, 'utf8')) as { customers: CustomerRecord[]; orders: OrderRecord[] };

/** A delivered order of an English-speaking customer whose mail may be answered automatically (its invoice is sent). */
function deliveredOrder(): { order: OrderRecord; customer: CustomerRecord } {
  for (const order of shop.orders) {
    const customer = shop.customers.find((c) => c.id === order.customer_id)!;
    if (order.status === 'delivered' && customer.language === 'en' && !customer.vip && !customer.ai_opt_out) return { order, customer };
  }
  throw new Error('the shop has no delivered order of an English-speaking customer');
}

beforeAll(async () => {
  pipeline = await startPipeline();
  const password = await addReviewer(pipeline.db.pool, 'alice', 'reviewer');

  const ryan = freshDevEmail('d002.eml');
  ryanKey = (await pipeline.deliver(ryan.raw)).emailKey;
  const mathis = freshDevEmail('d007.eml');
  mathisKey = (await pipeline.deliver(mathis.raw)).emailKey;
  const { order, customer } = deliveredOrder();
  invoiceKey = (await pipeline.deliver(Buffer.from([
    `From: "${customer.first_name} ${customer.last_name}" <${customer.email}>`, 'To: support@maison-lumen.example',
    `Subject: Invoice for order ${order.number}`, 'Date: Tue, 24 Nov 2026 09:00:00 +0000', `Message-ID: <${randomUUID()}@test.replique>`,
    'Content-Type: text/plain; charset=utf-8', '',
    'Hello,', '', `Could you please send me a copy of the invoice for my order ${order.number}? I need it for my expenses.`, '',
    'Thanks,', `${customer.first_name} ${customer.last_name}`, '',
  ].join('\r\n')))).emailKey;

  await pipeline.waitForView(mathisKey, (v) => v.state === 'waiting_review');
  followUpKey = (await pipeline.deliver(customerReply(mathis.raw, mathis.messageId, `Je précise : ${FOLLOW_UP_MARKER}, merci de me rappeler.`))).emailKey;
  await pipeline.waitForView(mathisKey, (v) => v.review?.followUps?.[0]?.status === 'read');
  const alice = await ReviewClient.login(pipeline.reviewUrl, 'alice', password);
  const edit = await alice.act(mathisKey, 'edit', { body: `Bonjour,\n\n${EDIT_MARKER} : c'est noté.\n`, note: `Rappelé le client ${NOTE_MARKER}` });
  if (edit.status !== 200) throw new Error(JSON.stringify(edit.json));
  await pipeline.waitForView(mathisKey, (v) => v.state === 'sent');
  await pipeline.waitForView(ryanKey, (v) => v.state === 'sent');
  await pipeline.waitForView(invoiceKey, (v) => v.state === 'sent');

  const token = signLinkToken(REPLY_LINK_SECRET, { purpose: 'csat', emailKey: ryanKey, expiresAt: new Date(Date.now() + 86_400_000) });
  const rated = await fetch(`${pipeline.reviewUrl}/r/rate/${token}`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ score: '2', comment: `Too slow ${RATING_MARKER}`, lang: 'en' }),
  });
  if (rated.status !== 303) throw new Error(`rating answered ${rated.status}`);
});

afterAll(async () => {
  await pipeline?.stop();
});

interface Found { table: string; column: string; fragment: string }

/**
 * Every fragment found in any column of any table but the reference data. `open`: each bytea value is opened first
 * (the control); a value that cannot be opened (an erased key) counts as unreadable.
 */
async function scan(fragments: string[], open?: FieldVault): Promise<Found[]> {
  const { rows: tables } = await pipeline.db.pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const found: Found[] = [];
  for (const { name } of tables) {
    if (REFERENCE_TABLES.has(name)) continue;
    const { rows } = await pipeline.db.pool.query<Record<string, unknown>>(`select * from ${name}`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        let text: string;
        if (Buffer.isBuffer(value)) {
          const bytes = open ? await open.open(value).catch((e: unknown) => { if (e instanceof ErasedFieldError) return null; throw e; }) : value;
          text = bytes ? `${bytes.toString('utf8')}\n${bytes.toString('latin1')}` : '';
        } else text = typeof value === 'string' ? value : JSON.stringify(value);
        for (const fragment of fragments) if (text.includes(fragment)) found.push({ table: name, column, fragment });
      }
    }
  }
  return found;
}

const missing = (fragments: string[], found: Found[]) => fragments.filter((f) => !found.some((x) => x.fragment === f));

test('no body fragment, name, address or phone in clear in any table but the reference data; opened, each one is there', async () => {
  const fragments = [...MATHIS, ...RYAN];
  expect(await scan(fragments)).toEqual([]);
  const opened = await scan(fragments, pipeline.vault);
  expect(missing(fragments, opened)).toEqual([]);
  // Where they were: the raw message, the case file, the reviewer's edit and note, the rating's comment.
  const where = new Set(opened.map((f) => `${f.table}.${f.column}`));
  for (const column of ['raw_emails.raw', 'emails.email_case', 'review_edits.sent_body', 'reviewer_actions.sealed', 'reply_ratings.comment']) {
    expect(where).toContain(column);
  }
  // Every draft's texts are sealed too; the automatic reply's opens to what was sent.
  const { rows } = await pipeline.db.pool.query<{ subject: Buffer; body: Buffer; facts: Buffer }>('select subject, body, facts from drafts');
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.flatMap((r) => [r.subject, r.body, r.facts]).every(isSealed)).toBe(true);
  expect((await latestDraft(pipeline.db.pool, pipeline.vault, ryanKey))!.body).toContain('CMD-10818');
});

test('the invoice sent with a reply is sealed, and opens to the bytes its SHA-256 names', async () => {
  const { rows } = await pipeline.db.pool.query<{ content: Buffer; sha256: string }>(
    'select content, sha256 from reply_attachments where email_key = $1', [invoiceKey]);
  expect(rows).toHaveLength(1);
  expect(isSealed(rows[0]!.content)).toBe(true);
  const pdf = (await pipeline.vault.open(rows[0]!.content))!;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(rows[0]!.sha256);
});

test('one data key per customer: Mathis\'s email and his follow-up share one, linked to his CRM id; Ryan has his own', async () => {
  const { rows } = await pipeline.db.pool.query<{ emailKey: string; keyId: string; customerId: string | null }>(
    `select e.email_key as "emailKey", r.data_key_id::text as "keyId", k.customer_id as "customerId"
     from emails e join raw_emails r on r.id = e.raw_id join data_keys k on k.id = r.data_key_id where e.email_key = any($1)`,
    [[mathisKey, ryanKey, followUpKey]]);
  const byEmail = new Map(rows.map((r) => [r.emailKey, r]));
  expect(byEmail.get(followUpKey)!.keyId).toBe(byEmail.get(mathisKey)!.keyId);
  expect(byEmail.get(mathisKey)!.keyId).not.toBe(byEmail.get(ryanKey)!.keyId);
  expect(byEmail.get(mathisKey)!.customerId).toBe('C0017');
  expect(byEmail.get(ryanKey)!.customerId).toBe('C0038');
});

test('the review tool still shows the customer text and the follow-up; the reviewer\'s edit and note open', async () => {
  const password = await addReviewer(pipeline.db.pool, 'bea', 'senior');
  const bea = await ReviewClient.login(pipeline.reviewUrl, 'bea', password);
  const page = await (await bea.get(`/emails/${mathisKey}`)).text();
  for (const shown of ['Glycines', FOLLOW_UP_MARKER]) expect(page).toContain(shown);
  const [action] = await reviewerActionsOf(pipeline.db.pool, pipeline.vault, mathisKey);
  expect(action).toMatchObject({ action: 'edit', payload: { note: expect.stringContaining(NOTE_MARKER), edited: { body: expect.stringContaining(EDIT_MARKER) } } });
});

test('`replique keys seal-existing` seals text stored in clear before encryption; a second run finds nothing', async () => {
  const db = pipeline.db.pool;
  const clear = new FieldVault(db, null); // a process without DATA_KEKS writes in clear
  const legacy = await registerTestEmail(db, { headers: { 'X-Legacy': LEGACY_MARKER } });
  await db.query('update raw_emails set raw = $2, data_key_id = null where id = $1',
    [legacy.rawId, Buffer.from(`From: Old <old@example.org>\r\nSubject: ${LEGACY_MARKER}\r\n\r\nbody ${LEGACY_MARKER}\r\n`)]);
  await db.query('update emails set email_case = $2 where email_key = $1', [legacy.emailKey, await clear.sealJson({ emailKey: legacy.emailKey }, { note: LEGACY_MARKER })]);
  await db.query(`insert into reviewer_actions (idempotency_key, email_key, reviewer, action, payload) values ($1, $2, 'ana', 'edit', $3)`,
    [`legacy-${legacy.emailKey}`, legacy.emailKey, JSON.stringify({ edited: { body: LEGACY_MARKER }, note: LEGACY_MARKER })]);
  expect((await scan([LEGACY_MARKER])).length).toBeGreaterThanOrEqual(3);

  const env = { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: TEST_DATA_KEKS };
  const out: string[] = [];
  expect(await keysCommand(['seal-existing'], (l) => out.push(l), env)).toBe(0);
  expect(out.join('\n')).toMatch(/raw_emails\.raw\t1\n(.|\n)*emails\.email_case\t1(.|\n)*reviewer_actions\.payload\t1/);
  expect(await scan([LEGACY_MARKER])).toEqual([]);
  expect((await scan([LEGACY_MARKER], testVault(db))).length).toBeGreaterThanOrEqual(3);
  const again: string[] = [];
  await keysCommand(['seal-existing'], (l) => again.push(l), env);
  expect(again.at(-1)).toBe('sealed 0 value(s) stored in clear');
});

test('`replique keys rotate` re-wraps every data key under the new KEK and rewrites no sealed value', async () => {
  const db = pipeline.db.pool;
  const sealedDigest = async () => {
    const { rows } = await db.query<{ d: string }>(
      `select md5(string_agg(coalesce(encode(raw, 'hex'), ''), ',' order by id)) ||
              (select md5(string_agg(coalesce(encode(email_case, 'hex'), ''), ',' order by email_key)) from emails) ||
              (select md5(string_agg(encode(body, 'hex'), ',' order by id)) from drafts) as d
       from raw_emails`);
    return rows[0]!.d;
  };
  const before = await sealedDigest();
  const keyCount = Number((await db.query('select count(*) from data_keys where destroyed_at is null')).rows[0].count);
  const out: string[] = [];
  expect(await keysCommand(['rotate'], (l) => out.push(l), { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: `${NEW_KEK},${TEST_DATA_KEKS}` })).toBe(0);
  expect(out).toEqual([`re-wrapped ${keyCount} data key(s) with "test-kek-2" (${keyCount} from "test-kek-1"); no data rewritten`]);
  expect(await sealedDigest()).toBe(before);
  const status: string[] = [];
  await keysCommand(['status'], (l) => status.push(l), { DATABASE_URL: pipeline.db.databaseUrl });
  expect(status).toEqual([`test-kek-2\t${keyCount}`]);

  // The new KEK alone opens everything; the old one alone opens nothing.
  const fragments = [...MATHIS, ...RYAN];
  expect(missing(fragments, await scan(fragments, testVault(db, NEW_KEK)))).toEqual([]);
  await expect(scan(fragments, testVault(db))).rejects.toThrow('data key wrapped by key encryption key "test-kek-2", which is not configured (DATA_KEKS)');
  const again: string[] = [];
  await keysCommand(['rotate'], (l) => again.push(l), { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: NEW_KEK });
  expect(again).toEqual(['re-wrapped 0 data key(s) with "test-kek-2"; no data rewritten']);
});

test('a wrong KEK, or none, fails with a clear error instead of garbage', async () => {
  const db = pipeline.db.pool;
  const { rows } = await db.query<{ body: Buffer }>('select body from drafts where email_key = $1', [mathisKey]);
  const impostor = `test-kek-2:${randomBytes(32).toString('base64')}`; // the right id, another key
  const wrong = new FieldVault(db, new LocalKeyWrapper(parseKekList(impostor).keks));
  await expect(wrong.open(rows[0]!.body)).rejects.toThrow(KeyUnwrapError);
  await expect(wrong.open(rows[0]!.body)).rejects.toThrow('data key could not be unwrapped with key encryption key "test-kek-2" (another key under that id, or altered data)');
  await expect(new FieldVault(db, null).open(rows[0]!.body)).rejects.toThrow(VaultConfigError);
  const out: string[] = [];
  await expect(keysCommand(['rotate'], (l) => out.push(l), { DATABASE_URL: pipeline.db.databaseUrl, DATA_KEKS: `test-kek-3:${randomBytes(32).toString('base64')},${impostor}` }))
    .rejects.toThrow(KeyUnwrapError);
});

test('`replique gdpr erase --customer` leaves nothing of that customer readable; the others stay readable; the audit chain verifies', async () => {
  const db = pipeline.db.pool;
  const out: string[] = [];
  expect(await gdprCommand(['erase', '--customer', 'C0017', '--by', 'dpo'], (l) => out.push(l), { DATABASE_URL: pipeline.db.databaseUrl })).toBe(0);
  expect(out).toEqual(['erased: 1 data key(s) destroyed, 2 email(s) unlinked, memory not configured']);

  const vault = testVault(db, NEW_KEK);
  expect(await scan(MATHIS)).toEqual([]);
  expect(await scan(MATHIS, vault)).toEqual([]);
  expect(missing(RYAN, await scan(RYAN, vault))).toEqual([]);
  const { rows } = await db.query<{ email_case: Buffer }>('select email_case from emails where email_key = $1', [mathisKey]);
  await expect(vault.open(rows[0]!.email_case)).rejects.toThrow(ErasedFieldError);
  // Nothing links his rows to him any more: no sender hash, no CRM id on his emails.
  const linked = await db.query(`select 1 from emails where email_key = $1 and (sender_hash is not null or customer_id is not null)`, [mathisKey]);
  expect(linked.rowCount).toBe(0);

  const again: string[] = [];
  await gdprCommand(['erase', '--customer', 'C0017'], (l) => again.push(l), { DATABASE_URL: pipeline.db.databaseUrl });
  expect(again).toEqual(['erased: 0 data key(s) destroyed, 0 email(s) unlinked, memory not configured']);
  expect(await verifyAuditLog(db)).toMatchObject({ ok: true, problems: [] });
  const audit = await db.query(`select data from audit_log where stage = 'gdpr' and event = 'erased' order by id`);
  expect(audit.rows[0].data).toMatchObject({ keysDestroyed: 1, emails: 2, by: 'dpo' });
  expect(JSON.stringify(audit.rows)).not.toContain('C0017');
});
