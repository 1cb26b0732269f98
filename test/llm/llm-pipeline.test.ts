/**
 * The workflow drafts through a real local OpenAI-compatible server: llama.cpp's llama-server with
 * SmolLM2-135M-Instruct, configured as `infra/local/lib/llm.sh env` says (greedy, a JSON-schema grammar with length
 * bounds, at most 400 tokens, the system prompt warmed up, a 150 s call timeout). The worker runs as its own process
 * with LLM_BASE_URL pointing at a recording proxy (the replay server with `upstream`) in front of llama-server, so
 * the test sees every prompt that left.
 *
 * For every email the draft was written by the model (not the template fallback) and its drafts row records prompt
 * id and version, model, tokens in and out, and latency. The guardrails then judge the model's text: sent only with
 * every check passed and the verified facts in it, otherwise waiting for a reviewer with the reason. One email is
 * drafted while the carrier relabels the parcel (the order's tracking number changes in the database during the
 * model call): the checks compare the model's text with the database, so the draft is blocked whatever the model
 * wrote (the current number is missing; a copy of the old one is also a `fact_mismatch`). No prompt and no log
 * carries the customer's PII.
 *
 * Skipped when REPLIQUE_LLM_TESTS=0, or when llama.cpp is not installed (`bash infra/local/lib/llm.sh install`;
 * infra/local/test.sh installs it) unless REPLIQUE_LLM_TESTS=1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { latestDraft, type DraftRow } from '@replique/activities/adapters/pg/drafts';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { countAccepted } from '@replique/activities/adapters/pg/sent-mail';
import type { EmailCase } from '@replique/activities/domain/types';
import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { devEmailsDir } from '../support/paths';
import { llamaInstalled, llamaTestsMode, startLlamaServer, type RunningLlama } from './llama-server';
import { findPii, ORDER, piiEmail } from './pii-email';
import { startProcessPipeline, type ProcessPipeline } from './process-pipeline';
import { startReplayServer, type ReplayServer } from './replay-server';

jest.setTimeout(900_000);

const mode = llamaTestsMode();
const installed = mode !== 'off' && llamaInstalled();
if (mode === 'required' && !installed) throw new Error('REPLIQUE_LLM_TESTS=1 but llama.cpp is not installed: bash infra/local/lib/llm.sh install');
const skipReason = mode === 'off' ? 'REPLIQUE_LLM_TESTS=0' : installed ? '' : 'llama.cpp is not installed (bash infra/local/lib/llm.sh install)';

let llama: RunningLlama | undefined;
let proxy: ReplayServer | undefined;
let pipeline: ProcessPipeline | undefined;
const figures: Record<string, unknown>[] = [];

beforeAll(async () => {
  if (skipReason) return;
  llama = await startLlamaServer();
  proxy = await startReplayServer({ upstream: llama.baseUrl, model: llama.model });
  pipeline = await startProcessPipeline({ ...llama.workerEnv, LLM_BASE_URL: proxy.baseUrl });
});

afterAll(async () => {
  await pipeline?.stop();
  await proxy?.stop();
  await llama?.stop();
  if (figures.length) console.log(`llama.cpp drafts:\n${figures.map((f) => JSON.stringify(f)).join('\n')}`);
  if (skipReason) console.warn(`llm-pipeline.test.ts SKIPPED: ${skipReason}`);
});

/** A dev fixture under a fresh Message-ID. */
function devEmail(file: string): { raw: Buffer; messageId: string } {
  const messageId = `${randomUUID()}@test.replique`;
  const text = readFileSync(path.join(devEmailsDir, file)).toString('latin1').replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  return { raw: Buffer.from(text, 'latin1'), messageId };
}

interface Outcome {
  view: EmailWorkflowView;
  emailCase: EmailCase;
  row: DraftRow;
  sentBody: string | null;
}

async function draftThroughModel(label: string, email: { raw: Buffer; messageId: string }): Promise<Outcome> {
  const p = pipeline!;
  const { emailKey } = await p.deliver(email.raw);
  const view = await p.waitForView(emailKey, (v) => ['sent', 'waiting_review', 'escalated', 'send_failed'].includes(v.state), 300_000);
  const emailCase = (await loadCase(p.db.pool, p.vault, emailKey))!;
  const row = (await latestDraft(p.db.pool, p.vault, emailKey))!;
  await new Promise((r) => setTimeout(r, 1000)); // a send, if any were coming, would have landed by now
  const sent = p.sink.messages().filter((m) => m.inReplyTo === email.messageId);
  expect(sent.length).toBe(await countAccepted(p.db.pool, { emailKey }));
  const sentBody = sent[0] ? sent[0].body.replace(/=\r?\n/g, '') : null;
  const g = row.generation;
  figures.push({
    email: label, state: view.state, reasons: view.routeReasons, fired: emailCase.guardrails?.fired, generator: row.generator,
    prompt: g && `${g.promptId}@${g.promptVersion}`, tokensIn: g?.promptTokens, tokensOut: g?.completionTokens, latencyMs: g?.latencyMs,
    fallbackReason: g?.fallbackReason, body: row.body,
  });
  return { view, emailCase, row, sentBody };
}

