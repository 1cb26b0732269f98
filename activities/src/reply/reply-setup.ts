/**
 * One factory for the reply side of a process: the knowledge base and the customer memory (in memory, or Qdrant when
 * configured), their embedder (offline hashing, or an OpenAI-compatible endpoint), the knowledge base kept in step
 * with the shop, and the draft stage (templates, or the LLM drafter when configured). Services map their validated
 * environment onto `ReplySetupConfig`.
 */
import type { ShopData } from '../domain/types';
import type { CaseStage } from '../triage/pipeline';
import type { Experiment } from './ab-assignment';
import type { ContextStore, Embedder } from './context-store';
import { ShopKnowledge } from './shop-knowledge';
import { createDraftReply, type DraftGenerator } from './draft-reply';
import { EmbeddedContextStore } from './embedded-context-store';
import { HashingEmbedder } from './hashing-embedder';
import { LlmDrafter, type LlmDrafterConfig } from './llm-drafter';
import { getPrompt } from './prompts/registry';
import { OpenAiEmbedder, type OpenAiEmbedderConfig } from './openai-embedder';
import { QdrantContextStore } from './qdrant-context-store';
import type { MemoryStore } from '../memory/memory-store';
import { EmbeddedMemoryStore } from '../memory/embedded-memory-store';
import { QdrantMemoryStore } from '../memory/qdrant-memory-store';

export interface ReplySetupConfig {
  /** Identifies the shop's documents in a shared vector store. */
  shopId: string;
  embeddings?: OpenAiEmbedderConfig | null;
  qdrant?: { url: string; apiKey?: string; collectionPrefix?: string; timeoutMs?: number } | null;
  llm?: LlmDrafterConfig | null;
  /** Prompt version of the LLM path outside an experiment; default: the registry's latest. */
  promptVersion?: string | null;
  experiment?: Experiment<DraftGenerator> | null | ((usual: DraftGenerator) => Experiment<DraftGenerator> | null);
  /** Load the knowledge base at start rather than at the first search (idempotent). Default true. */
  seed?: boolean;
  onLlmFallback?: (error: unknown) => void;
}

export interface ReplyAdapters {
  /** The knowledge base, in step with the shop's policies and catalogue. */
  context: ShopKnowledge;
  /** Customer memory (memory/): Qdrant's `<prefix>_memory` when Qdrant is configured, else in this process. */
  memory: MemoryStore;
  embedder: Embedder;
  draftReply: CaseStage;
  /** Sends the LLM path's system prompt once so a prefix-caching server has it ready (null: no model configured). */
  llmWarmUp: (() => Promise<number>) | null;
}

/**
 * The draft A/B experiment of a process: `llmPercent` % of emails (by stable hash of the Message-ID) drafted by the
 * model with the given prompt version, the rest by template. The variant is recorded on each draft.
 */
export function llmTemplateExperiment(llmPercent: number, promptVersion?: string | null): Experiment<DraftGenerator> {
  const llm: DraftGenerator = { kind: 'llm', promptId: 'draft-reply', ...(promptVersion ? { promptVersion } : {}) };
  return {
    id: `draft-llm-vs-template${promptVersion ? `@${promptVersion}` : ''}`,
    variants: [
      { name: 'template', weight: 100 - llmPercent, value: { kind: 'template' } },
      { name: `llm:${promptVersion ?? 'latest'}`, weight: llmPercent, value: llm },
    ],
  };
}

export async function createReplyAdapters(config: ReplySetupConfig, shop: ShopData): Promise<ReplyAdapters> {
  const embedder: Embedder = config.embeddings ? new OpenAiEmbedder(config.embeddings) : new HashingEmbedder();
  const store: ContextStore = config.qdrant
    ? new QdrantContextStore({ ...config.qdrant, shopId: config.shopId }, embedder)
    : new EmbeddedContextStore(embedder);
  const context = new ShopKnowledge(store, shop);
  const memory: MemoryStore = config.qdrant
    ? new QdrantMemoryStore({ ...config.qdrant, shopId: config.shopId }, embedder)
    : new EmbeddedMemoryStore(config.shopId, embedder);
  if (config.seed ?? true) await context.refresh();
  const llm = config.llm ? new LlmDrafter(config.llm) : null;
  const draftReply = createDraftReply({
    llm,
    promptVersion: config.promptVersion ?? undefined,
    experiment: config.experiment ?? null,
    onLlmFallback: config.onLlmFallback ? (err) => config.onLlmFallback!(err) : undefined,
  });
  const llmWarmUp = llm ? () => llm.warmUp(getPrompt('draft-reply', config.promptVersion ?? undefined)) : null;
  return { context, memory, embedder, draftReply, llmWarmUp };
}
