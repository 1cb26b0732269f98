/**
 * The variables that change how an email is decided, read by the worker and by `replique triage` / `eval` alike
 * (one schema fragment, one mapping), so the CLI that is tested runs what production runs: the trained intent model,
 * the LLM intent vote, the drafting model and its A/B, and the OpenAI-compatible embeddings of the context store.
 * Every one is off (or the committed default) unless set: the offline default decides with the model file and
 * templates, and embeds with the hashing embedder.
 */
import { z } from 'zod';
import { DEFAULT_INTENT_MODEL_FILE, loadIntentModel } from '@replique/activities/triage/intent-model';
import type { DecisionSettings } from '@replique/activities/decision-deps';
import { llmTemplateExperiment, type ReplySetupConfig } from '@replique/activities/reply/reply-setup';
import { booleanFromEnv, existingFile } from './parse-env';

export const decisionEnv = {
  /** The trained intent model (ml/train-meaning-model.ts); default: ml/models/intent-model.json of this source tree. */
  REPLIQUE_INTENT_MODEL_FILE: existingFile.default(DEFAULT_INTENT_MODEL_FILE),
  /**
   * Optional LLM intent classifier (an OpenAI-compatible endpoint): it reads the masked new text and votes with the
   * trained model in classify (activities/src/triage/llm-intent.ts). Off unless both URL and model are set.
   */
  REPLIQUE_INTENT_LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  REPLIQUE_INTENT_LLM_MODEL: z.string().min(1).optional(),
  REPLIQUE_INTENT_LLM_API_KEY: z.string().min(1).optional(),
  REPLIQUE_INTENT_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  /**
   * Optional OpenAI-compatible embeddings (`/v1/embeddings`: OpenAI, vLLM, Ollama, llama.cpp…) for the context
   * store; unset: the offline hashing embedder. Model and dimensions are required with the URL.
   */
  EMBEDDINGS_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().min(1).default('none'),
  /** The vector size the model returns (checked on every answer; a Qdrant collection is created with it). */
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(1).max(16_384).optional(),
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Texts per request. */
  EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
  /** Drafting by an OpenAI-compatible endpoint (e.g. http://127.0.0.1:8091/v1); unset: templates only. */
  LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLM_MODEL: z.string().min(1).default('default'),
  LLM_API_KEY: z.string().min(1).default('none'),
  /**
   * One model call, no retry: a timeout falls back to the template draft. At most 150 s, inside the draft
   * activity's 3 minutes (workflows/src/activity-options.ts `drafting`).
   */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(150_000).default(20_000),
  LLM_MAX_TOKENS: z.coerce.number().int().min(16).max(8192).default(600),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  /** Length bounds in the output JSON schema (llama.cpp turns them into its grammar); strict OpenAI may reject them. */
  LLM_OUTPUT_LIMITS: booleanFromEnv.default(false),
  /** Pin a prompt version of the registry (activities/src/reply/prompts); default: the latest. */
  LLM_PROMPT_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
  /** A/B: the share of emails (0–100, by stable hash of the Message-ID) drafted by the model; the rest by template. */
  LLM_AB_PERCENT: z.coerce.number().min(0).max(100).optional(),
};

type DecisionEnv = z.output<z.ZodObject<typeof decisionEnv>>;

/** The refinement every schema that spreads decisionEnv adds: embeddings need their model and vector size. */
export function embeddingsComplete(c: Pick<DecisionEnv, 'EMBEDDINGS_BASE_URL' | 'EMBEDDINGS_MODEL' | 'EMBEDDINGS_DIMENSIONS'>): boolean {
  return !c.EMBEDDINGS_BASE_URL || (c.EMBEDDINGS_MODEL !== undefined && c.EMBEDDINGS_DIMENSIONS !== undefined);
}
export const EMBEDDINGS_INCOMPLETE = {
  message: 'with EMBEDDINGS_BASE_URL, set EMBEDDINGS_MODEL and EMBEDDINGS_DIMENSIONS too',
  path: ['EMBEDDINGS_MODEL'],
};

export interface DecisionSettingsOptions {
  /** Another model file than the configured one, or none (rules only): `--model FILE` / `--no-model`. */
  model?: { file?: string; none?: boolean };
  /** The Qdrant store (the worker's); default: the in-process store. */
  qdrant?: ReplySetupConfig['qdrant'];
  onLlmFallback?: (error: unknown) => void;
}

/** The validated environment as the settings of activities/src/decision-deps.ts. */
export function decisionSettings(config: DecisionEnv, options: DecisionSettingsOptions = {}): DecisionSettings {
  const llm = config.LLM_BASE_URL
    ? { baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS, maxTokens: config.LLM_MAX_TOKENS,
      temperature: config.LLM_TEMPERATURE, outputLimits: config.LLM_OUTPUT_LIMITS, maxRetries: 0 }
    : null;
  const embeddings = config.EMBEDDINGS_BASE_URL && config.EMBEDDINGS_MODEL && config.EMBEDDINGS_DIMENSIONS
    ? { baseURL: config.EMBEDDINGS_BASE_URL, model: config.EMBEDDINGS_MODEL, apiKey: config.EMBEDDINGS_API_KEY, dimensions: config.EMBEDDINGS_DIMENSIONS,
      timeoutMs: config.EMBEDDINGS_TIMEOUT_MS, batchSize: config.EMBEDDINGS_BATCH_SIZE }
    : null;
  return {
    intentModel: options.model?.none ? null : loadIntentModel(options.model?.file ?? config.REPLIQUE_INTENT_MODEL_FILE),
    intentLlm: {
      baseURL: config.REPLIQUE_INTENT_LLM_BASE_URL, model: config.REPLIQUE_INTENT_LLM_MODEL,
      apiKey: config.REPLIQUE_INTENT_LLM_API_KEY, timeoutMs: config.REPLIQUE_INTENT_LLM_TIMEOUT_MS,
    },
    reply: {
      shopId: 'default',
      qdrant: options.qdrant ?? null,
      embeddings,
      llm,
      promptVersion: config.LLM_PROMPT_VERSION ?? null,
      experiment: llm && config.LLM_AB_PERCENT !== undefined ? llmTemplateExperiment(config.LLM_AB_PERCENT, config.LLM_PROMPT_VERSION) : null,
      ...(options.onLlmFallback ? { onLlmFallback: options.onLlmFallback } : {}),
    },
  };
}

/** The schema `replique triage` / `eval` read the environment with (the worker's schema spreads the same fragment). */
export const CliDecisionEnvSchema = z.object(decisionEnv).refine(embeddingsComplete, EMBEDDINGS_INCOMPLETE);
