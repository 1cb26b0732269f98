/**
 * The whole pipeline in the benchmark's process, like test/support/pipeline-harness.ts (own database, topics,
 * consumer group, task queue, smtp-sink, IMAP folder), with every activity wrapped in a timer so the benchmark
 * can say what each stage costs. The production worker's V8 flag (--no-regexp-tier-up, worker/main.ts) comes from
 * node's command line (`pnpm bench` gives it).
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Client, Connection } from '@temporalio/client';
// The activities package owns @temporalio/activity (the same copy the worker runs activities with).
import { Context } from '../../activities/node_modules/@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEmailActivities } from '@replique/activities/email-activities';
import type { EmailActivities } from '@replique/activities/activity-contracts';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import { startIntake, type RunningIntake } from '@replique/services/intake/main';
import { loadIntakeConfig } from '@replique/services/config/intake-config';
import { runStarter } from '@replique/services/starter/main';
import { StarterEnvSchema } from '@replique/services/config/starter-config';
import { WorkerEnvSchema, type WorkerConfig } from '@replique/services/config/worker-config';
import { createWorkerDeps } from '@replique/services/worker/create-worker-deps';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { shopFixture } from '../support/paths';
import { workflowBundle } from '../support/workflow-bundle';
import { deleteTopics } from '../adapters/stack-env';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';
import { TEST_DATA_KEKS } from '../support/data-keks';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { temporalDataConverter } from '@replique/services/temporal/data-converter';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

/**
 * POSTs a raw message to the intake over a kept-alive connection. The bench's own HTTP client is not the pipeline's
 * cost, yet it runs in this process: node:http costs 0.05–0.2 ms of CPU a request where fetch (undici) cost 0.3–1.0
 * (16 at a time, 5 kB bodies, to a server in another process; docs/benchmarks/README.md).
 */
function postRaw(agent: Agent, port: number, raw: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port, path: '/intake/raw', method: 'POST', agent,
        headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'message/rfc822', 'content-length': raw.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw);
  });
}

export interface StageTimes {
  /** activity name → durations in ms */
  durations: Map<string, number[]>;
  /** How many of those calls ran as local activities. */
  localCalls: number;
  /** What the activities wait on: 'postgres query' (their events wait in the outbox, not on Kafka) → durations in ms of each call. */
  io: Map<string, number[]>;
  reset(): void;
}

function record(map: Map<string, number[]>, name: string, msValue: number): void {
  const list = map.get(name) ?? [];
  list.push(msValue);
  map.set(name, list);
}

/**
 * A Postgres statement's kind for the cost table: its verb and first table ("insert audit_log", "select emails"), so
 * the statements an email costs can be counted without logging any parameter.
 */
export function statementLabel(sql: string): string {
  let label = labels.get(sql);
  if (label === undefined) {
    label = labelOf(sql);
    if (labels.size < 10_000) labels.set(sql, label);
  }
  return label;
}

/** Labels by statement text: the worker's statements are a few hundred constant strings, labelled once each. */
const labels = new Map<string, string>();

function labelOf(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const main = /^with\b/.test(text) ? 'with' : text.split(' ')[0]!;
  const table = /\b(?:insert into|update|delete from|from)\s+([a-z_][a-z0-9_.]*)/.exec(text)?.[1] ?? '?';
  return `${main} ${table}`;
}

/**
 * Wraps `obj[method]` so that each call's wall time lands in `stages.io` under `label`, and, when `detail` names the
 * call from its first argument, under `label: detail` as well.
 */
function timeCalls<T extends object>(obj: T, method: keyof T & string, label: string, stages: StageTimes, detail?: (first: unknown) => string): void {
  const original = (obj[method] as (...args: unknown[]) => Promise<unknown>).bind(obj);
  (obj as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...args);
    } finally {
      const ms = performance.now() - t0;
      record(stages.io, label, ms);
      if (detail) record(stages.io, `${label}: ${detail(args[0])}`, ms);
    }
  };
}

export interface BenchPipeline {
  run: string;
  db: TestDatabase;
  /** The worker's vault (seals and opens this pipeline's customer fields). */
  vault: FieldVault;
  sink: RunningSmtpSink;
  client: Client;
  mailbox: string;
  env: Record<string, string>;
  intake: RunningIntake;
  intakePort: number;
  worker: Worker;
  workerConfig: WorkerConfig;
  stages: StageTimes;
  deliver(raw: Buffer): Promise<{ emailKey: string; duplicate: boolean }>;
  /** Emails in a final or waiting state (from Postgres). */
  settledCount(): Promise<number>;
  stop(): Promise<void>;
}

