/**
 * The draft stage: a reply for every human email, in the customer's language, stating only verified shop facts.
 * Templates by default; the LLM drafter when configured (and, under an experiment, for the variants that ask for it).
 * Machine mail gets no draft. Whatever produced it, the check stage verifies the text against the shop next.
 */
import type { Draft, EmailCase } from '../domain/types';
import type { CaseStage } from '../triage/pipeline';
import { assignVariant, type AssignmentUnit, type Experiment } from './ab-assignment';
import { LlmDraftError, type LlmDrafter } from './llm-drafter';
import { getPrompt, type DraftPrompt } from './prompts/registry';
import { humanTouchLine } from './human-touch';
import { chooseUpsell } from './upsell';
import { buildReplyContext, type ReplyContext } from './reply-context';
import { holdingTemplate } from './templates/holding';
import { withSecondarySections } from './templates/multi-question';
import { templateFor } from './templates/registry';
import { composeBody, type ReplyTemplate, type TemplateOutput } from './templates/template-kit';
import { BUILTIN_WORDING } from './wording/phrase-catalogue';
import { WordingFactMissing } from './wording/say';

/**
 * How a draft is written: by template, by the model (a prompt of the code registry, or a saved prompt version
 * `storedPromptVersion`), or `wording`: as it would be anyway, with a saved template version's words (an
 * experiment's `templates@N` variant).
 */
export type DraftGenerator =
  | { kind: 'template' }
  | { kind: 'llm'; promptId: string; promptVersion?: string; storedPromptVersion?: number }
  | { kind: 'wording'; templatesVersion: number };

export interface DraftReplyOptions {
  /** When set, drafts are written by the model (or by the experiment's LLM variants). */
  llm?: LlmDrafter | null;
  /** The prompt version the LLM path uses outside an experiment; default: the registry's latest. */
  promptVersion?: string;
  /**
   * A/B experiment over generators, prompt and template versions; the assignment is recorded on the draft. A function
   * is asked for each draft, with the way the draft would be written outside any experiment (the running experiments
   * of the database: adapters/pg/live-draft-experiment.ts).
   */
  experiment?: Experiment<DraftGenerator> | null | ((usual: DraftGenerator) => Experiment<DraftGenerator> | null);
  /** Told when the LLM path failed and the template was used instead. */
  onLlmFallback?: (error: unknown, emailCase: EmailCase) => void;
}

/** Signals under which the customer's text must not reach a model at all. */
const NO_LLM_SIGNALS = ['prompt_injection', 'hidden_html_text', 'tampered_quoted_text'];

/**
 * The key an email is assigned by. `message`: its Message-ID, else sender, date and subject. `conversation`: the
 * thread's root (the first References id, else In-Reply-To), else the message's own key. `customer`: the sender's
 * address, lower-cased. Only hashed (ab-assignment.ts), never stored.
 */
export function assignmentKey(c: EmailCase, unit: AssignmentUnit = 'message'): string {
  const own = c.parsed.messageId ?? `${c.parsed.from?.address ?? ''}|${c.parsed.date ?? ''}|${c.parsed.subject}`;
  if (unit === 'conversation') return `thread:${c.parsed.references[0] ?? c.parsed.inReplyTo ?? own}`;
  if (unit === 'customer' && c.parsed.from?.address) return `customer:${c.parsed.from.address.trim().toLowerCase()}`;
  return own;
}

/** What the template for this case states: the draft itself on the template path, the reference on the LLM path. */
export function templateReply(ctx: ReplyContext, emailCase: EmailCase): { template: ReplyTemplate; out: TemplateOutput } {
  const template = templateFor(ctx.intent);
  const secondary = emailCase.classification?.secondaryIntents ?? [];
  return { template, out: withSecondarySections(ctx, template.render(ctx), template === holdingTemplate ? [] : secondary) };
}

