/**
 * The LLM path end to end, exactly: the worker (its own process, configured by LLM_BASE_URL) drafts through a
 * replay server that answers with recorded model output. A right draft is sent automatically and records prompt,
 * model, tokens and latency; a draft with a wrong tracking number is stopped by the fact-check and waits for a
 * reviewer with `fact_mismatch` shown, nothing sent. What the model server received and what every process
 * logged carry none of the customer's PII.
 */
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { countAccepted } from '@replique/activities/adapters/pg/sent-mail';
import { startProcessPipeline, type ProcessPipeline } from './process-pipeline';
import { CUSTOMER, findPii, ORDER, piiEmail } from './pii-email';
import { startReplayServer, type ChatRecording, type ReplayServer } from './replay-server';

jest.setTimeout(180_000);

let replay: ReplayServer;
let pipeline: ProcessPipeline;

/** Model output as recorded: JSON in the draft schema. */
function answer(tracking: string): ChatRecording {
  return {
    match: ORDER.number,
    content: JSON.stringify({
      subject: `Your order ${ORDER.number}`,
      paragraphs: [
        `Your order ${ORDER.number} is on its way with ${ORDER.carrier} (tracking number ${tracking}).`,
        `The carrier's estimated delivery date is ${ORDER.estimatedDeliveryEn}, before you leave on the 28th.`,
      ],
      facts_used: ['order_number', 'carrier', 'tracking_number', 'estimated_delivery'],
    }),
    usage: { prompt_tokens: 812, completion_tokens: 64 },
  };
}

beforeAll(async () => {
  replay = await startReplayServer({ model: 'replay-model' });
  pipeline = await startProcessPipeline({
    LLM_BASE_URL: replay.baseUrl, LLM_MODEL: 'replay-model', LLM_API_KEY: 'test-key', LLM_TIMEOUT_MS: '10000',
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await replay?.stop();
});

test('a grounded model draft is sent automatically and records prompt version, model, tokens and latency', async () => {
  replay.setChat([answer(ORDER.tracking)]);
  const { raw, messageId } = piiEmail();
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'sent' || v.state === 'waiting_review' || v.state === 'escalated');
  const emailCase = await loadCase(pipeline.db.pool, pipeline.vault, emailKey);
  expect({ state: view.state, fired: emailCase?.guardrails?.fired }).toEqual({ state: 'sent', fired: [] });
  expect(emailCase!.draft).toMatchObject({ generator: 'llm', templateId: 'draft-reply', model: 'replay-model' });
  expect(emailCase!.draft!.generation).toMatchObject({
    promptId: 'draft-reply', promptVersion: emailCase!.draft!.version, model: 'replay-model',
    promptTokens: 812, completionTokens: 64, fallbackReason: null,
  });
  expect(emailCase!.draft!.generation!.latencyMs).toBeGreaterThanOrEqual(0);

  const sent = pipeline.sink.messages().filter((m) => m.inReplyTo === messageId);
  expect(sent).toHaveLength(1);
  const body = sent[0]!.body.replace(/=\r?\n/g, ''); // quoted-printable soft breaks
  expect(body).toContain(`tracking number ${ORDER.tracking}`);
  expect(body).toContain(`Hello ${CUSTOMER.firstName},`); // the greeting is ours, the name never went to the model
});

test('a model draft with a wrong tracking number waits for a reviewer with fact_mismatch shown; nothing is sent', async () => {
  const wrong = '6A123231899';
  replay.setChat([answer(wrong)]);
  const { raw, messageId } = piiEmail();
  const { emailKey } = await pipeline.deliver(raw);
  const view = await pipeline.waitForView(emailKey, (v) => v.state === 'waiting_review' || v.state === 'sent' || v.state === 'escalated');
  expect(view.state).toBe('waiting_review');
  expect(view.route).toBe('review');
  expect(view.routeReasons).toEqual(expect.arrayContaining(['guardrail_fired', 'guardrail_fact_mismatch']));

  const emailCase = await loadCase(pipeline.db.pool, pipeline.vault, emailKey);
  expect(emailCase!.draft!.generator).toBe('llm');
  expect(emailCase!.guardrails!.passed).toBe(false);
  const mismatch = emailCase!.guardrails!.details.filter((d) => d.check === 'fact_mismatch');
  expect(mismatch.map((d) => d.message).join(' ')).toContain(wrong);

  await new Promise((r) => setTimeout(r, 1500)); // a send, if any were coming, would have landed by now
  expect(pipeline.sink.messages().filter((m) => m.inReplyTo === messageId)).toHaveLength(0);
  expect(await countAccepted(pipeline.db.pool, { emailKey })).toBe(0);
});

test('the model server received no PII, and no process logged any', async () => {
  const chats = replay.received.filter((r) => r.path === '/v1/chat/completions');
  expect(chats.length).toBeGreaterThanOrEqual(2);
  for (const request of chats) expect(findPii(request.raw)).toEqual([]);
  // the masked tokens went instead, and the order number (not PII) was there to answer from
  expect(chats[0]!.raw).toContain(ORDER.number);
  expect(chats[0]!.raw).toMatch(/«(PHONE|IBAN|EMAIL|NAME)_1»/);

  const logs = pipeline.logs();
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).toContain('worker started');
  expect(findPii(logs)).toEqual([]);
});