/** The draft in the workflow was written by the model, and its row says with what and how fast. */
function expectModelDraft(o: Outcome, model: string): void {
  expect(o.row.generation?.fallbackReason).toBeNull();
  expect(o.row).toMatchObject({ generator: 'llm', templateId: 'draft-reply', model });
  expect(o.row.generation).toMatchObject({ promptId: 'draft-reply', promptVersion: o.row.version, model });
  expect(o.row.generation!.promptTokens).toBeGreaterThan(0);
  expect(o.row.generation!.completionTokens).toBeGreaterThan(0);
  expect(o.row.generation!.latencyMs).toBeGreaterThan(0);
  expect(o.emailCase.draft).toMatchObject({ generator: 'llm', body: o.row.body });
}

/**
 * The guardrails judged the model's text: sent only if every check passed with the facts in it; else a reviewer has
 * it, with the checks that fired as reasons — or, when every check passed, the other reason routing held it for (an
 * ask the draft's recorded facts do not show answered, a low confidence…): the model's wording varies run to run.
 */
function expectJudged(o: Outcome, facts: string[]): void {
  const g = o.emailCase.guardrails!;
  if (o.view.state === 'sent') {
    expect(g).toMatchObject({ passed: true, fired: [] });
    for (const f of facts) expect(o.sentBody).toContain(f);
    return;
  }
  expect(o.view.state).toBe('waiting_review');
  expect(o.sentBody).toBeNull();
  if (g.passed) expect(o.view.routeReasons.filter((r) => !r.startsWith('guardrail_')).length).toBeGreaterThan(0);
  else {
    expect(g.fired.length).toBeGreaterThan(0);
    expect(o.view.routeReasons).toEqual(expect.arrayContaining(['guardrail_fired', ...g.fired.map((c) => `guardrail_${c}`)]));
  }
}

const maybe = skipReason ? test.skip : test;

maybe('EN order status with PII in the text: llama.cpp writes the draft, the guardrails judge it', async () => {
  const o = await draftThroughModel('EN order status (PII)', piiEmail());
  expectModelDraft(o, llama!.model);
  expectJudged(o, [ORDER.number, ORDER.tracking]);
});

maybe('FR order status (d046): llama.cpp writes the draft, the guardrails judge it', async () => {
  const o = await draftThroughModel('FR order status (d046)', devEmail('d046.eml'));
  expectModelDraft(o, llama!.model);
  expectJudged(o, ['CMD-10603', '1Z367277779', '24 novembre 2026']);
});

maybe('the parcel is relabelled while llama.cpp writes: the draft no longer matches the database and is blocked', async () => {
  const relabelled = '6A123231907';
  const db = pipeline!.db.pool;
  proxy!.setBeforeForward(async (p) => {
    if (p !== '/v1/chat/completions') return;
    await db.query('update orders set tracking_number = $1 where number = $2', [relabelled, ORDER.number]);
  });
  try {
    const o = await draftThroughModel('EN order status, relabelled during the call', piiEmail());
    expectModelDraft(o, llama!.model);
    // the model was given the tracking number of the moment; the new one it never saw
    const prompt = proxy!.received.filter((r) => r.path === '/v1/chat/completions').at(-1)!.raw;
    expect(prompt).toContain(ORDER.tracking);
    expect(prompt).not.toContain(relabelled);
    // the checks compare the model's text with the database at check time: whatever the model wrote, it cannot state
    // the current tracking number, and a copy of the old one is a wrong fact; either way a reviewer decides
    const details = o.emailCase.guardrails!.details;
    expect(details).toEqual(expect.arrayContaining([{ check: 'missing_fact', message: expect.stringContaining(`tracking_number (${relabelled})`) }]));
    if (o.row.body.includes(ORDER.tracking)) {
      expect(details.filter((d) => d.check === 'fact_mismatch').map((d) => d.message).join(' ')).toContain(ORDER.tracking);
    }
    expect(o.view.state).toBe('waiting_review');
    expectJudged(o, []);
  } finally {
    proxy!.setBeforeForward(null);
    await db.query('update orders set tracking_number = $1 where number = $2', [ORDER.tracking, ORDER.number]);
  }
});

maybe('no prompt that reached llama.cpp and no process log carries the customer\'s PII', async () => {
  const chats = proxy!.received.filter((r) => r.path === '/v1/chat/completions');
  expect(chats.length).toBeGreaterThanOrEqual(4); // the warm-up and the three drafts
  for (const c of chats) expect(findPii(c.raw)).toEqual([]);
  expect(chats.some((c) => /«(PHONE|IBAN|EMAIL|NAME)_1»/.test(c.raw))).toBe(true);
  expect(proxy!.recorded.every((r) => r.status === 200)).toBe(true);
  expect(findPii(pipeline!.logs())).toEqual([]);
});