export function createDraftReply(options: DraftReplyOptions = {}): CaseStage {
  return async (emailCase, deps) => {
    if (emailCase.machine.isMachine) return { ...emailCase, draft: null };
    const usual: DraftGenerator = options.llm
      ? { kind: 'llm', promptId: 'draft-reply', ...(options.promptVersion ? { promptVersion: options.promptVersion } : {}) }
      : { kind: 'template' };
    let generator = usual;
    let experiment: Draft['experiment'] = null;
    let wording = deps.wording;
    const running = typeof options.experiment === 'function' ? options.experiment(usual) : options.experiment;
    if (running) {
      const v = assignVariant(running, assignmentKey(emailCase, running.unit));
      experiment = { id: running.id, variant: v.name };
      if (v.value.kind === 'wording') {
        if (!deps.wordingAt) throw new Error(`experiment ${running.id}: no saved template versions to draft ${v.name} with (wordingAt)`);
        wording = await deps.wordingAt(v.value.templatesVersion);
      } else {
        generator = v.value;
      }
    }
    let ctx = await buildReplyContext(emailCase, deps.shop, wording);
    let written: ReturnType<typeof templateReply>;
    let wordingProblem: string | null = null;
    try {
      written = templateReply(ctx, emailCase);
    } catch (error) {
      // Never invented text: the version in force cannot say this email with verified facts; the shipped words do,
      // and the check stage sends the draft to a person.
      if (!(error instanceof WordingFactMissing)) throw error;
      wordingProblem = error.message;
      ctx = { ...ctx, wording: BUILTIN_WORDING };
      written = templateReply(ctx, emailCase);
    }
    const { template, out } = written;
    // A VIP's draft ends with the policy's human-touch line, whichever generator writes the rest.
    const touch = humanTouchLine(ctx, template.id, deps.policy?.vipHumanTouch);
    // A post-purchase automatic reply may name one complementary product (upsell.ts), whichever generator writes the rest.
    const upsell = chooseUpsell(ctx, emailCase, template.id, deps.policy?.upsell);
    const closing = [upsell?.text, touch].filter((p): p is string => Boolean(p));
    const bodyOf = (paragraphs: string[]) => composeBody(ctx, [...paragraphs, ...closing]);
    const upsellFields = upsell ? { upsell: { sku: upsell.sku, text: upsell.text } } : {};


    const templateDraft: Draft = {
      subject: out.subject,
      body: bodyOf(out.paragraphs),
      lang: ctx.lang,
      templateId: template.id,
      version: template.version,
      generator: 'template',
      model: null,
      facts: { ...out.facts, ...upsell?.facts },
      offers: out.offers,
      experiment,
      ...upsellFields,
      ...(out.attachments?.length ? { attachments: out.attachments } : {}),
      wordingVersion: wording?.version ?? null,
      ...(wordingProblem ? { wordingProblem } : {}),
    };

    const signals = emailCase.classification?.signals ?? [];
    const llmAllowed = ctx.intent !== 'prompt_injection' && !signals.some((s) => NO_LLM_SIGNALS.includes(s));
    if (generator.kind === 'llm' && options.llm && llmAllowed) {
      // An experiment's saved prompt version; a pinned version (LLM_PROMPT_VERSION, an experiment's registry variant)
      // is the shipped registry's; else the one in force.
      const prompt = generator.storedPromptVersion !== undefined
        ? (await savedPrompt(deps, generator.storedPromptVersion)).prompt
        : generator.promptVersion || !deps.prompt ? getPrompt(generator.promptId, generator.promptVersion) : deps.prompt.prompt;
      try {
        const res = await options.llm.draft({
          ctx, template: out, customerText: emailCase.cleaned.clean, pii: emailCase.pii, context: emailCase.context, prompt,
          senderAddress: emailCase.parsed.from?.address ?? null,
        });
        const facts = { ...Object.fromEntries(res.factsUsed.map((k) => [k, out.facts[k] ?? null])), ...upsell?.facts };
        const draft: Draft = {
          ...templateDraft,
          subject: res.subject,
          body: bodyOf(res.paragraphs),
          templateId: prompt.id,
          version: prompt.version,
          generator: 'llm',
          model: res.model,
          facts,
          generation: {
            promptId: prompt.id, promptVersion: prompt.version, model: res.model,
            promptTokens: res.promptTokens, completionTokens: res.completionTokens, latencyMs: res.latencyMs, fallbackReason: null,
          },
        };
        return { ...emailCase, draft };
      } catch (err) {
        options.onLlmFallback?.(err, emailCase);
        const generation: Draft['generation'] = {
          promptId: prompt.id, promptVersion: prompt.version, model: options.llm.model,
          promptTokens: null, completionTokens: null,
          latencyMs: err instanceof LlmDraftError ? (err.latencyMs ?? 0) : 0,
          fallbackReason: err instanceof Error ? err.message.slice(0, 200) : 'unknown error',
        };
        return { ...emailCase, draft: { ...templateDraft, generation } };
      }
    }
    return { ...emailCase, draft: templateDraft };
  };
}

/** The default stage: templates only. */
export const draftReply: CaseStage = createDraftReply();

function savedPrompt(deps: Parameters<CaseStage>[1], version: number): Promise<{ version: number; prompt: DraftPrompt }> {
  if (!deps.promptAt) throw new Error(`no saved prompt versions to draft with prompts@${version} (promptAt)`);
  return deps.promptAt(version);
}
