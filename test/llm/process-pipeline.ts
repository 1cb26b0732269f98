/**
 * The pipeline as separate processes — intake, starter and worker each started from its own main.ts, as in
 * production — on the real local stack, with a database, topics, task queue and smtp-sink of their own. Each
 * process's stdout and stderr are captured (and written to test/.artifacts/llm-<run>-<name>.log), so a test can
 * read exactly what the processes logged. The worker gets the extra environment a test passes (LLM_BASE_URL…).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { repoRoot, shopFixture } from '../support/paths';
import { freePort, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { waitForWorkflowView } from '../support/workflow-view';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const TOKEN = 'llm-test-token-0123456789abcdef';
const TSX = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const ARTIFACTS = path.join(repoRoot, 'test', '.artifacts');

/** Variables of the surrounding shell that must not leak into the processes under test. */
const DROPPED = /^(LLM_|QDRANT_|REPLIQUE_|INTAKE_|REVIEW_|SMTP_|KAFKA_TOPIC|TEMPORAL_TASK_QUEUE|STARTER_|DATA_KEKS)/;

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

export interface ProcessPipeline {
  db: TestDatabase;
  /** Opens the customer fields the processes sealed (their KEK). */
  vault: FieldVault;
  sink: RunningSmtpSink;
  client: Client;
  processes: RunningProcess[];
  deliver(raw: Buffer): Promise<{ emailKey: string; duplicate: boolean }>;
  waitForView(emailKey: string, done: (view: EmailWorkflowView) => boolean, timeoutMs?: number): Promise<EmailWorkflowView>;
  /** All captured output of all processes. */
  logs(): string;
  stop(): Promise<void>;
}

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string): RunningProcess {
  const child = spawn(TSX, [script], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout!.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const output = () => chunks.join('');
  child.on('exit', () => writeFileSync(logFile, output()));
  return { name, child, output };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, proc: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}) before ${what}:\n${proc.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${proc.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopProcess(proc: RunningProcess): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function startProcessPipeline(workerEnv: Record<string, string>): Promise<ProcessPipeline> {
  const run = randomBytes(4).toString('hex');
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await withTestDatabase();
  const sink = await startSmtpSink();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROPPED.test(k)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_INBOUND: `email.inbound.llm-${run}`,
    KAFKA_TOPIC_EVENTS: `email.events.llm-${run}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-llm-${run}`,
    DATA_KEKS: TEST_DATA_KEKS,
    // Everything the processes can say, so the PII scan of their logs sees the most.
    LOG_LEVEL: 'debug',
  };
  const intakePort = await freePort();
  const logFile = (name: string) => path.join(ARTIFACTS, `llm-${run}-${name}.log`);
  const processes: RunningProcess[] = [];
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE! });

  const stop = async () => {
    await Promise.all(processes.map(stopProcess));
    await connection.close();
    await sink.stop();
    await db.close();
  };

  try {
    // The worker first: it migrates the database and seeds the shop before the others use it.
    const worker = startProcess('worker', 'services/src/worker/main.ts', {
      ...env, ...workerEnv, SMTP_PORT: String(sink.port), REPLIQUE_SHOP_FILE: shopFixture,
    }, logFile('worker'));
    processes.push(worker);
    await waitFor('the worker to start', () => worker.output().includes('worker started'), worker, 120_000);
    const intake = startProcess('intake', 'services/src/intake/main.ts', {
      ...env, REPLIQUE_MAILBOX: `support-llm-${run}`, INTAKE_HTTP_PORT: String(intakePort), INTAKE_TOKEN: TOKEN,
    }, logFile('intake'));
    const starter = startProcess('starter', 'services/src/starter/main.ts', { ...env, STARTER_GROUP_ID: `starter-llm-${run}` }, logFile('starter'));
    processes.push(intake, starter);
    await waitFor('the intake to listen', async () => {
      try {
        return (await fetch(`http://127.0.0.1:${intakePort}/healthz`)).ok;
      } catch {
        return false;
      }
    }, intake);
    await waitFor('the starter to consume', () => starter.output().includes('starter consuming'), starter);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    db,
    vault: testVault(db.pool),
    sink,
    client,
    processes,
    async deliver(raw) {
      const res = await fetch(`http://127.0.0.1:${intakePort}/intake/raw`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' },
        body: raw,
      });
      if (res.status !== 202) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { emailKey: string; duplicate: boolean };
    },
    waitForView: (emailKey, done, timeoutMs) => waitForWorkflowView(client, emailKey, done, timeoutMs),
    logs: () => processes.map((p) => `### ${p.name}\n${p.output()}`).join('\n'),
    stop,
  };
}
