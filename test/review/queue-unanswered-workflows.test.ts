/**
 * The queue when workflows do not answer their state query (a loaded Temporal, a namespace away): each waiting email
 * is shown from the Postgres mirror, except one the review tool has decided out of waiting since the mirror's last
 * change — its audited decision is newer than the mirror, which an activity updates a moment later.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { registerEmail, setEmailState } from '@replique/activities/adapters/pg/emails';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { loadQueue } from '@replique/services/review/queue-data';
import { newEmailKey } from '../workflows/workflow-test-kit';
import { testVault } from '../support/data-keks';
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
