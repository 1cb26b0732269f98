/**
 * The whole pipeline in one test process, on the real local stack (Temporal dev server, Postgres, Kafka, an
 * smtp-sink of its own): intake (HTTP), starter, worker, review API — each with resources of its own (database,
 * topics, consumer group, task queue, mailbox), so test files never see each other's mail.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { setLogLevel } from '@replique/activities/logger';
import { startIntake, type RunningIntake } from '@replique/services/intake/main';
import { loadIntakeConfig } from '@replique/services/config/intake-config';
import { runStarter } from '@replique/services/starter/main';
import { StarterEnvSchema } from '@replique/services/config/starter-config';
import { createEmailWorker } from '@replique/services/worker/main';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { startReviewService } from '@replique/services/review/main';
import { ReviewEnvSchema } from '@replique/services/config/review-config';
import { startCodecServer } from '@replique/services/codec-server/main';
import { CodecServerEnvSchema } from '@replique/services/config/codec-server-config';
import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { withTestDatabase, type TestDatabase } from './pg';
import { startSmtpSink, type RunningSmtpSink } from './smtp-sink';
import { shopFixture } from './paths';
import { ImapFlow } from 'imapflow';
import { emailKeyFor, extractMessageIdHeader, rawSha256 } from '@replique/activities/domain/email-key';
import { waitForWorkflowView } from './workflow-view';
import type { PolicySnapshot } from '@replique/activities/adapters/pg/live-policy';
import type { WordingSource } from '@replique/activities/adapters/pg/live-wording';
import type { LiveDraftExperiments } from '@replique/activities/adapters/pg/live-draft-experiment';
import type { ModelSnapshot } from '@replique/activities/adapters/pg/live-model';
import { TEST_TEMPORAL_PAYLOAD_KEYS, testTemporalDataConverter } from './temporal-payload-keys';
import { TEST_DATA_KEKS, testVault } from './data-keks';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const TOKEN = 'test-token-0123456789abcdef';
const CODEC_TOKEN = 'test-codec-token-0123456789abcdef';
/** The key the pipeline's worker signs reply links with and its review service checks them with. */
export const REPLY_LINK_SECRET = 'test-reply-link-secret-0123456789abcdef';

export interface PipelineHarness {
  db: TestDatabase;
  /** Opens (and seals) this pipeline's customer fields, with the pipeline's KEK. */
  vault: FieldVault;
  sink: RunningSmtpSink;
  client: Client;
  mailbox: string;
  /** This pipeline's Kafka topics and Temporal task queue (the privacy scans read them). */
  topics: { inbound: string; events: string };
  taskQueue: string;
  intakeUrl: string;
  reviewUrl: string;
  token: string;
  /** This pipeline's codec server (decrypts its Temporal payloads for the `temporal` CLI) and its bearer token. */
  codecUrl: string;
  codecToken: string;
  /** `temporal` CLI flags that encrypt what it sends and decrypt what it shows, as an SRE runs it. */
  cliCodecFlags: string[];
  /** POSTs raw bytes to the HTTP intake; returns the intake's JSON answer. */
  deliver(raw: Buffer): Promise<{ emailKey: string; duplicate: boolean }>;
  /** Appends raw bytes to this pipeline's IMAP folder, as a mail server delivers; returns the email key to expect. */
  deliverByImap(raw: Buffer): Promise<string>;
  /** Polls the workflow's state query until `done(view)`. */
  waitForView(emailKey: string, done: (view: EmailWorkflowView) => boolean, timeoutMs?: number): Promise<EmailWorkflowView>;
  /** Stops the worker (as a deploy or a crash would) and starts a new one on the same task queue. */
  restartWorker(): Promise<void>;
  /** The policy in force in the running worker (what it reads at each stage and send). */
  workerPolicy(): PolicySnapshot;
  /** The template and prompt versions in force in the running worker. */
  workerWording(): WordingSource;
  /** The draft experiments the running worker follows. */
  workerExperiments(): LiveDraftExperiments;
  /** The meaning model in force in the running worker. */
  workerModel(): ModelSnapshot | null;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

export interface PipelineOptions {
  /** More worker settings (e.g. REPLIQUE_POLICY_FILE for a policy with short review SLAs). */
  workerEnv?: Record<string, string>;
  /** Settings of every process (e.g. OTEL_EXPORTER_OTLP_ENDPOINT: each one traces to it). */
  env?: Record<string, string>;
}

export async function startPipeline(options: PipelineOptions = {}): Promise<PipelineHarness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  setLogLevel('warn');
  const run = randomBytes(4).toString('hex');
  const db = await withTestDatabase();
  const sink = await startSmtpSink();
  const env = {
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    IMAP_HOST: process.env.IMAP_HOST ?? '127.0.0.1',
    IMAP_PORT: process.env.IMAP_PORT ?? '1143',
    IMAP_USER: process.env.IMAP_USER ?? 'support',
    IMAP_PASSWORD: process.env.IMAP_PASSWORD ?? 'secret',
    KAFKA_TOPIC_INBOUND: `email.inbound.test-${run}`,
    KAFKA_TOPIC_EVENTS: `email.events.test-${run}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    /** The stack's dev server has a namespace for tests, so the demo's workflow list stays the demo's. */
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-test-${run}`,
    /** Every process of the pipeline encrypts its Temporal payloads, as in production. */
    TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
    /** Customer text is sealed at rest by every process (intake, worker, review), as in production. */
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
    /** Replies carry their signed links (rating, a person next time), served by this pipeline's review service. */
    REPLY_LINK_SECRET: REPLY_LINK_SECRET,
    ...options.env,
  };
  const mailbox = `support-test-${run}`;
  /** An IMAP folder of its own in the stack's support account, so the poller never sees the demo's inbox. */
  const imapFolder = `test-${run}`;
  await createImapFolder(imapFolder);
  // The review service first, on a port the system picks: the worker's reply links need its address, and a port chosen
  // ahead and bound seconds later could be taken in between by another test process.
  const review = await startReviewService(ReviewEnvSchema.parse({ ...env, REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: TOKEN }));
  const reviewUrl = `http://127.0.0.1:${review.port}`;

