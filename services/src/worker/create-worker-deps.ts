/**
 * Wires the adapters the activities need: Postgres (CRM, case files, audit and its event outbox), SMTP, the live
 * routing policy (policy_versions, seeded from the policy file, refreshed by LISTEN/NOTIFY and a poll), the template
 * and prompt versions in force (wording_versions, seeded with the shipped wording, refreshed the same way), and the reply
 * side (createReplyAdapters): the context store (embedded, or Qdrant when QDRANT_URL is set) and the draft stage
 * (templates, or an OpenAI-compatible model when LLM_BASE_URL is set).
 */
import { readFile } from 'node:fs/promises';
import type { EmailActivityDeps } from '@replique/activities/email-activities';
import { createPool, type Pool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { seedShop } from '@replique/activities/adapters/pg/seed-shop';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { ReferenceCachedShop } from '@replique/activities/adapters/reference-cached-shop';
import { PgAutoReplyLog } from '@replique/activities/adapters/pg/auto-reply-log';
import { PgSentReplyLog } from '@replique/activities/adapters/pg/sent-replies';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { startEventRelay, type EventRelay } from '@replique/activities/adapters/kafka/event-relay';
import { createSmtpTransport } from '@replique/activities/adapters/smtp/smtp-transport';
import { DEFAULT_POLICY_FILE, parsePolicyFile } from '@replique/activities/triage/policy';
import { seedPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { LivePolicy } from '@replique/activities/adapters/pg/live-policy';
import { seedWordingVersions } from '@replique/activities/adapters/pg/wording-versions';
import { LiveWording } from '@replique/activities/adapters/pg/live-wording';
import { intentDeps, loadIntentModel, type LoadedIntentModel } from '@replique/activities/triage/intent-model';
import { TEXT_INTENTS } from '@replique/activities/triage/classify';
import { llmIntentFromSettings } from '@replique/activities/triage/llm-intent';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { createLogger } from '@replique/activities/logger';
import { createReplyAdapters, llmTemplateExperiment, type ReplySetupConfig } from '@replique/activities/reply/reply-setup';
import { LiveDraftExperiment } from '@replique/activities/adapters/pg/live-draft-experiment';
import type { WorkerConfig } from '../config/worker-config';
import { dataKeksOf } from '../config/data-keys-env';
import { createFieldVault } from '../vault/create-vault';

export interface WorkerDeps extends EmailActivityDeps {
  db: Pool;
  /** The outbox relay of `email.events`, unless EVENT_RELAY_ENABLED=false. */
  relay: EventRelay | null;
  policy: LivePolicy;
  wording: LiveWording;
  close(): Promise<void>;
}

export async function createWorkerDeps(config: WorkerConfig): Promise<WorkerDeps> {
  // Files first: a broken model stops the start before any connection is opened.
  const intentModel = workerIntentDeps(config);
  const dataKeks = dataKeksOf('worker', config);
  const db = createPool(config.DATABASE_URL, { applicationName: 'replique-worker' });
  await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
  if (config.REPLIQUE_SHOP_FILE) await seedShop(db, JSON.parse(await readFile(config.REPLIQUE_SHOP_FILE, 'utf8')));
  const shop = new ReferenceCachedShop(new PgShopData(db), { ttlMs: config.SHOP_REFERENCE_TTL_MS });
  // The policy file seeds the first live version; the latest saved version is in force from then on.
  const policyFile = config.REPLIQUE_POLICY_FILE ?? DEFAULT_POLICY_FILE;
  await seedPolicyVersion(db, parsePolicyFile(await readFile(policyFile, 'utf8'), policyFile));
  const policy = await LivePolicy.start({
    db, databaseUrl: config.DATABASE_URL, shopPolicies: () => shop.policies(), pollMs: config.POLICY_POLL_MS,
  });
  // The shipped template and prompt wording is version 1; the latest activation is in force from then on.
  await seedWordingVersions(db);
  const wording = await LiveWording.start({ db, databaseUrl: config.DATABASE_URL, pollMs: config.POLICY_POLL_MS });
  // A stored experiment (review tool, /experiments) takes precedence over LLM_AB_PERCENT; its promotion applies live.
  const draftExperiment = config.DRAFT_EXPERIMENT_ID
    ? await LiveDraftExperiment.start({ db, id: config.DRAFT_EXPERIMENT_ID, pollMs: config.DRAFT_EXPERIMENT_POLL_MS })
    : null;
  if (draftExperiment && !config.LLM_BASE_URL && draftExperiment.current().variants.some((v) => v.value.kind === 'llm')) {
    log.warn({ experiment: config.DRAFT_EXPERIMENT_ID }, 'draft experiment has prompt variants but no LLM_BASE_URL: they draft by template (the draft still records the variant)');
  }
  const setup = replySetup(config);
  const reply = await createReplyAdapters(draftExperiment ? { ...setup, experiment: () => draftExperiment.current() } : setup, shop);
  if (config.LLM_WARMUP && reply.llmWarmUp) {
    // Not awaited: the worker starts at once; a first email waits behind the warm-up at the server anyway.
    reply.llmWarmUp().then(
      (latencyMs) => log.info({ latencyMs }, 'model warm-up done'),
      (error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'model warm-up failed'),
    );
  }

  // The activities never wait on Kafka: their events wait in the outbox, and this relay publishes them. It runs inside
  // the worker (no extra daemon; it has the worker's database and Kafka settings); with several workers, one relays.
  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID);
  let relay: EventRelay | null = null;
  if (config.EVENT_RELAY_ENABLED) {
    await ensureTopics(kafka, [config.KAFKA_TOPIC_INBOUND, config.KAFKA_TOPIC_EVENTS]);
    relay = startEventRelay({ databaseUrl: config.DATABASE_URL, kafka, topic: config.KAFKA_TOPIC_EVENTS, pollMs: config.EVENT_RELAY_POLL_MS });
  }

  const smtp = createSmtpTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
  });

  return {
    db,
    vault: createFieldVault(db, dataKeks),
    relay,
    policy,
    wording,
    triage: {
      shop, policy: policy.current().routing, context: reply.context, memory: reply.memory, autoReplies: new PgAutoReplyLog(db), sentReplies: new PgSentReplyLog(db),
      draftReply: reply.draftReply, ...intentModel,
    },
    smtp,
    replyLinks: config.REPLY_LINK_SECRET && config.REPLY_LINK_BASE_URL
      ? { secret: config.REPLY_LINK_SECRET, baseUrl: config.REPLY_LINK_BASE_URL, csatTtlDays: config.REPLY_LINK_CSAT_TTL_DAYS, optOutTtlDays: config.REPLY_LINK_OPT_OUT_TTL_DAYS }
      : null,
    async close() {
      draftExperiment?.stop();
      await policy.close();
      await wording.close();
      smtp.close();
      await relay?.stop();
      await db.end();
    },
  };
}

