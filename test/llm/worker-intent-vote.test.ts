/**
 * The worker votes with an LLM and embeds through an OpenAI-compatible endpoint when its environment says so
 * (REPLIQUE_INTENT_LLM_*, EMBEDDINGS_*: services/src/config/decision-env.ts), and `replique triage` given the same
 * variables decides the same. The LLM is llama.cpp's llama-server with SmolLM2-135M-Instruct behind a recording proxy
 * (the replay server with `upstream`), so the test sees each intent request that left (masked text only); the
 * embeddings come from the replay server (deterministic vectors: llama-server runs without an embedding model here).
 * Real emailWorkflows on Temporal, a worker built as services/src/worker/main.ts builds it.
 *
 * Skipped when REPLIQUE_LLM_TESTS=0, or when llama.cpp is not installed (`bash infra/local/lib/llm.sh install`;
 * infra/local/test.sh installs it) unless REPLIQUE_LLM_TESTS=1.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { setLogLevel } from '@replique/activities/logger';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { devEmailsDir, shopFixture } from '../support/paths';
import { TEST_DATA_KEKS } from '../support/data-keks';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';
import { cliDecisions } from '../parity/decision-paths';
import { workflowDecisions } from '../parity/workflow-decisions';
import { llamaInstalled, llamaTestsMode, startLlamaServer, type RunningLlama } from './llama-server';
import { startReplayServer, type ReplayServer } from './replay-server';

jest.setTimeout(900_000);

const mode = llamaTestsMode();
const installed = mode !== 'off' && llamaInstalled();
if (mode === 'required' && !installed) throw new Error('REPLIQUE_LLM_TESTS=1 but llama.cpp is not installed: bash infra/local/lib/llm.sh install');
const skipReason = mode === 'off' ? 'REPLIQUE_LLM_TESTS=0' : installed ? '' : 'llama.cpp is not installed (bash infra/local/lib/llm.sh install)';

let llama: RunningLlama | undefined;
let proxy: ReplayServer | undefined;
let embeddings: ReplayServer | undefined;
let db: TestDatabase | undefined;
let sink: RunningSmtpSink | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  if (skipReason) return;
  setLogLevel('warn');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  llama = await startLlamaServer();
  [proxy, embeddings, db, sink] = await Promise.all([
    startReplayServer({ upstream: llama.baseUrl, model: llama.model }), startReplayServer({ dimensions: 32 }), withTestDatabase(), startSmtpSink(),
  ]);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
});

afterAll(async () => {
  await connection?.close();
  await sink?.stop();
  await db?.close();
  await proxy?.stop();
  await embeddings?.stop();
  await llama?.stop();
  if (skipReason) console.warn(`worker-intent-vote.test.ts SKIPPED: ${skipReason}`);
});

const intentRequests = () => (proxy?.received ?? []).filter((r) => r.path === '/v1/chat/completions'
  && (r.body as { response_format?: { json_schema?: { name?: string } } }).response_format?.json_schema?.name === 'email_intent');

(skipReason ? test.skip : test)('the worker votes with the LLM and embeds through the endpoint; the CLI with the same variables decides the same', async () => {
  // Routine (auto), an address change (review), a legal threat (escalate); Hannah signs with her phone number and
  // address, which the model must never see.
  const files = ['d005.eml', 'd007.eml', 'd041.eml'].map((f) => path.join(devEmailsDir, f));
  const models = {
    REPLIQUE_INTENT_LLM_BASE_URL: proxy!.baseUrl, REPLIQUE_INTENT_LLM_MODEL: llama!.model, REPLIQUE_INTENT_LLM_TIMEOUT_MS: '60000',
    EMBEDDINGS_BASE_URL: embeddings!.baseUrl, EMBEDDINGS_MODEL: 'replay-embed', EMBEDDINGS_DIMENSIONS: '32',
  };
  const config = WorkerEnvSchema.parse({
    DATABASE_URL: db!.databaseUrl, SMTP_PORT: String(sink!.port), REPLIQUE_SHOP_FILE: shopFixture, EVENT_RELAY_ENABLED: 'false',
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-llm-vote-${randomBytes(4).toString('hex')}`, TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS,
    REPLIQUE_RETENTION_SCHEDULE: 'false', METRICS_PORT: '0', LOG_LEVEL: 'warn', DATA_KEKS: TEST_DATA_KEKS, ...models,
  });

  const mailbox = `llm-vote-${randomBytes(4).toString('hex')}`;
  const fromWorkflows = await workflowDecisions(config, db!.pool, connection!, files, mailbox);
  const byWorker = intentRequests();
  expect(byWorker).toHaveLength(files.length); // one vote per email, in classify
  for (const r of byWorker) expect(r.raw).not.toMatch(/btinternet|07700 900|Rosebery/i); // masked text only
  // The context store was seeded and queried through the embeddings endpoint.
  expect(embeddings!.received.filter((r) => r.path === '/v1/embeddings').length).toBeGreaterThan(1);

  // The CLI, given the same variables, asks the same questions and decides the same with the same answers. llama.cpp
  // is not bit-for-bit repeatable across calls (its prompt cache changes the arithmetic; SmolLM2 can then flip an
  // intent), so the CLI's endpoint replays the answers the worker got, by question.
  const answers = proxy!.recorded.filter((r) => r.path === '/v1/chat/completions').map((r) => ({
    match: userText(r.request), content: (r.response as { choices: { message: { content: string } }[] }).choices[0]!.message.content,
  }));
  expect(answers).toHaveLength(files.length);
  const replay = await startReplayServer({ chat: answers });
  try {
    const cli = await cliDecisions(db!.databaseUrl, files, { ...models, REPLIQUE_INTENT_LLM_BASE_URL: replay.baseUrl, REPLIQUE_MAILBOX: mailbox });
    expect(replay.received.filter((r) => r.path === '/v1/chat/completions').map((r) => userText(r.body))).toEqual(byWorker.map((r) => userText(r.body)));
    expect(cli.decisions).toEqual(fromWorkflows);
  } finally {
    await replay.stop();
  }
  expect(fromWorkflows.map((d) => d.route)).toEqual(['auto', 'review', 'escalate']);

  // The vote counts: without it, the intent probabilities are not the same.
  const withoutVote = await cliDecisions(db!.databaseUrl, files, { REPLIQUE_MAILBOX: mailbox });
  expect(withoutVote.decisions.map((d) => d.intentConfidence)).not.toEqual(fromWorkflows.map((d) => d.intentConfidence));
});

function userText(body: unknown): string {
  return (body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content;
}
