/**
 * The LLM path of drafting: the verified facts a template would state, the retrieved context and the customer's
 * masked text go into a versioned prompt; the model answers in a JSON schema; PII tokens are restored; greeting and
 * signature are added by us. The result goes through the same fact-check as a template draft. Used only when
 * configured; any failure falls back to the template.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import type { ContextSnippet, PiiFinding } from '../domain/types';
import { maskPii, unmaskPii } from '../triage/pii';
import type { DraftPrompt } from './prompts/registry';
import type { ReplyContext } from './reply-context';
import type { TemplateOutput } from './templates/template-kit';
import { heartbeatWhile } from '../heartbeat-while';

export interface LlmDrafterConfig {
  baseURL: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  temperature?: number;
  /** Upper bound on the answer's length (tokens). Default 600. */
  maxTokens?: number;
  /** Retries of a failed call inside one activity attempt (the activity's own retry policy comes on top). Default 1. */
  maxRetries?: number;
  /**
   * Length bounds in the output schema (maxLength, maxItems): a server that turns the schema into a grammar
   * (llama.cpp) then always closes the JSON within max tokens. Off by default: strict OpenAI structured outputs may
   * reject those keywords.
   */
  outputLimits?: boolean;
}

/** Masking of personal data before anything reaches a model. */
export interface PiiMasker {
  mask(text: string, findings: PiiFinding[]): { masked: string; tokens: Record<string, string> };
  unmask(text: string, tokens: Record<string, string>): string;
}

/** The triage PII finder's reversible masking: each value becomes a stable token such as «PHONE_1». */
export const triagePiiMasker: PiiMasker = { mask: maskPii, unmask: unmaskPii };

export interface LlmDraftInput {
  ctx: ReplyContext;
  /** What the template for this intent would say: its facts are the only ones the model may state. */
  template: TemplateOutput;
  customerText: string;
  pii: PiiFinding[];
  /** The sender's address, masked like their name. */
  senderAddress?: string | null;
  context: ContextSnippet[];
  prompt: DraftPrompt;
}

export interface LlmDraftOutput {
  subject: string;
  paragraphs: string[];
  factsUsed: string[];
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
}

const outputSchema = z.object({
  subject: z.string().min(1).max(200),
  paragraphs: z.array(z.string().min(1)).min(1).max(12),
  facts_used: z.array(z.string()),
});

/** Bounds of the answer when `outputLimits` is on: a subject line, a few short paragraphs. */
export const OUTPUT_LIMITS = { subjectChars: 100, paragraphs: 3, paragraphChars: 250 } as const;

/**
 * The answer's JSON schema: `facts_used` may only name keys of VERIFIED_FACTS; with `limits`, lengths are bounded
 * too.
 */
export function outputJsonSchema(factKeys: string[], limits: boolean): Record<string, unknown> {
  const bounded = (schema: Record<string, unknown>, bounds: Record<string, number>) => (limits ? { ...schema, ...bounds } : schema);
  const factItem = factKeys.length > 0 ? { type: 'string', enum: factKeys } : { type: 'string' };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['subject', 'paragraphs', 'facts_used'],
    properties: {
      subject: bounded({ type: 'string' }, { minLength: 1, maxLength: OUTPUT_LIMITS.subjectChars }),
      paragraphs: bounded(
        { type: 'array', items: bounded({ type: 'string' }, { minLength: 1, maxLength: OUTPUT_LIMITS.paragraphChars }) },
        { minItems: 1, maxItems: OUTPUT_LIMITS.paragraphs },
      ),
      facts_used: bounded({ type: 'array', items: factItem }, { maxItems: factKeys.length }),
    },
  };
}

export class LlmDraftError extends Error {
  constructor(message: string, cause?: unknown, readonly latencyMs: number | null = null) {
    super(message, { cause });
    this.name = 'LlmDraftError';
  }
}

/** The system message: context, objective, constraints, examples, output format — in that order. */
export function systemMessage(prompt: DraftPrompt): string {
  const examples = prompt.examples.map((e, i) => `Example ${i + 1}\nINPUT: ${e.input}\nOUTPUT: ${e.output}`).join('\n\n');
  const bad = (prompt.badExamples ?? [])
    .map((e, i) => `Bad example ${i + 1}\nINPUT: ${e.input}\nWRONG OUTPUT: ${e.output}\nWHY IT IS WRONG: ${e.why}`).join('\n\n');
  return [
    `# Context\n${prompt.context}`,
    `# Objective\n${prompt.objective}`,
    `# Constraints\n${prompt.constraints.map((c) => `- ${c}`).join('\n')}`,
    examples ? `# Examples\n${examples}` : '',
    bad ? `# Answers never to give\n${bad}` : '',
    `# Output format\n${prompt.outputFormat}`,
  ].filter(Boolean).join('\n\n');
}

/**
 * The sender's own identifiers, which the PII finder leaves alone (it lists third parties): their address and name,
 * masked too before the text reaches a model.
 */
