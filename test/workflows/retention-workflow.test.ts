/**
 * The daily retention run, for real: the worker's Temporal Schedule (created, then updated by a second call) is
 * triggered on the stack's dev server, retentionWorkflow runs its activities over a throwaway Postgres database,
 * and afterwards the texts of old finished emails are gone from every table, open and recent emails are untouched,
 * audit rows past two years are removed, and `replique audit verify` still passes. A second run changes nothing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { createRetentionActivities } from '@replique/activities/retention-activities';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { saveDraft } from '@replique/activities/adapters/pg/drafts';
import { recordReviewerAction } from '@replique/activities/adapters/pg/reviewer-actions';
import { verifyAuditLog } from '@replique/activities/audit/verify-audit-log';
import type { RetentionResult } from '@replique/workflows/contracts';
import { ensureRetentionSchedule } from '../../services/src/worker/retention-schedule';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { workflowBundle } from '../support/workflow-bundle';
import { registerTestEmail } from '../pg/email-fixture';
import { testVault } from '../support/data-keks';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const SECRET = `Camille Martin 06 12 34 56 78 ${randomUUID()}`;
const run = randomUUID().slice(0, 8);
const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test';
const taskQueue = `replique-test-retention-${run}`;

let db: TestDatabase;
let vault: FieldVault;
let connection: Connection;
let client: Client;

/** An email in `state`, created `ageDays` ago, with a draft, an edit, an edited-text record and an attachment. */
async function emailWithTexts(state: string, ageDays: number): Promise<string> {
  const { emailKey, rawId } = await registerTestEmail(db.pool, { headers: { 'X-Secret': SECRET } });
  const created = new Date(Date.now() - ageDays * DAY);
  const owner = { emailKey };
  await db.pool.query(`update emails set state = $2, created_at = $3, email_case = $4 where email_key = $1`,
    [emailKey, state, created, await vault.sealJson(owner, { body: SECRET })]);
  await db.pool.query(`update raw_emails set received_at = $2 where id = $1`, [rawId, created]);
  await saveDraft(db.pool, vault, {
    draftKey: `${emailKey}:draft`, emailKey,
    draft: { subject: `Re: ${SECRET}`, body: SECRET, lang: 'fr', templateId: 't', version: '1', generator: 'template', model: null, facts: { name: SECRET }, offers: [] },
  });
  await recordReviewerAction(db.pool, vault, { idempotencyKey: `${emailKey}:edit`, emailKey, reviewer: 'ana', action: 'edit', payload: { edited: { body: SECRET }, note: SECRET } });
  await db.pool.query(
    `insert into review_edits (decision_id, email_key, reviewer, draft_body, sent_body, diff, similarity) values ($1, $2, 'ana', $3, $3, $3, 0.5)`,
    [`${emailKey}:edit`, emailKey, await vault.seal(owner, SECRET)]);
  const pdf = Buffer.from(SECRET);
  await db.pool.query(
    `insert into reply_attachments (send_key, email_key, filename, content_type, sha256, size_bytes, content) values ($1, $2, 'f.pdf', 'application/pdf', $3, $4, $5)`,
    [`${emailKey}:send`, emailKey, createHash('sha256').update(pdf).digest('hex'), pdf.length, await vault.seal(owner, pdf)]);
  await appendAudit(db.pool, { emailKey, stage: 'route', event: 'routed', data: { route: 'review' } });
  return emailKey;
}

/** Where the secret text is still readable (sealed fields opened with the vault), table by table. */
async function secretsLeft(): Promise<Record<string, number>> {
  const rowsWith = async (sql: string) => {
    const { rows } = await db.pool.query<Record<string, unknown>>(sql);
    let n = 0;
    for (const row of rows) {
      const texts = await Promise.all(Object.values(row).map(async (v) =>
        v == null ? '' : Buffer.isBuffer(v) ? ((await vault.openText(v)) ?? '') : JSON.stringify(v)));
      if (texts.some((t) => t.includes(SECRET))) n++;
    }
    return n;
  };
  return {
    emails: await rowsWith(`select email_case from emails`),
    raw: await rowsWith(`select raw from raw_emails`),
    drafts: await rowsWith(`select subject, body, facts from drafts`),
    actions: await rowsWith(`select payload, sealed from reviewer_actions`),
    edits: await rowsWith(`select draft_body, sent_body, diff from review_edits`),
    attachments: await rowsWith(`select content from reply_attachments`),
    audit: await rowsWith(`select data from audit_log`),
  };
}

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  db = await withTestDatabase();
  vault = testVault(db.pool);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  client = new Client({ connection, namespace });
});
afterAll(async () => {
  await connection?.close();
  await db?.close();
});