  const intake: RunningIntake = await startIntake(
    loadIntakeConfig({
      ...env,
      REPLIQUE_MAILBOX: mailbox,
      INTAKE_HTTP_PORT: '0',
      INTAKE_TOKEN: TOKEN,
      INTAKE_IMAP_ENABLED: 'true',
      IMAP_FOLDER: imapFolder,
      IMAP_POLL_INTERVAL_MS: '1000',
    }),
  );
  const starter = await runStarter(StarterEnvSchema.parse({ ...env, STARTER_GROUP_ID: `starter-test-${run}` }));
  const workerConfig = WorkerEnvSchema.parse({
    ...env,
    SMTP_PORT: String(sink.port),
    REPLIQUE_SHOP_FILE: shopFixture,
    REPLY_LINK_BASE_URL: reviewUrl,
    ...options.workerEnv,
  });
  let worker = await startWorker();
  const codec = await startCodecServer(CodecServerEnvSchema.parse({
    TEMPORAL_PAYLOAD_KEYS: env.TEMPORAL_PAYLOAD_KEYS, CODEC_SERVER_TOKEN: CODEC_TOKEN, CODEC_SERVER_PORT: '0', LOG_LEVEL: 'warn',
  }));
  const codecUrl = `http://127.0.0.1:${codec.port}`;
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: testTemporalDataConverter() });

  async function startWorker() {
    const created = await createEmailWorker(workerConfig);
    return {
      worker: created.worker, policy: created.policy, wording: created.wording, experiments: created.experiments, model: created.model,
      running: created.worker.run(), close: created.close,
    };
  }

  async function stopWorker(): Promise<void> {
    worker.worker.shutdown();
    await worker.running;
    await worker.close();
  }

  return {
    db,
    vault: testVault(db.pool),
    sink,
    client,
    mailbox,
    topics: { inbound: env.KAFKA_TOPIC_INBOUND, events: env.KAFKA_TOPIC_EVENTS },
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    intakeUrl: `http://127.0.0.1:${intake.httpPort}`,
    reviewUrl,
    token: TOKEN,
    codecUrl,
    codecToken: CODEC_TOKEN,
    cliCodecFlags: ['--codec-endpoint', codecUrl, '--codec-auth', `Bearer ${CODEC_TOKEN}`],
    async deliver(raw) {
      const post = () => fetch(`http://127.0.0.1:${intake.httpPort}/intake/raw`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
        body: raw,
      });
      // As a real client does: the intake is idempotent (same email, same key), so a request whose connection was
      // reset is sent again. A kept-alive socket the server closes while a large body is written is one such reset.
      const res = await post().catch((error: unknown) => {
        if (!isConnectionReset(error)) throw error;
        return post();
      });
      if (res.status !== 202) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { emailKey: string; duplicate: boolean };
    },
    async deliverByImap(raw) {
      await withImap((client) => client.append(imapFolder, raw));
      return emailKeyFor(mailbox, extractMessageIdHeader(raw), rawSha256(raw));
    },
    waitForView: (emailKey, done, timeoutMs) => waitForWorkflowView(client, emailKey, done, timeoutMs),
    async restartWorker() {
      await stopWorker();
      worker = await startWorker();
    },
    workerPolicy: () => worker.policy.current(),
    workerWording: () => worker.wording,
    workerExperiments: () => worker.experiments,
    workerModel: () => worker.model?.current() ?? null,
    async stop() {
      await stopWorker();
      await Promise.all([review.stop(), starter.stop(), intake.stop(), codec.stop()]);
      await connection.close();
      await sink.stop();
      await db.close();
    },
  };
}

async function withImap<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: process.env.IMAP_HOST ?? '127.0.0.1',
    port: Number(process.env.IMAP_PORT ?? 1143),
    secure: false,
    auth: { user: process.env.IMAP_USER ?? 'support', pass: process.env.IMAP_PASSWORD ?? 'secret' },
    logger: false,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function createImapFolder(folder: string): Promise<void> {
  await withImap((client) => client.mailboxCreate(folder));
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}
