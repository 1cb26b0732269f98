/**
 * Postgres refusing an email's data through the real parts: emailWorkflow on the Temporal test server, the real
 * email activities (createEmailActivities over the worker's own wiring) on a throwaway database whose schema is
 * made to refuse some values. A refused read is quarantined and a refused stage escalated, each after one attempt,
 * with the SQLSTATE as the recorded, audited reason; a reviewer's text Postgres would refuse is refused at the door;
 * a lost connection is still retried until Postgres answers.
 */
import net from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createEmailActivities } from '@replique/activities/email-activities';
import type { EmailActivities } from '@replique/activities/activity-contracts';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { getEmail, registerEmail } from '@replique/activities/adapters/pg/emails';
import { auditTrail } from '@replique/activities/adapters/pg/audit-log';
import { listWaitingEmails } from '@replique/activities/adapters/pg/review-queue';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { createWorkerDeps, type WorkerDeps } from '@replique/services/worker/create-worker-deps';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import { decideUpdate, workflowIdForEmailKey, type EmailWorkflowInput } from '@replique/workflows/contracts';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { addressHash } from '@replique/activities/domain/email-key';
import { devEmailsDir, shopFixture } from '../support/paths';
import { workflowBundle } from '../support/workflow-bundle';
import { eventually, newEmailKey, startTestEnvironment } from './workflow-test-kit';

jest.setTimeout(120_000);

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let deps: WorkerDeps;

/** A sender the CHECK constraint of this database refuses in a case file (by its hash: the case file is sealed). */
const REFUSED_SENDER = 'refused-by-check@example.invalid';

beforeAll(async () => {
  setLogLevel('warn');
  env = await startTestEnvironment();
  db = await withTestDatabase();
  deps = await createWorkerDeps(WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: '127.0.0.1:1', // never used: the outbox relay is off
    EVENT_RELAY_ENABLED: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '1', // never used: no email here gets as far as sending
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    REPLIQUE_SHOP_FILE: shopFixture,
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
  }));
  // This database refuses what production would accept, so the activities meet real refusals from the server:
  // a case file from the refused sender (23514 check_violation, at the read), and any intent longer than two
  // characters (22001 string_data_right_truncation, when the route stage records the intent).
  await db.pool.query(`alter table emails add constraint test_refused_sender
    check (sender_hash is distinct from '${addressHash(REFUSED_SENDER)}')`);
  await db.pool.query('alter table emails alter column intent type varchar(2)');
});

afterAll(async () => {
  await deps?.close();
  await db?.close();
  await env?.teardown();
});

/** The real email activities, each call counted by name. */
function counted(activities: EmailActivities, calls: Map<string, number>): EmailActivities {
  const wrapped: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return activity(...args);
    };
  }
  return wrapped as unknown as EmailActivities;
}

