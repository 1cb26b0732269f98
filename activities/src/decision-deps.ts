/**
 * The one place a process builds what the triage stages decide with, so `replique triage` / `eval` and the worker
 * decide alike: the shop, the routing policy, the trained intent model (or none: rules only), the optional LLM intent
 * vote, the reply side (context store and its embedder, the draft stage: templates or an OpenAI-compatible model),
 * and the memory between emails (auto-reply limits, our sent replies, bounces: Postgres in the worker, memory in
 * the CLI, with the same semantics). Services map their validated environment onto `DecisionSettings`
 * (services/src/config/decision-env.ts).
 */
import type { ShopData } from './domain/types';
import { TEXT_INTENTS } from './triage/classify';
import { intentDeps, type LoadedIntentModel } from './triage/intent-model';
import { llmIntentFromSettings, type LlmIntentSettings } from './triage/llm-intent';
import type { AutoReplyLog, TriageDeps } from './triage/pipeline';
import type { RoutingPolicy } from './triage/policy';
import type { SentReplyLog } from './triage/quoted-shop';
import type { BounceLog } from './triage/route';
import { createReplyAdapters, type ReplyAdapters, type ReplySetupConfig } from './reply/reply-setup';

export interface DecisionSettings {
  /** The trained intent model (intent, risk and routine heads, calibration); null: rules only. */
  intentModel: LoadedIntentModel | null;
  /** The LLM intent vote; unset URL or model: off. */
  intentLlm: LlmIntentSettings;
  reply: ReplySetupConfig;
}

export interface DecisionMemoryAdapters {
  autoReplies: AutoReplyLog;
  sentReplies: SentReplyLog;
  bounces: BounceLog;
}

export async function createDecisionDeps(
  shop: ShopData, policy: RoutingPolicy, settings: DecisionSettings, memory: DecisionMemoryAdapters,
): Promise<{ triage: TriageDeps; reply: ReplyAdapters }> {
  const reply = await createReplyAdapters(settings.reply, shop);
  const intentLlm = llmIntentFromSettings(settings.intentLlm, TEXT_INTENTS);
  const triage: TriageDeps = {
    shop,
    policy,
    context: reply.context,
    memory: reply.memory,
    draftReply: reply.draftReply,
    ...(settings.intentModel ? intentDeps(settings.intentModel) : {}),
    ...(intentLlm ? { intentLlm } : {}),
    autoReplies: memory.autoReplies,
    sentReplies: memory.sentReplies,
    bounces: memory.bounces,
  };
  return { triage, reply };
}
