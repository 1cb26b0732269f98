/**
 * The queue in the moment after a decision, when neither the Postgres mirror nor the workflow has caught up: workflows
 * that do not answer their state query (a loaded Temporal; here a namespace away), and workflows that still answer
 * `waiting_review` (the `decide` update answers before the workflow's main line records the verdict; here a stand-in
 * workflow that answers so). Each waiting email is listed, except one the review tool has decided out of waiting
 * since the mirror's last change: its audited decision is newer than the mirror.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { registerEmail, setEmailState } from '@replique/activities/adapters/pg/emails';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { stateQuery, workflowIdForEmailKey, type EmailWorkflowView } from '@replique/workflows/contracts';
import { loadQueue } from '@replique/services/review/queue-data';
import { newEmailKey } from '../workflows/workflow-test-kit';
import { testVault } from '../support/data-keks';
import { testWorkflowBundle } from '../support/test-workflow-bundle';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  db = await withTestDatabase();
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  // No workflow of this namespace answers: every state query fails, as one that times out does.
  client = new Client({ connection, namespace: `no-such-namespace-${randomUUID().slice(0, 8)}` });
});

afterAll(async () => {
  await connection?.close();
  await db?.close();
});

async function waitingEmail(): Promise<string> {
  const vault = testVault(db.pool);
  const { rawId } = await storeRawEmail(db.pool, vault, { raw: Buffer.from(`Subject: a question\r\n\r\n${randomUUID()}\r\n`), source: 'http', mailbox: 'support' });
  const emailKey = newEmailKey();
  await registerEmail(db.pool, { emailKey, rawId, mailbox: 'support', messageIdHash: null, workflowId: workflowIdForEmailKey(emailKey) });
  await setEmailState(db.pool, emailKey, 'waiting_review', 'low_confidence', 'review');
  return emailKey;
}

async function decided(emailKey: string, action: string, state: string): Promise<void> {
  await appendAudit(db.pool, { emailKey, stage: 'review-tool', event: action, data: { reviewer: 'quinn', role: 'reviewer', decisionId: randomUUID(), state } });
}

test('an email the tool decided out of waiting leaves the queue at once; a first approval, a refused decision and a later return to review keep it listed', async () => {
  const [rejected, firstApproval, refused, returned, untouched] = [
    await waitingEmail(), await waitingEmail(), await waitingEmail(), await waitingEmail(), await waitingEmail(),
  ];
  await decided(rejected, 'reject', 'rejected');
  // The first of two approvals: the workflow still waits for the second.
  await decided(firstApproval, 'approve', 'waiting_review');
  await appendAudit(db.pool, { emailKey: refused, stage: 'review-tool', event: 'approve_refused', data: { reviewer: 'quinn', status: 409, error: 'already handled' } });
  // Approved, then back in review (a follow-up): the mirror's change is newer than the decision.
  await decided(returned, 'approve', 'sent');
  await setEmailState(db.pool, returned, 'waiting_review', 'follow_up', 'review');

  // (this attempt's emails: a retried test finds the first attempt's too)
  const mine = new Set([rejected, firstApproval, refused, returned, untouched]);
  const rows = (await loadQueue({ db: db.pool, vault: testVault(db.pool), client }, { limit: 100 })).filter((r) => mine.has(r.emailKey));
  expect(rows.every((r) => r.view === null)).toBe(true);
  expect(rows.map((r) => r.emailKey).sort()).toEqual([firstApproval, refused, returned, untouched].sort());
});

test('an email the tool decided out of waiting leaves the queue at once though its workflow still answers waiting_review', async () => {
  const [rejected, firstApproval] = [await waitingEmail(), await waitingEmail()];
  await decided(rejected, 'reject', 'rejected');
  await decided(firstApproval, 'approve', 'waiting_review');
  const taskQueue = `stale-view-${randomUUID()}`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }),
    taskQueue, workflowBundle: await testWorkflowBundle(require.resolve('./stale-view-workflow')),
  });
  const answering = new Client({ connection });
  await worker.runUntil(async () => {
    const handles = await Promise.all([rejected, firstApproval].map((emailKey) => answering.workflow.start('staleViewWorkflow', {
      taskQueue, workflowId: workflowIdForEmailKey(emailKey), args: [staleView(emailKey)],
    })));
    try {
      // the stand-ins answer as the email workflow would, a moment after the decision
      for (const h of handles) await expect(h.query(stateQuery)).resolves.toMatchObject({ state: 'waiting_review' });
      const mine = new Set([rejected, firstApproval]);
      const rows = (await loadQueue({ db: db.pool, vault: testVault(db.pool), client: answering }, { limit: 100 })).filter((r) => mine.has(r.emailKey));
      expect(rows.map((r) => [r.emailKey, r.view?.state])).toEqual([[firstApproval, 'waiting_review']]);
    } finally {
      await Promise.all(handles.map((h) => h.terminate('test done')));
    }
  });
});

function staleView(emailKey: string): EmailWorkflowView {
  return { emailKey, state: 'waiting_review', stateReason: 'low_confidence', route: 'review', routeReasons: ['low_confidence'], intent: 'order_status', confidence: 0.5, review: null, sentMessageId: null };
}