function senderFindings(input: LlmDraftInput): PiiFinding[] {
  const out: PiiFinding[] = [];
  const text = input.customerText;
  const c = input.ctx.customer;
  const candidates: PiiFinding[] = [
    ...(input.senderAddress ? [{ type: 'email' as const, value: input.senderAddress }] : []),
    ...(c ? [{ type: 'name' as const, value: `${c.first_name} ${c.last_name}` }, { type: 'name' as const, value: c.last_name }, { type: 'name' as const, value: c.first_name }] : []),
  ];
  for (const f of candidates) {
    if (f.value.trim().length >= 2 && text.toLowerCase().includes(f.value.toLowerCase()) && !out.some((o) => o.value === f.value)) {
      // mask the value as written in the text (case may differ)
      const i = text.toLowerCase().indexOf(f.value.toLowerCase());
      out.push({ type: f.type, value: text.slice(i, i + f.value.length) });
    }
  }
  return out;
}

/** The user message: everything case-specific, as JSON, with the customer's text masked. */
export function userMessage(input: LlmDraftInput, masker: PiiMasker): { content: string; tokens: Record<string, string> } {
  const { masked, tokens } = masker.mask(input.customerText, [...input.pii, ...senderFindings(input)]);
  const allowedOffers = input.template.offers.map((code) => {
    const o = input.ctx.policies.approved_offers.find((x) => x.code === code);
    return { code, description: o ? (input.ctx.lang === 'fr' ? o.description_fr : o.description_en) : code };
  });
  const payload = {
    LANG: input.ctx.lang,
    INTENT: input.ctx.intent,
    SHOP: input.ctx.policies.shop_name,
    CUSTOMER_MESSAGE: masked,
    VERIFIED_FACTS: input.template.display,
    ALLOWED_OFFERS: allowedOffers,
    CONTEXT: input.context.slice(0, input.prompt.maxContextSnippets ?? input.context.length).map((s) => s.text),
    REFERENCE_DRAFT: input.template.paragraphs,
  };
  return { content: JSON.stringify(payload), tokens };
}

export class LlmDrafter {
  private readonly client: OpenAI;

  constructor(private readonly config: LlmDrafterConfig, private readonly masker: PiiMasker = triagePiiMasker, client?: OpenAI) {
    this.client = client ?? new OpenAI({
      baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs ?? 20_000, maxRetries: config.maxRetries ?? 1,
    });
  }

  get model(): string {
    return this.config.model;
  }

  /**
   * One tiny call with the prompt's system message, so a server that caches prompt prefixes (llama.cpp) has
   * processed it before the first email. Returns the call's latency; errors are the caller's to log.
   */
  async warmUp(prompt: DraftPrompt): Promise<number> {
    const started = Date.now();
    await this.client.chat.completions.create(
      {
        model: this.config.model, temperature: 0, max_tokens: 1,
        messages: [{ role: 'system', content: systemMessage(prompt) }, { role: 'user', content: '{}' }],
      },
      { timeout: Math.max(this.config.timeoutMs ?? 20_000, 60_000) },
    );
    return Date.now() - started;
  }

  async draft(input: LlmDraftInput): Promise<LlmDraftOutput> {
    const user = userMessage(input, this.masker);
    const schema = outputJsonSchema(Object.keys(input.template.display), this.config.outputLimits ?? false);
    let raw: string | null | undefined;
    let usage: { prompt_tokens?: number; completion_tokens?: number } | undefined;
    const started = Date.now();
    try {
      const res = await heartbeatWhile(() => this.client.chat.completions.create(
        {
          model: this.config.model,
          temperature: this.config.temperature ?? 0.2,
          max_tokens: this.config.maxTokens ?? 600,
          messages: [
            { role: 'system', content: systemMessage(input.prompt) },
            { role: 'user', content: user.content },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'draft_reply', strict: true, schema } },
        },
        { timeout: this.config.timeoutMs ?? 20_000 },
      ));
      raw = res.choices[0]?.message?.content;
      usage = res.usage ?? undefined;
    } catch (err) {
      throw new LlmDraftError(`model call failed: ${err instanceof Error ? err.message : String(err)}`, err, Date.now() - started);
    }
    const latencyMs = Date.now() - started;
    if (!raw) throw new LlmDraftError('model returned no content', undefined, latencyMs);
    let parsed: z.infer<typeof outputSchema>;
    try {
      parsed = outputSchema.parse(JSON.parse(raw));
    } catch (err) {
      throw new LlmDraftError('model output does not match the draft schema', err, latencyMs);
    }
    const unmask = (s: string) => this.masker.unmask(s, user.tokens);
    return {
      subject: unmask(parsed.subject),
      paragraphs: parsed.paragraphs.map(unmask),
      factsUsed: [...new Set(parsed.facts_used)].filter((k) => k in input.template.facts),
      model: this.config.model,
      promptTokens: usage?.prompt_tokens ?? null,
      completionTokens: usage?.completion_tokens ?? null,
      latencyMs,
    };
  }
}