function timed(activities: EmailActivities, stages: StageTimes): EmailActivities {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    out[name] = async (...args: unknown[]) => {
      if (Context.current().info.isLocal) stages.localCalls++;
      const t0 = performance.now();
      try {
        return await fn(...args);
      } finally {
        record(stages.durations, name, performance.now() - t0);
      }
    };
  }
  return out as unknown as EmailActivities;
}

export async function startBenchPipeline(options: { imapFolder?: string; maxConcurrentActivities?: number } = {}): Promise<BenchPipeline> {
  const run = randomBytes(4).toString('hex');
  const db = await withTestDatabase();
  const sink = await startSmtpSink();
  const env: Record<string, string> = {
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_INBOUND: `email.inbound.bench-${run}`,
    KAFKA_TOPIC_EVENTS: `email.events.bench-${run}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-bench-${run}`,
    /** Payloads encrypted as in production, so the figures include the codec. */
    TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
    /** Customer text sealed at rest as in production, so the figures include it. */
    DATA_KEKS: TEST_DATA_KEKS,
    LOG_LEVEL: 'warn',
  };
  const mailbox = `support-bench-${run}`;
  const intakePort = await freePort();
  const intake = await startIntake(
    loadIntakeConfig({
      ...env,
      REPLIQUE_MAILBOX: mailbox,
      INTAKE_HTTP_PORT: String(intakePort),
      INTAKE_TOKEN: BENCH_TOKEN,
      ...(options.imapFolder
        ? { INTAKE_IMAP_ENABLED: 'true', IMAP_FOLDER: options.imapFolder, IMAP_POLL_INTERVAL_MS: '1000', IMAP_HOST: process.env.IMAP_HOST ?? '127.0.0.1', IMAP_PORT: process.env.IMAP_PORT ?? '1143' }
        : {}),
    }),
  );
  const starter = await runStarter(StarterEnvSchema.parse({ ...env, STARTER_GROUP_ID: `starter-bench-${run}` }));
  const workerConfig = WorkerEnvSchema.parse({
    ...env,
    SMTP_PORT: String(sink.port),
    REPLIQUE_SHOP_FILE: shopFixture,
    WORKER_MAX_CONCURRENT_ACTIVITIES: String(options.maxConcurrentActivities ?? 50),
  });
  const deps = await createWorkerDeps(workerConfig);
  const stages: StageTimes = {
    durations: new Map(),
    io: new Map(),
    localCalls: 0,
    reset() {
      this.localCalls = 0;
      this.durations.clear();
      this.io.clear();
    },
  };
  timeCalls(deps.db, 'query', 'postgres query', stages, (sql) => statementLabel(typeof sql === 'string' ? sql : String((sql as { text?: string }).text)));
  const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE!,
    workflowBundle: await workflowBundle(),
    dataConverter: temporalDataConverter(workerConfig),
    activities: timed(createEmailActivities(deps), stages),
    maxConcurrentActivityTaskExecutions: workerConfig.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(workerConfig) });
  const intakeAgent = new Agent({ keepAlive: true });

  return {
    run,
    db,
    vault: deps.vault,
    sink,
    client,
    mailbox,
    env,
    intake,
    intakePort,
    worker,
    workerConfig,
    stages,
    async deliver(raw) {
      const res = await postRaw(intakeAgent, intakePort, raw);
      if (res.status !== 202) throw new Error(`intake answered ${res.status}: ${res.body}`);
      return JSON.parse(res.body) as { emailKey: string; duplicate: boolean };
    },
    async settledCount() {
      const { rows } = await db.pool.query<{ n: number }>(
        `select count(*)::int as n from emails where state in ('quarantined','suppressed','sent','rejected','send_failed','waiting_review','escalated')`,
      );
      return rows[0]!.n;
    },
    async stop() {
      try {
        worker.shutdown();
      } catch {
        // already draining
      }
      await running.catch(() => undefined);
      intakeAgent.destroy();
      await deps.close();
      await nativeConnection.close();
      await Promise.all([starter.stop(), intake.stop()]);
      await connection.close();
      await sink.stop();
      await deleteTopics(createKafka(env.KAFKA_BROKERS!.split(','), `bench-cleanup-${run}`), [env.KAFKA_TOPIC_INBOUND!, env.KAFKA_TOPIC_EVENTS!]);
      await db.close();
    },
  };
}
