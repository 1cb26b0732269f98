/**
 * A starter that dies between starting the workflow and writing the `start` audit row: Kafka redelivers the
 * reference, the start is rejected as a duplicate — and the audit row is written then, so the trail is complete.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { registerEmail } from '@replique/activities/adapters/pg/emails';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import { emailKeyFor } from '@replique/activities/domain/email-key';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';

jest.setTimeout(30_000);

let db: TestDatabase;
let connection: Connection;
let client: Client;
const taskQueue = `starter-audit-${randomBytes(4).toString('hex')}`; // nobody polls it: the workflows only start

beforeAll(async () => {
  db = await withTestDatabase();
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  client = new Client({ connection, namespace: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test' });
});

afterAll(async () => {
  await connection?.close();
  await db?.close();
});

test('the redelivered reference writes the start row the crashed starter did not', async () => {
  const messageId = `${randomUUID()}@customer.test`;
  const raw = Buffer.from(`Message-ID: <${messageId}>\r\nSubject: where is my order\r\n\r\nHello\r\n`);
  const stored = await storeRawEmail(db.pool, testVault(db.pool), { raw, source: 'http', mailbox: 'support' });
  const emailKey = emailKeyFor('support', messageId, stored.sha256);
  const ref = { emailKey, rawId: String(stored.rawId), mailbox: 'support', source: 'http' as const, receivedAt: new Date().toISOString() };
  // The crashed starter's work: the email registered and the workflow started, but no audit row.
  const workflowId = workflowIdForEmailKey(emailKey);
  await registerEmail(db.pool, { emailKey, rawId: ref.rawId, mailbox: 'support', messageIdHash: null, workflowId });
  await client.workflow.start(emailWorkflow, { workflowId, taskQueue, args: [{ emailKey, rawId: ref.rawId, mailbox: 'support', source: 'http' }] });
  const deps = { db: db.pool, client, taskQueue };
  expect(await auditTrail(db.pool, emailKey)).toEqual([]);
  try {
    expect(await startEmailWorkflow(deps, ref)).toBe('duplicate');
    const trail = (await auditTrail(db.pool, emailKey)).map((e) => `${e.stage}:${e.event}`);
    expect(trail).toEqual(['start:workflow_started']);
    // Once more: still one row.
    expect(await startEmailWorkflow(deps, ref)).toBe('duplicate');
    expect((await auditTrail(db.pool, emailKey)).length).toBe(1);
  } finally {
    await client.workflow.getHandle(workflowIdForEmailKey(emailKey)).terminate('test cleanup').catch(() => undefined);
  }
});
