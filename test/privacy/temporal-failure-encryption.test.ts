/**
 * Failure messages and stack traces under the payload key, on the real stack: emailWorkflow on the local Temporal
 * server, a worker with the processes' data converter (temporalDataConverter: the payload codec and the failure
 * converter with `encodeCommonAttributes`), the real email activities on a throwaway database. The read activity fails
 * the way a Postgres error quoting the value would (`invalid input syntax …: "<the customer's text>"`): the workflow
 * still reads the failure's type and details (the email is quarantined `data_rejected:22P02`), but neither the raw
 * history nor `temporal workflow show` holds the customer's text; the codec server gives it back to an SRE with the
 * token (the Temporal UI and CLI ask it), and the SDK's client gets the message back too.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { ApplicationFailure, type Payload } from '@temporalio/common';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createEmailActivities } from '@replique/activities/email-activities';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { registerEmail } from '@replique/activities/adapters/pg/emails';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { createWorkerDeps, type WorkerDeps } from '@replique/services/worker/create-worker-deps';
import { startCodecServer } from '@replique/services/codec-server/main';
import { CodecServerEnvSchema } from '@replique/services/config/codec-server-config';
import { codecServerDecoder } from '@replique/services/privacy/privacy-scan';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import { workflowIdForEmailKey, type EmailWorkflowInput } from '@replique/workflows/contracts';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { shopFixture, temporalCliPath } from '../support/paths';
import { freshDevEmail } from '../support/dev-email-copy';
import { TEST_TEMPORAL_PAYLOAD_KEYS, testTemporalDataConverter } from '../support/temporal-payload-keys';
import { workflowBundle } from '../support/workflow-bundle';

jest.setTimeout(120_000);

const run = promisify(execFile);
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test';
const CODEC_TOKEN = `codec-${randomBytes(12).toString('hex')}`;
/** What the failure quotes: a fragment of the customer's own text (letters, so it reads as no base64 by chance). */
const FRAGMENT = `Customer fragment ${Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

let db: TestDatabase;
let deps: WorkerDeps;
let codec: { port: number; stop(): Promise<void> };
let connection: Connection;
let client: Client;
let workflowId: string;
let result: unknown;

beforeAll(async () => {
  setLogLevel('warn');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  db = await withTestDatabase();
  deps = await createWorkerDeps(WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: '127.0.0.1:1', // never used: the outbox relay is off
    EVENT_RELAY_ENABLED: 'false',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '1', // never used: nothing is sent
    TEMPORAL_ADDRESS: address,
    REPLIQUE_SHOP_FILE: shopFixture,
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
  }));
  codec = await startCodecServer(CodecServerEnvSchema.parse({
    TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS, CODEC_SERVER_TOKEN: CODEC_TOKEN, CODEC_SERVER_PORT: '0', LOG_LEVEL: 'warn',
  }));
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace, dataConverter: testTemporalDataConverter() });

  const { raw } = freshDevEmail('d005.eml');
  const { rawId } = await storeRawEmail(db.pool, deps.vault, { raw, source: 'http', mailbox: 'support' });
  const emailKey = (randomUUID() + randomUUID()).replace(/-/g, '');
  workflowId = workflowIdForEmailKey(emailKey);
  await registerEmail(db.pool, { emailKey, rawId, mailbox: 'support', messageIdHash: null, workflowId });
  const input: EmailWorkflowInput = { emailKey, rawId, mailbox: 'support', source: 'test' };

  // The real activities, but the read fails as a Postgres error that quotes the value it refused would.
  const activities = createEmailActivities(deps);
  activities.readEmail = async () => {
    throw ApplicationFailure.create({
      message: `readEmail: invalid input syntax for type integer: "${FRAGMENT}"`,
      type: 'PostgresDataError', nonRetryable: true, details: [{ sqlState: '22P02' }],
    });
  };
  const taskQueue = `failure-encryption-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address });
  try {
    const worker = await Worker.create({
      connection: workerConnection, namespace, taskQueue, workflowBundle: await workflowBundle(),
      dataConverter: testTemporalDataConverter(), activities,
    });
    result = await worker.runUntil(client.workflow.execute(emailWorkflow, { taskQueue, workflowId, args: [input] }));
  } finally {
    await workerConnection.close();
  }
});

