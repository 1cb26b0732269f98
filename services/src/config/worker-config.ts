/**
 * Configuration of the worker process (services/src/worker/main.ts): runs emailWorkflow and its activities.
 * Parsed once at start; an invalid variable stops the process with a clear message.
 */
import { z } from 'zod';
import { tlsConsistency } from './tls-env';
import { booleanFromEnv, existingFile, parseEnv } from './parse-env';
import { dataKeysEnv } from './data-keys-env';
import { commonEnv, kafkaEnv, metricsEnv, postgresEnv, replyLinkSecretEnv, smtpEnv, tracingEnv } from './shared-env';
import { temporalEnv } from './temporal-env';
import { decisionEnv, EMBEDDINGS_INCOMPLETE, embeddingsComplete } from './decision-env';

export const WorkerEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...dataKeysEnv,
  ...kafkaEnv,
  ...smtpEnv,
  ...temporalEnv,
  ...replyLinkSecretEnv,
  ...metricsEnv(9463),
  ...tracingEnv('replique-worker'),
  /** How an email is decided (model, LLM intent vote, drafting model, embeddings): the same fragment as the CLI's. */
  ...decisionEnv,
  /** An email in progress (received, processing) for longer than this counts in replique_emails_stuck. */
  REPLIQUE_STUCK_AFTER_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  /** Where customers open the reply links: the review service's public address (its /r/ pages), e.g. https://support.example.com. */
  REPLY_LINK_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long a rating link works after the reply is sent. */
  REPLY_LINK_CSAT_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * How long a "a person next time" link works after the reply is sent. At most REPLIQUE_BODY_RETENTION_DAYS: the link
   * finds its customer through the email's case file, which the retention purge removes.
   */
  REPLY_LINK_OPT_OUT_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  KAFKA_CLIENT_ID: z.string().min(1).default('replique-worker'),
  /**
   * The routing policy file (zod-validated at load); default: policies/default.json. It seeds the live policy
   * (policy_versions) when none is saved yet; then the latest saved version is in force.
   */
  REPLIQUE_POLICY_FILE: existingFile.optional(),
  /**
   * Poll period of the live policy and of the template and prompt versions in force, besides LISTEN/NOTIFY
   * (activities/src/adapters/pg/live-policy.ts, live-wording.ts).
   */
  POLICY_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** Seed the shop CRM from this JSON file at start (idempotent), e.g. the demo shop. */
  REPLIQUE_SHOP_FILE: existingFile.optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * The outbox relay of `email.events` (activities/src/adapters/kafka/event-relay.ts) runs inside every worker; one
   * at a time publishes (a Postgres lease), the others stand by. false: this worker runs none.
   */
  EVENT_RELAY_ENABLED: booleanFromEnv.default(true),
  /**
   * How often the relay looks for new events when the outbox is empty, and its wait after a round that did not fill
   * a batch: the longest an event waits before it goes to Kafka. Each round costs a Postgres read and confirmation and a
   * Kafka request whatever it carries: at 500 ms rather than 100, ~0.5 ms less CPU per event (test/bench/relay-poll.ts).
   */
  EVENT_RELAY_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  /**
   * How long the worker keeps the shop's policies, catalogue, "today" and order-number format before reading them
   * again (activities/src/adapters/reference-cached-shop.ts); a policy change reaches it within this time. 0: always read.
   */
  SHOP_REFERENCE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** At start, send the system prompt once so a prefix-caching server (llama.cpp) has it ready for the first email. */
  LLM_WARMUP: booleanFromEnv.default(false),
  /**
   * A/B from the database: the running experiments (review tool, /experiments) are followed live (LISTEN
   * `replique_experiments`); they win over LLM_AB_PERCENT. This poll bounds the delay when a notification is lost.
   */
  DRAFT_EXPERIMENT_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** The daily retention schedule (services/src/worker/retention-schedule.ts): created or updated at start unless false. */
  REPLIQUE_RETENTION_SCHEDULE: booleanFromEnv.default(true),
  /** Texts of finished emails are purged after this many days. */
  REPLIQUE_BODY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Audit rows are removed after this many days (two years by default). */
  REPLIQUE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(730),
  /** Emails / audit chains per retention activity call. */
  REPLIQUE_RETENTION_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  /** The gated rollout's evaluator schedule (services/src/worker/rollout-schedule.ts): created or updated at start unless false. */
  REPLIQUE_ROLLOUT_SCHEDULE: booleanFromEnv.default(true),
  /** How often the evaluator runs (a duration: 15m, 1h). */
  REPLIQUE_ROLLOUT_EVERY: z.string().regex(/^\d+(?:s|m|h)$/, 'a duration such as 15m or 1h').default('15m'),
  /** Optional vector store for context retrieval; unset: in-memory store. */
  QDRANT_URL: z.url({ protocol: /^https?$/ }).optional(),
  QDRANT_API_KEY: z.string().min(1).optional(),
}).refine(embeddingsComplete, EMBEDDINGS_INCOMPLETE).refine((c) => !c.REPLY_LINK_SECRET === !c.REPLY_LINK_BASE_URL, {
  message: 'set both or neither: replies carry signed links only with a secret and the address customers open them at',
  path: ['REPLY_LINK_BASE_URL'],
}).refine((c) => c.REPLY_LINK_OPT_OUT_TTL_DAYS <= c.REPLIQUE_BODY_RETENTION_DAYS, {
  message: 'at most REPLIQUE_BODY_RETENTION_DAYS: an opt-out link finds its customer through the email\'s case file, purged after that',
  path: ['REPLY_LINK_OPT_OUT_TTL_DAYS'],
}).superRefine(tlsConsistency);

export type WorkerConfig = z.output<typeof WorkerEnvSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv('worker', WorkerEnvSchema, env);
}
