/**
 * The decision pipeline as plain stages over an EmailCase. The CLI runs them in a row in memory; the workflow
 * runs each one as an activity that loads and saves the case in Postgres. Same functions, same order.
 */
import type { EmailCase, ShopData } from '../domain/types';
import type { RoutingPolicy } from './policy';
import type { KnowledgeSearch } from '../reply/context-store';
import type { MemoryStore } from '../memory/memory-store';
import type { IntentCalibration, IntentModel } from './classify';
import type { LlmIntentClassifier } from './llm-intent';
import type { RiskHead, RoutineHead } from './intent-model';
import type { WordingSnapshot } from '../reply/wording/phrase-catalogue';
import type { DraftPrompt } from '../reply/prompts/registry';

export interface AutoReplyCounts {
  sender: number; // automatic replies sent to this sender in the 24 h before the email
  thread: number; // automatic replies sent in this thread
}

/**
 * Where automatic replies are counted (Postgres in production, memory in the CLI); stops loops with robots. Both
 * count by auto-reply-window.ts: `threadKey` is threadKeyOf(email), `at` the email's Date header.
 */
export interface AutoReplyLog {
  recent(sender: string, threadKey: string | null, at: string | null): Promise<AutoReplyCounts>;
}

export interface TriageDeps {
  shop: ShopData;
  policy: RoutingPolicy;
  context: KnowledgeSearch;
  /** Optional customer memory (memory/): read by the retrieve stage, written when an email closes. */
  memory?: MemoryStore;
  /** Optional: without it, per-sender / per-thread limits are not checked (the workflow checks them at send). */
  autoReplies?: AutoReplyLog;
  /** The `version` of the model file the four hooks below come from (the classification records it); absent: rules only. */
  modelVersion?: string;
  /** Optional trained intent model; it sees the new text with PII masked and is blended into the rule scores. */
  intentModel?: IntentModel;
  /** Optional: turns rule scores (and the model's probabilities) into one calibrated probability per intent. */
  intentCalibration?: IntentCalibration;
  /** Optional risk head (same model file): escalation families said in everyday words, innocent uses of cue words. */
  riskModel?: RiskHead;
  /** Optional routine head (same model file): automatable intents whose words ask for an action or a remedy. */
  routineModel?: RoutineHead;
  /** Optional LLM classifier (off by default): masked text in, a distribution mixed with the model's out. */
  intentLlm?: LlmIntentClassifier;
  /** The template version in force (wording_versions, live in the worker); absent: the shipped wording. */
  wording?: WordingSnapshot;
  /** The prompt version in force for the LLM drafter (wording_versions); absent: the shipped registry's. */
  prompt?: { version: number; prompt: DraftPrompt };
  /**
   * Any saved template version (wording_versions; immutable, so cached): what a draft experiment's `templates@N`
   * variant drafts with, and what the check stage re-reads a draft's own version with.
   */
  wordingAt?: (version: number) => Promise<WordingSnapshot>;
  /** Any saved prompt version: what a draft experiment's `prompts@N` variant drafts with. */
  promptAt?: (version: number) => Promise<{ version: number; prompt: DraftPrompt }>;
}

export type CaseStage = (emailCase: EmailCase, deps: TriageDeps) => Promise<EmailCase>;