afterAll(async () => {
  await connection?.close();
  await codec?.stop();
  await deps?.close();
  await db?.close();
});

/** Every string and byte array anywhere in `value` (a history, proto objects) that holds `text`. */
function holds(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value instanceof Uint8Array) return Buffer.from(value).includes(text);
  if (Array.isArray(value)) return value.some((item) => holds(item, text));
  if (value && typeof value === 'object') return Object.values(value).some((item) => holds(item, text));
  return false;
}

/** The CLI's JSON output and, after it, the text of every payload in it (`data` is base64). */
function withPayloadTexts(output: string): string {
  return [output, ...[...output.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))].join('\n');
}

async function activityFailure() {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const failure = history.events!.find((e) => e.activityTaskFailedEventAttributes)!.activityTaskFailedEventAttributes!.failure!;
  return { history, failure };
}

test('the workflow still reads the failure (its type, its details decoded): the email quarantined with its SQLSTATE', () => {
  expect(result).toMatchObject({ state: 'quarantined', reason: 'data_rejected:22P02' });
});

test('the raw history holds no customer text: the message and stack trace are an encrypted payload', async () => {
  const { history, failure } = await activityFailure();
  expect(failure.message).toBe('Encoded failure');
  expect(failure.stackTrace).toBe('');
  expect(failure.applicationFailureInfo).toMatchObject({ type: 'PostgresDataError', nonRetryable: true });
  expect(Buffer.from(failure.encodedAttributes!.metadata!.encoding!).toString()).toBe('binary/encrypted');
  expect(holds(history, FRAGMENT)).toBe(false);
  expect(holds(history, 'invalid input syntax')).toBe(false);

  // The codec server (what the Temporal UI asks) decodes the attributes for a valid token: the message is there.
  const decode = codecServerDecoder(`http://127.0.0.1:${codec.port}`, CODEC_TOKEN);
  const [attributes] = await decode([failure.encodedAttributes as Payload]);
  expect(JSON.parse(Buffer.from(attributes!.data!).toString('utf8'))).toMatchObject({
    message: `readEmail: invalid input syntax for type integer: "${FRAGMENT}"`, stack_trace: expect.any(String),
  });
  await expect(codecServerDecoder(`http://127.0.0.1:${codec.port}`, 'not-the-token-0123456789')([failure.encodedAttributes as Payload])).rejects.toThrow('401');
});

test('`temporal workflow show` shows no customer text; with the codec server and its token, the message', async () => {
  const base = ['workflow', 'show', '--workflow-id', workflowId, '--output', 'json', '--address', address, '--namespace', namespace];
  const plain = (await run(temporalCliPath(), base, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  expect(plain).toContain('Encoded failure');
  expect(withPayloadTexts(plain)).not.toContain(FRAGMENT);

  const decoded = (await run(temporalCliPath(), [...base, '--codec-endpoint', `http://127.0.0.1:${codec.port}`, '--codec-auth', `Bearer ${CODEC_TOKEN}`], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  expect(decoded).not.toContain('binary/encrypted');
  expect(withPayloadTexts(decoded)).toContain(FRAGMENT);
});

test('a client with the data converter gets the message back (the SDK decodes the failure as it does for a workflow\'s)', async () => {
  const { failure } = await activityFailure();
  const error = await decodeOptionalFailureToOptionalError(client.options.loadedDataConverter, failure);
  expect(error?.message).toBe(`readEmail: invalid input syntax for type integer: "${FRAGMENT}"`);
});

test('the history with its encoded failure replays with the data converter', async () => {
  const { history } = await activityFailure();
  await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: testTemporalDataConverter() }, history, workflowId)).resolves.toBeUndefined();
});
