/**
 * The workflow drafts through a real local OpenAI-compatible server: llama.cpp's llama-server with
 * SmolLM2-135M-Instruct (a very small model: its drafts are often poor — the point is the plumbing, and that the
 * guardrails stop what is wrong). The worker runs as its own process with LLM_BASE_URL pointing at a recording
 * proxy (the replay server with `upstream`) in front of llama-server, so the test sees every prompt that left.
 *
 * For every email: the model was called and the draft records prompt version, model, tokens and latency (or why
 * the template was used instead); an email is sent automatically only with every check passed and the verified
 * facts in the text — a draft that is not grounded or states a wrong fact waits for a person. No prompt and no log
 * carries the customer's PII.
 *
 * Skipped when REPLIQUE_LLM_TESTS=0, or when llama.cpp is not installed (`bash infra/local/lib/llm.sh install`;
 * infra/local/test.sh installs it) unless REPLIQUE_LLM_TESTS=1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { countAccepted } from '@replique/activities/adapters/pg/sent-mail';
import type { EmailCase } from '@replique/activities/domain/types';
import { devEmailsDir } from '../support/paths';
import { llamaInstalled, llamaTestsMode, startLlamaServer, type RunningLlama } from './llama-server';
import { findPii, ORDER, piiEmail } from './pii-email';
import { startProcessPipeline, type ProcessPipeline } from './process-pipeline';
import { startReplayServer, type ReplayServer } from './replay-server';

jest.setTimeout(600_000);

const mode = llamaTestsMode();
const installed = mode !== 'off' && llamaInstalled();
if (mode === 'required' && !installed) throw new Error('REPLIQUE_LLM_TESTS=1 but llama.cpp is not installed: bash infra/local/lib/llm.sh install');
const skipReason = mode === 'off' ? 'REPLIQUE_LLM_TESTS=0' : installed ? '' : 'llama.cpp is not installed (bash infra/local/lib/llm.sh install)';

let llama: RunningLlama | undefined;
let proxy: ReplayServer | undefined;
let pipeline: ProcessPipeline | undefined;

beforeAll(async () => {
  if (skipReason) return;
  llama = await startLlamaServer();
  proxy = await startReplayServer({ upstream: llama.baseUrl, model: llama.model });
  pipeline = await startProcessPipeline({
    LLM_BASE_URL: proxy.baseUrl, LLM_MODEL: llama.model, LLM_API_KEY: 'local', LLM_TIMEOUT_MS: '25000', LLM_MAX_TOKENS: '200',
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await proxy?.stop();
  await llama?.stop();
  if (skipReason) console.warn(`llm-pipeline.test.ts SKIPPED: ${skipReason}`);
});

/** A dev fixture under a fresh Message-ID. */
function devEmail(file: string): { raw: Buffer; messageId: string } {
  const messageId = `${randomUUID()}@test.replique`;
  const text = readFileSync(path.join(devEmailsDir, file)).toString('latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  return { raw: Buffer.from(text, 'latin1'), messageId };
}

interface Outcome {
  state: string;
  emailCase: EmailCase;
  sentBody: string | null;
}

async function draftThroughModel(email: { raw: Buffer; messageId: string }): Promise<Outcome> {
  const p = pipeline!;
  const { emailKey } = await p.deliver(email.raw);
  const view = await p.waitForView(emailKey, (v) => ['sent', 'waiting_review', 'escalated', 'send_failed'].includes(v.state), 180_000);
  const emailCase = (await loadCase(p.db.pool, emailKey))!;
  const sent = p.sink.messages().filter((m) => m.inReplyTo === email.messageId);
  expect(sent.length).toBe(await countAccepted(p.db.pool, { emailKey }));
  const sentBody = sent[0] ? sent[0].body.replace(/=\r?\n/g, '') : null;
  const g = emailCase.draft?.generation;
  console.log(JSON.stringify({
    state: view.state, route: view.route, reasons: view.routeReasons, generator: emailCase.draft?.generator, generation: g,
    fired: emailCase.guardrails?.fired, draft: emailCase.draft?.generator === 'llm' ? emailCase.draft.body : '(template)',
  }, null, 1));
  return { state: view.state, emailCase, sentBody };
}

/** What every outcome must satisfy, whatever the model wrote. */
function expectSafe(o: Outcome, facts: string[]): void {
  const g = o.emailCase.draft!.generation;
  // The model was asked, and the draft says how it went.
  expect(g).toMatchObject({ promptId: 'draft-reply', model: expect.any(String) });
  expect(g!.latencyMs).toBeGreaterThan(0);
  if (g!.fallbackReason === null) {
    expect(o.emailCase.draft!.generator).toBe('llm');
    expect(g!.promptTokens).toBeGreaterThan(0);
    expect(g!.completionTokens).toBeGreaterThan(0);
  } else {
    expect(o.emailCase.draft!.generator).toBe('template');
  }
  if (o.state === 'sent') {
    // Sent automatically only when every check passed and the verified facts are in the text.
    expect(o.emailCase.guardrails!.passed).toBe(true);
    for (const f of facts) expect(o.sentBody).toContain(f);
  } else {
    expect(o.sentBody).toBeNull();
    if (o.emailCase.draft!.generator === 'llm') expect(o.emailCase.guardrails!.fired.length).toBeGreaterThan(0);
  }
}

const maybe = skipReason ? test.skip : test;

maybe('EN order status with PII in the text: drafted by llama.cpp; sent only if grounded and right', async () => {
  const o = await draftThroughModel(piiEmail());
  expectSafe(o, [ORDER.number, ORDER.tracking]);
  // The request reached llama-server through the proxy (its answer may come after the worker's timeout on a busy
  // machine: then the template was sent, and the draft says the model timed out).
  expect(proxy!.received.filter((r) => r.path === '/v1/chat/completions').length).toBeGreaterThan(0);
  expect(proxy!.recorded.every((r) => r.status === 200)).toBe(true);
});

maybe('FR order status (d046): drafted by llama.cpp; sent only if grounded and right', async () => {
  const o = await draftThroughModel(devEmail('d046.eml'));
  expectSafe(o, ['CMD-10603', '1Z367277779', '24 novembre 2026']);
});

maybe('FR invoice request (d004): drafted by llama.cpp; sent only if grounded and right', async () => {
  const o = await draftThroughModel(devEmail('d004.eml'));
  expectSafe(o, ['CMD-10329']);
});

maybe('no prompt that reached llama.cpp and no process log carries the customer\'s PII', async () => {
  const chats = proxy!.received.filter((r) => r.path === '/v1/chat/completions');
  expect(chats.length).toBeGreaterThanOrEqual(3);
  for (const c of chats) expect(findPii(c.raw)).toEqual([]);
  expect(findPii(pipeline!.logs())).toEqual([]);
});
