/**
 * createReplyAdapters against the replay server, over HTTP with the real `openai` client: OpenAI-compatible
 * embeddings feed the context store; the LLM vs template A/B assigns each email by stable hash and records the
 * variant on its draft, model drafts record prompt version, model, tokens and latency; a timeout falls back to the
 * template and says why.
 */
import { createReplyAdapters, llmTemplateExperiment } from '@replique/activities/reply/reply-setup';
import { OpenAiEmbedder } from '@replique/activities/reply/openai-embedder';
import { checkDraft } from '@replique/activities/reply/check-draft';
import { fixtureShop, makeCase, replyDeps } from '@replique/activities/reply/test-support/fixture-shop';
import { startReplayServer, type ReplayServer } from './replay-server';

jest.setTimeout(60_000);

let replay: ReplayServer;
const shop = fixtureShop();

const modelAnswer = JSON.stringify({
  subject: 'Votre commande CMD-10603',
  paragraphs: ['Votre commande CMD-10603 a été expédiée avec UPS (numéro de suivi 1Z367277779).', 'Le transporteur estime la livraison au 24 novembre 2026.'],
  facts_used: ['order_number', 'carrier', 'tracking_number', 'estimated_delivery'],
});

beforeAll(async () => {
  replay = await startReplayServer({ dimensions: 32, chat: [{ match: 'CMD-10603', content: modelAnswer, usage: { prompt_tokens: 700, completion_tokens: 50 } }] });
});

afterAll(async () => {
  await replay?.stop();
});

function orderCase(messageId: string) {
  return makeCase({ intent: 'order_status', lang: 'fr', customerId: 'C0025', orderNumber: 'CMD-10603', messageId, text: 'Bonjour, où en est ma commande CMD-10603 ?' });
}

test('embeddings from the endpoint feed the store; half the emails drafted by the model, each draft records its variant', async () => {
  const adapters = await createReplyAdapters({
    shopId: 'maison-lumen',
    embeddings: { baseURL: replay.baseUrl, apiKey: 'k', model: 'replay-embed', dimensions: 32, batchSize: 64 },
    llm: { baseURL: replay.baseUrl, apiKey: 'k', model: 'replay-model', timeoutMs: 5000, maxRetries: 0 },
    experiment: llmTemplateExperiment(50, '1.1.0'),
  }, shop);
  expect(adapters.embedder).toBeInstanceOf(OpenAiEmbedder);
  expect(replay.received.filter((r) => r.path === '/v1/embeddings').length).toBeGreaterThan(0);
  expect((await adapters.context.search({ text: 'CMD-10603', limit: 3 })).length).toBe(3);

  const deps = { ...replyDeps(shop), context: adapters.context };
  const variants = new Map<string, number>();
  for (let i = 0; i < 24; i++) {
    const c = await checkDraft(await adapters.draftReply(orderCase(`ab-${i}@test`), deps), deps);
    const d = c.draft!;
    expect(d.experiment?.id).toBe('draft-llm-vs-template@1.1.0');
    variants.set(d.experiment!.variant, (variants.get(d.experiment!.variant) ?? 0) + 1);
    if (d.experiment!.variant === 'template') {
      expect(d).toMatchObject({ generator: 'template', templateId: 'order-status' });
      expect(d.generation ?? null).toBeNull();
    } else {
      expect(d).toMatchObject({ generator: 'llm', templateId: 'draft-reply', version: '1.1.0', model: 'replay-model' });
      expect(d.generation).toMatchObject({ promptVersion: '1.1.0', promptTokens: 700, completionTokens: 50, fallbackReason: null });
    }
    expect(c.guardrails!.passed).toBe(true);
    // same email, same variant
    const again = await adapters.draftReply(orderCase(`ab-${i}@test`), deps);
    expect(again.draft!.experiment).toEqual(d.experiment);
  }
  expect([...variants.keys()].sort()).toEqual(['llm:1.1.0', 'template']);
});

test('a model that does not answer in time: the template is used, and the draft says why', async () => {
  replay.setChat([{ content: modelAnswer, delayMs: 3000 }]);
  const adapters = await createReplyAdapters({
    shopId: 'maison-lumen', seed: false,
    llm: { baseURL: replay.baseUrl, apiKey: 'k', model: 'slow-model', timeoutMs: 300, maxRetries: 0 },
  }, shop);
  const c = await adapters.draftReply(orderCase('slow@test'), { ...replyDeps(shop), context: adapters.context });
  expect(c.draft).toMatchObject({ generator: 'template', templateId: 'order-status' });
  expect(c.draft!.generation).toMatchObject({ model: 'slow-model', fallbackReason: expect.stringMatching(/model call failed/) });
  expect(c.draft!.generation!.latencyMs).toBeGreaterThanOrEqual(250);
});