test('the scheduled retention run purges old texts, prunes old audit rows, and the audit log still verifies', async () => {
  const old = await emailWithTexts('sent', 100);
  const oldOpen = await emailWithTexts('waiting_review', 100);
  const recent = await emailWithTexts('sent', 10);
  const ancient = createHash('sha256').update(randomBytes(8)).digest('hex');
  for (let i = 0; i < 3; i++) {
    await db.pool.query(`insert into audit_log (email_key, stage, event, at) values ($1, 'read', $2, $3)`, [ancient, `e${i}`, new Date(Date.now() - 800 * DAY + i)]);
  }
  expect(await secretsLeft()).toEqual({ emails: 3, raw: 3, drafts: 3, actions: 3, edits: 3, attachments: 3, audit: 0 });

  const workerConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace, taskQueue, workflowBundle: await workflowBundle(),
    activities: createRetentionActivities({ db: db.pool }),
  });
  const scheduleId = `replique-retention-test-${run}`;
  const settings = { scheduleId, taskQueue, input: { bodyRetentionDays: 90, auditRetentionDays: 730, batchSize: 1 } };

  const result = await worker.runUntil(async () => {
    expect(await ensureRetentionSchedule(client, settings)).toBe('created');
    expect(await ensureRetentionSchedule(client, settings)).toBe('updated');
    const schedule = client.schedule.getHandle(scheduleId);
    try {
      expect((await schedule.describe()).action).toMatchObject({ workflowType: 'retentionWorkflow', taskQueue, args: [settings.input] });
      await schedule.trigger();
      const started = await waitFor(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow);
      const first = await client.workflow.getHandle(started.workflowId, started.firstExecutionRunId).result() as RetentionResult;
      // Run again by hand: nothing left to do, nothing broken.
      const again = await client.workflow.execute('retentionWorkflow', { taskQueue, workflowId: `${scheduleId}-again`, args: [settings.input] }) as RetentionResult;
      return { first, again };
    } finally {
      await schedule.delete();
    }
  }).finally(() => workerConnection.close());

  expect(result.first).toMatchObject({ emailsPurged: 1, rawsPurged: 1, auditRowsPruned: 3, complete: true });
  expect(result.first.anchoredDays.length).toBeGreaterThan(700);
  expect(result.again).toMatchObject({ anchoredDays: [], emailsPurged: 0, rawsPurged: 0, auditRowsPruned: 0, complete: true });

  // The old finished email's texts are gone everywhere; the open one and the recent one keep theirs.
  expect(await secretsLeft()).toEqual({ emails: 2, raw: 2, drafts: 2, actions: 2, edits: 2, attachments: 2, audit: 0 });
  const purged = await db.pool.query(`select email_key from emails where body_purged_at is not null`);
  expect(purged.rows).toEqual([{ email_key: old }]);
  const kept = await db.pool.query(`select email_key from emails where body_purged_at is null order by email_key`);
  expect(kept.rows.map((r) => r.email_key as string).sort()).toEqual([oldOpen, recent].sort());
  // Its rows stay: the attachment's hash and size, the raw message's hash and size, the draft's template.
  const attachment = await db.pool.query(`select size_bytes, octet_length(content) as bytes from reply_attachments where email_key = $1`, [old]);
  expect(attachment.rows).toEqual([{ size_bytes: Buffer.byteLength(SECRET), bytes: 0 }]);

  // Its audit trail says when, and the whole log verifies.
  const trail = await db.pool.query(`select stage, event from audit_log where email_key = $1 order by seq`, [old]);
  expect(trail.rows).toEqual([{ stage: 'route', event: 'routed' }, { stage: 'retention', event: 'bodies_purged' }]);
  expect((await db.pool.query(`select 1 from audit_log where email_key = $1`, [ancient])).rowCount).toBe(0);
  expect(await verifyAuditLog(db.pool)).toMatchObject({ ok: true, problems: [] });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