const log = createLogger('worker.reply');

/**
 * The worker's classify hooks: the trained model (intent and risk heads, with its calibration) and, when configured,
 * the LLM intent classifier voting with it, as in the CLI (services/src/cli/triage-command.ts).
 */
export function workerIntentDeps(
  config: WorkerConfig,
  model: LoadedIntentModel = loadIntentModel(config.REPLIQUE_INTENT_MODEL_FILE),
): Pick<TriageDeps, 'intentModel' | 'intentCalibration' | 'riskModel' | 'routineModel' | 'intentLlm'> {
  const intentLlm = llmIntentFromSettings({
    baseURL: config.REPLIQUE_INTENT_LLM_BASE_URL, model: config.REPLIQUE_INTENT_LLM_MODEL,
    apiKey: config.REPLIQUE_INTENT_LLM_API_KEY, timeoutMs: config.REPLIQUE_INTENT_LLM_TIMEOUT_MS,
  }, TEXT_INTENTS);
  return { ...intentDeps(model), ...(intentLlm ? { intentLlm } : {}) };
}

/** The worker's environment as the reply side's plain config. */
export function replySetup(config: WorkerConfig): ReplySetupConfig {
  const llm = config.LLM_BASE_URL
    ? { baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS, maxTokens: config.LLM_MAX_TOKENS,
      temperature: config.LLM_TEMPERATURE, outputLimits: config.LLM_OUTPUT_LIMITS, maxRetries: 0 }
    : null;
  return {
    shopId: 'default',
    qdrant: config.QDRANT_URL ? { url: config.QDRANT_URL, apiKey: config.QDRANT_API_KEY } : null,
    llm,
    promptVersion: config.LLM_PROMPT_VERSION ?? null,
    experiment: llm && config.LLM_AB_PERCENT !== undefined ? llmTemplateExperiment(config.LLM_AB_PERCENT, config.LLM_PROMPT_VERSION) : null,
    onLlmFallback: (error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'model draft failed; the template draft is used'),
  };
}
