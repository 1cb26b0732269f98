import type { Intent } from '../domain/types';
import { classifyEmail, TEXT_INTENTS } from './classify';
import { intentDeps, loadIntentModel } from './intent-model';
import { combineModelProbabilities, createLlmIntentClassifier, type ChatCompletionsClient } from './llm-intent';
import { emailCase, testPolicy, testShop } from './test-support/fixtures';

function fakeClient(reply: string | Error): { client: ChatCompletionsClient; calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  return {
    calls,
    client: {
      chat: {
        completions: {
          create: async (body) => {
            calls.push(body);
            if (reply instanceof Error) throw reply;
            return { choices: [{ message: { content: reply } }] };
          },
        },
      },
    },
  };
}
const config = { baseURL: 'http://127.0.0.1:1/v1', model: 'fake-model' };

describe('LLM intent classifier', () => {
  it('asks for a JSON-schema answer and turns it into a distribution', async () => {
    const { client, calls } = fakeClient(JSON.stringify({ intent: 'gift_card', confidence: 0.9 }));
    const p = await createLlmIntentClassifier(config, TEXT_INTENTS, client)('my voucher code fails');
    expect(p?.gift_card).toBeCloseTo(0.9, 6);
    expect(Object.values(p!).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const body = calls[0] as { model: string; response_format: { type: string; json_schema: { schema: { properties: { intent: { enum: string[] } } } } } };
    expect(body.model).toBe('fake-model');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.schema.properties.intent.enum).toEqual([...TEXT_INTENTS]);
  });

  it('returns null on errors, invalid JSON or an unknown intent (the local classifier decides alone)', async () => {
    for (const reply of [new Error('timeout'), 'not json', JSON.stringify({ intent: 'teleport', confidence: 1 }), '']) {
      expect(await createLlmIntentClassifier(config, TEXT_INTENTS, fakeClient(reply).client)('x')).toBeNull();
    }
  });

  it('mixes with the local model geometrically', () => {
    const intents: Intent[] = ['order_status', 'thanks'];
    const mixed = combineModelProbabilities({ order_status: 0.8, thanks: 0.2 }, { order_status: 0.2, thanks: 0.8 }, intents)!;
    expect(mixed.order_status).toBeCloseTo(0.5, 3);
    expect(combineModelProbabilities({ thanks: 1 }, null, intents)).toEqual({ thanks: 1 });
  });

  it('sees only the masked text when wired into classifyEmail', async () => {
    const { client, calls } = fakeClient(JSON.stringify({ intent: 'gift_card', confidence: 0.99 }));
    const c = emailCase({ clean: 'Call me on 06 12 34 56 78 about my gift card code please', pii: [{ type: 'phone', value: '06 12 34 56 78' }] });
    const out = await classifyEmail(c, {
      shop: testShop(), policy: testPolicy(), context: null as never, ...intentDeps(loadIntentModel()),
      intentLlm: createLlmIntentClassifier(config, TEXT_INTENTS, client),
    });
    const messages = (calls[0] as { messages: { content: string }[] }).messages;
    expect(messages[1]!.content).toBe('Call me on «PHONE_1» about my gift card code please');
    expect(JSON.stringify(calls)).not.toContain('06 12 34 56 78');
    expect(out.classification?.intent).toBe('gift_card');
  });
});