async function withWorker<T>(activities: EmailActivities, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `data-errors-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities,
  });
  return worker.runUntil(fn(taskQueue));
}

/** A dev fixture under a fresh Message-ID (and optionally from the refused sender), stored and registered like the starter does. */
async function arrive(file: string, refusedSender = false): Promise<EmailWorkflowInput> {
  let text = readFileSync(path.join(devEmailsDir, file), 'latin1');
  text = text.replace(/^Message-ID:.*$/im, `Message-ID: <${randomUUID()}@test.replique>`);
  if (refusedSender) text = text.replace(/^From: .*$/im, `From: Refused <${REFUSED_SENDER}>`);
  const { rawId } = await storeRawEmail(db.pool, deps.vault, { raw: Buffer.from(text, 'latin1'), source: 'http', mailbox: 'support' });
  const emailKey = newEmailKey();
  await registerEmail(db.pool, { emailKey, rawId, mailbox: 'support', messageIdHash: null, workflowId: workflowIdForEmailKey(emailKey) });
  return { emailKey, rawId, mailbox: 'support', source: 'test' };
}

async function stateOf(emailKey: string): Promise<{ state: string; stateReason: string | null }> {
  const row = await getEmail(db.pool, emailKey);
  return { state: row!.state, stateReason: row!.stateReason };
}

test('a read Postgres refuses (check violation) is quarantined after one attempt, recorded and audited', async () => {
  const calls = new Map<string, number>();
  const input = await arrive('d005.eml', true);
  const result = await withWorker(counted(createEmailActivities(deps), calls), (taskQueue) =>
    env.client.workflow.execute(emailWorkflow, { taskQueue, workflowId: workflowIdForEmailKey(input.emailKey), args: [input] }),
  );
  expect(result).toMatchObject({ state: 'quarantined', reason: 'data_rejected:23514', sentMessageId: null });
  expect(calls.get('readEmail')).toBe(1);
  expect(calls.get('enrichEmail')).toBeUndefined();
  expect(await stateOf(input.emailKey)).toEqual({ state: 'quarantined', stateReason: 'data_rejected:23514' });
  const audit = await auditTrail(db.pool, input.emailKey);
  expect(audit.map((a) => [a.stage, a.event, a.data])).toContainEqual(['state', 'quarantined', { reason: 'data_rejected:23514' }]);
  // The case file was never saved: the raw bytes stay, for a person.
  expect((await db.pool.query('select email_case from emails where email_key = $1', [input.emailKey])).rows[0].email_case).toBeNull();
});

test('a stage Postgres refuses (value too long for the column) escalates to a person after one attempt', async () => {
  const calls = new Map<string, number>();
  const input = await arrive('d005.eml');
  const handle = env.client.workflow.getHandle(workflowIdForEmailKey(input.emailKey));
  await withWorker(counted(createEmailActivities(deps), calls), async (taskQueue) => {
    await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: workflowIdForEmailKey(input.emailKey), args: [input] });
    await eventually(async () => expect(await stateOf(input.emailKey)).toEqual({ state: 'escalated', stateReason: 'data_rejected:22001' }));

    // A reviewer's text Postgres would refuse (NUL) is refused by the update's validator with a clear error, before
    // anything is recorded: its record would otherwise be retried forever (bookkeeping is retried).
    const nul = { decisionId: randomUUID(), action: 'edit' as const, reviewer: 'sam', body: 'Bonjour\u0000' };
    const refused = await handle.executeUpdate(decideUpdate, { args: [nul] }).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refused as WorkflowUpdateFailedError).cause?.message).toContain('NUL character');
  });
  expect(calls.get('routeEmail')).toBe(1);
  expect(calls.get('recordReviewDecision')).toBeUndefined();
  expect(calls.get('checkEditedReply')).toBeUndefined();
  // Visible to reviewers: the review queue (level 2) lists it with its reason.
  const waiting = await listWaitingEmails(db.pool, deps.vault, { limit: 100 });
  expect(waiting.find((w) => w.emailKey === input.emailKey)).toMatchObject({ state: 'escalated', stateReason: 'data_rejected:22001' });
  const failure = (await handle.fetchHistory()).events!
    .find((e) => e.activityTaskFailedEventAttributes)!.activityTaskFailedEventAttributes!.failure!;
  // The failure names the SQLSTATE (and the table, column or constraint when Postgres gives them), never the value.
  expect(failure.message).toBe('routeEmail: Postgres refused the data: SQLSTATE 22001 string_data_right_truncation');
  expect(failure.applicationFailureInfo).toMatchObject({ type: 'PostgresDataError', nonRetryable: true });
  await handle.terminate('test done');
});

/** A TCP hop to Postgres that drops every connection while `down`: a lost database, as the activities see it. */
async function flakyPostgres(): Promise<{ url: string; up(): void; close(): Promise<void> }> {
  const target = new URL(db.databaseUrl);
  let down = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(db.databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    up: () => void (down = false),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('a lost connection is not a data error: the read is retried until Postgres answers, then the email goes on', async () => {
  const calls = new Map<string, number>();
  const input = await arrive('d005.eml');
  const flaky = await flakyPostgres();
  const flakyPool = createPool(flaky.url, { max: 2, applicationName: 'replique-test-flaky' });
  try {
    const activities = counted({ ...createEmailActivities(deps), readEmail: createEmailActivities({ ...deps, db: flakyPool }).readEmail }, calls);
    await withWorker(activities, async (taskQueue) => {
      await env.client.workflow.start(emailWorkflow, { taskQueue, workflowId: workflowIdForEmailKey(input.emailKey), args: [input] });
      await eventually(() => expect(calls.get('readEmail') ?? 0).toBeGreaterThanOrEqual(2));
      expect(await stateOf(input.emailKey)).toEqual({ state: 'analysing', stateReason: null });
      flaky.up();
      // Read at last (retried, not quarantined); the route stage then meets this database's narrow intent column.
      await eventually(async () => expect((await stateOf(input.emailKey)).state).toBe('escalated'));
    });
    expect(calls.get('readEmail')).toBeGreaterThanOrEqual(3);
    expect(calls.get('enrichEmail')).toBe(1);
    const audit = await auditTrail(db.pool, input.emailKey);
    expect(audit.map((a) => `${a.stage}:${a.event}`)).toContain('read:done');
    await env.client.workflow.getHandle(workflowIdForEmailKey(input.emailKey)).terminate('test done');
  } finally {
    await flakyPool.end();
    await flaky.close();
  }
});
