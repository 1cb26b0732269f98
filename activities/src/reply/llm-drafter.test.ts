/**
 * The LLM path with a fake OpenAI-compatible client: what the model receives (masked text, verified facts, the
 * versioned prompt), what comes back (schema-checked, unmasked, checked like any draft), and the template fallback.
 */
import type OpenAI from 'openai';
import type { EmailCase } from '../domain/types';
import { checkDraft } from './check-draft';
import { createDraftReply } from './draft-reply';
import { LlmDrafter, OUTPUT_LIMITS, outputJsonSchema, systemMessage } from './llm-drafter';
import { getPrompt } from './prompts/registry';
import { makeCase, replyDeps } from './test-support/fixture-shop';
import { findFollowUpPromises } from './commitment-check';
import { builtinPromptBody } from './wording/prompt-schema';

interface Call { body: Record<string, unknown>; options: Record<string, unknown> }

function fakeClient(answer: (call: Call) => string | Error): { client: OpenAI; calls: Call[] } {
  const calls: Call[] = [];
  const client = {
    chat: {
      completions: {
        create: async (body: Record<string, unknown>, options: Record<string, unknown>) => {
          const call = { body, options };
          calls.push(call);
          const out = answer(call);
          if (out instanceof Error) throw out;
          return { choices: [{ message: { content: out } }] };
        },
      },
    },
  } as unknown as OpenAI;
  return { client, calls };
}

const config = { baseURL: 'http://llm.local/v1', apiKey: 'test', model: 'test-model', timeoutMs: 1234 };
const deps = replyDeps();

function phoneCase(): EmailCase {
  const c = makeCase({
    intent: 'order_status', lang: 'fr', customerId: 'C0025', orderNumber: 'CMD-10603',
    text: 'Bonjour, où en est ma commande CMD-10603 ? Le livreur peut me joindre au 06 39 98 45 19. Manon Leroy (manon.leroy@yahoo.fr)',
  });
  return { ...c, pii: [{ type: 'phone', value: '06 39 98 45 19' }] };
}

const goodAnswer = JSON.stringify({
  subject: 'Votre commande CMD-10603',
  paragraphs: [
    'Votre commande CMD-10603 a été expédiée avec UPS (numéro de suivi 1Z367277779).',
    'Le transporteur estime la livraison au 24 novembre 2026.',
  ],
  facts_used: ['order_number', 'carrier', 'tracking_number', 'estimated_delivery', 'not_a_fact'],
});

test('the model gets the masked message, the verified facts and the prompt; the draft records prompt, version and model', async () => {
  const { client, calls } = fakeClient(() => goodAnswer);
  const stage = createDraftReply({ llm: new LlmDrafter(config, undefined, client) });
  const c = await checkDraft(await stage(phoneCase(), deps), deps);

  expect(calls).toHaveLength(1);
  const body = calls[0]!.body as { model: string; messages: { role: string; content: string }[]; response_format: { type: string } };
  expect(body.model).toBe('test-model');
  expect(body.response_format.type).toBe('json_schema');
  expect(calls[0]!.options).toMatchObject({ timeout: 1234 });
  const user = body.messages.find((m) => m.role === 'user')!.content;
  expect(user).not.toContain('06 39 98 45 19');
  expect(user).toContain('«PHONE_1»');
  expect(user).not.toMatch(/Manon|Leroy|manon\.leroy@yahoo\.fr/); // the sender's own name and address are masked too
  const payload = JSON.parse(user) as { VERIFIED_FACTS: Record<string, string>; LANG: string };
  expect(payload.LANG).toBe('fr');
  expect(payload.VERIFIED_FACTS).toMatchObject({ tracking_number: '1Z367277779', estimated_delivery: '24 novembre 2026', carrier: 'UPS' });
  const system = body.messages.find((m) => m.role === 'system')!.content;
  expect(system).toBe(systemMessage(getPrompt('draft-reply')));
  expect(system.indexOf('# Context')).toBeLessThan(system.indexOf('# Objective'));
  expect(system.indexOf('# Constraints')).toBeLessThan(system.indexOf('# Examples'));
  expect(system.indexOf('# Examples')).toBeLessThan(system.indexOf('# Output format'));

  expect(c.draft).toMatchObject({ generator: 'llm', templateId: 'draft-reply', version: '2.1.0', model: 'test-model', lang: 'fr' });
  expect(c.draft!.body).toMatch(/^Bonjour Manon,\n\nVotre commande CMD-10603 a été expédiée avec UPS/);
  expect(c.draft!.facts).toEqual({ order_number: 'CMD-10603', carrier: 'UPS', tracking_number: '1Z367277779', estimated_delivery: '2026-11-24' });
  expect(c.guardrails!.passed).toBe(true);
});

test('a model that invents a fact is caught by the same check as a template', async () => {
  const { client } = fakeClient(() => goodAnswer.replace('24 novembre 2026', '23 novembre 2026'));
  const stage = createDraftReply({ llm: new LlmDrafter(config, undefined, client) });
  const c = await checkDraft(await stage(phoneCase(), deps), deps);
  expect(c.draft!.generator).toBe('llm');
  // the wrong date disagrees with the order, and the verified one is missing from the text
  expect(c.guardrails!.fired).toEqual(['fact_mismatch', 'missing_fact']);
});

test('a failing or malformed model answer falls back to the template, and says so', async () => {
  for (const answer of [new Error('timeout'), '{"subject": 1}', 'not json']) {
    const { client } = fakeClient(() => answer);
    const fallbacks: unknown[] = [];
    const stage = createDraftReply({ llm: new LlmDrafter(config, undefined, client), onLlmFallback: (e) => fallbacks.push(e) });
    const c = await stage(phoneCase(), deps);
    expect(c.draft).toMatchObject({ generator: 'template', templateId: 'order-status' });
    expect(fallbacks).toHaveLength(1);
  }
});

test('mail carrying injection signals never reaches the model', async () => {
  const { client, calls } = fakeClient(() => goodAnswer);
  const stage = createDraftReply({ llm: new LlmDrafter(config, undefined, client) });
  const c = await stage({ ...phoneCase(), classification: { ...phoneCase().classification!, signals: ['hidden_html_text'] } }, deps);
  expect(calls).toHaveLength(0);
  expect(c.draft!.generator).toBe('template');
});

test('prompt registry: latest version by default, exact versions on request', () => {
  expect(getPrompt('draft-reply').version).toBe('2.1.0');
  expect(getPrompt('draft-reply', '1.0.0').version).toBe('1.0.0');
  expect(() => getPrompt('draft-reply', '9.9.9')).toThrow(/unknown prompt/);
});

test('the shipped prompt\'s examples promise nothing the check stage would hold (a model copies its examples)', () => {
  const examples = builtinPromptBody().goodExamples.map((e) => (JSON.parse(e.output) as { paragraphs: string[] }).paragraphs.join('\n'));
  expect(examples.flatMap((text) => findFollowUpPromises(text))).toEqual([]);
  // the one promise the prompt asks for, when a fact is missing, is held for a person
  expect(getPrompt('draft-reply').constraints.join('\n')).toContain('say a team member will check and reply');
  expect(findFollowUpPromises('I do not have that information: a team member will check and reply to you.')).not.toEqual([]);
});

test('the output schema names only the verified facts; with limits, every length is bounded', async () => {
  const { client, calls } = fakeClient(() => goodAnswer.replace('"not_a_fact"', '"carrier","carrier"'));
  const stage = createDraftReply({ llm: new LlmDrafter({ ...config, outputLimits: true }, undefined, client) });
  const c = await stage(phoneCase(), deps);
  const schema = (calls[0]!.body as { response_format: { json_schema: { schema: Record<string, unknown> } } }).response_format.json_schema.schema;
  const keys = Object.keys((JSON.parse((calls[0]!.body as { messages: { role: string; content: string }[] }).messages[1]!.content) as { VERIFIED_FACTS: object }).VERIFIED_FACTS);
  expect(schema).toEqual(outputJsonSchema(keys, true));
  expect(schema).toMatchObject({
    properties: {
      subject: { maxLength: OUTPUT_LIMITS.subjectChars },
      paragraphs: { maxItems: OUTPUT_LIMITS.paragraphs, items: { maxLength: OUTPUT_LIMITS.paragraphChars } },
      facts_used: { maxItems: keys.length, items: { enum: keys } },
    },
  });
  // a fact named twice counts once
  expect(Object.keys(c.draft!.facts)).toEqual(['order_number', 'carrier', 'tracking_number', 'estimated_delivery']);
  // without limits (strict OpenAI endpoints), no length keyword is sent
  expect(JSON.stringify(outputJsonSchema(keys, false))).not.toMatch(/maxLength|maxItems|minItems|minLength/);
});

test('the compact prompt carries at most its number of context snippets', async () => {
  const { client, calls } = fakeClient(() => goodAnswer);
  const stage = createDraftReply({ llm: new LlmDrafter(config, undefined, client) });
  const snippets = [1, 2, 3, 4].map((i) => ({ id: `s${i}`, kind: 'policy' as const, text: `snippet ${i}`, score: 1 / i }));
  await stage({ ...phoneCase(), context: snippets }, deps);
  const user = JSON.parse((calls[0]!.body as { messages: { role: string; content: string }[] }).messages[1]!.content) as { CONTEXT: string[] };
  expect(getPrompt('draft-reply').maxContextSnippets).toBe(2);
  expect(user.CONTEXT).toEqual(['snippet 1', 'snippet 2']);
});

test('warm-up sends the system message of the prompt, asking for one token', async () => {
  const { client, calls } = fakeClient(() => '');
  const latency = await new LlmDrafter(config, undefined, client).warmUp(getPrompt('draft-reply'));
  expect(latency).toBeGreaterThanOrEqual(0);
  expect(calls[0]!.body).toMatchObject({ max_tokens: 1, messages: [{ role: 'system', content: systemMessage(getPrompt('draft-reply')) }, { role: 'user' }] });
});
