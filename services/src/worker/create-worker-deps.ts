/**
 * Wires the adapters the activities need: Postgres (CRM, case files, audit and its event outbox), SMTP, the live
 * routing policy (policy_versions, seeded from the policy file, refreshed by LISTEN/NOTIFY and a poll), the template
 * and prompt versions in force (wording_versions, seeded with the shipped wording, refreshed the same way), and the
 * decision deps the CLI builds too (activities/src/decision-deps.ts, from config/decision-env.ts): the intent model
 * and LLM vote, the context store (embedded, or Qdrant when QDRANT_URL is set; hashing or OpenAI-compatible
 * embeddings), the draft stage (templates, or an OpenAI-compatible model when LLM_BASE_URL is set), and the memory
 * between emails in Postgres (auto-reply limits, sent replies, bounces).
 */
import { kafkaSecurityOf, mailTlsOf } from '../config/tls-env';
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
import { createSmtpTransport, type SmtpSettings } from '@replique/activities/adapters/smtp/smtp-transport';
import { DEFAULT_POLICY_FILE, parsePolicyFile } from '@replique/activities/triage/policy';
import { seedPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { LivePolicy } from '@replique/activities/adapters/pg/live-policy';
import { seedWordingVersions } from '@replique/activities/adapters/pg/wording-versions';
import { LiveWording } from '@replique/activities/adapters/pg/live-wording';
import { seedModelVersion } from '@replique/activities/adapters/pg/model-versions';
import { LiveModel } from '@replique/activities/adapters/pg/live-model';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { PgBounceLog } from '@replique/activities/adapters/pg/bounces';
import { createDecisionDeps, type DecisionSettings } from '@replique/activities/decision-deps';
import { createLogger } from '@replique/activities/logger';
import { LiveDraftExperiments } from '@replique/activities/adapters/pg/live-draft-experiment';
import type { DraftGenerator } from '@replique/activities/reply/draft-reply';
import type { WorkerConfig } from '../config/worker-config';
import { dataKeksOf } from '../config/data-keys-env';
import { createFieldVault } from '../vault/create-vault';
import { dropCachesOnErasure } from '@replique/activities/adapters/vault/erasure-notices';
import { waitForShopData } from './wait-for-shop';
import { decisionSettings } from '../config/decision-env';

/** The worker's SMTP relay, TLS included (SMTP_SECURE, SMTP_REQUIRE_TLS, SMTP_TLS_CA_FILE). */
export function workerSmtpSettings(config: WorkerConfig): SmtpSettings {
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    requireTLS: config.SMTP_REQUIRE_TLS,
    tls: mailTlsOf(config.SMTP_TLS_CA_FILE),
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
  };
}

export interface WorkerDeps extends EmailActivityDeps {
  db: Pool;
  /** The outbox relay of `email.events`, unless EVENT_RELAY_ENABLED=false. */
  relay: EventRelay | null;
  policy: LivePolicy;
  wording: LiveWording;
  /** The running draft experiments this worker follows. */
  experiments: LiveDraftExperiments;
  /** The meaning model in force (null: the worker decides by rules only). */
  model: LiveModel | null;
  close(): Promise<void>;
}

export async function createWorkerDeps(config: WorkerConfig): Promise<WorkerDeps> {
  // Files first: a broken model stops the start before any connection is opened.
  const settings = workerDecisionSettings(config);
  const dataKeks = dataKeksOf('worker', config);
  const db = createPool(config.DATABASE_URL, { applicationName: 'replique-worker' });
  await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
  if (config.REPLIQUE_SHOP_FILE) await seedShop(db, JSON.parse(await readFile(config.REPLIQUE_SHOP_FILE, 'utf8')));
  // Started before the shop's data arrived (a fresh deployment): wait for it (import or sync endpoint), do not stop.
  await waitForShopData(new PgShopData(db), { pollMs: config.POLICY_POLL_MS, log });
  const shop = new ReferenceCachedShop(new PgShopData(db), { ttlMs: config.SHOP_REFERENCE_TTL_MS });
  // The policy file seeds the first live version; the latest saved version is in force from then on.
  const policyFile = config.REPLIQUE_POLICY_FILE ?? DEFAULT_POLICY_FILE;
  await seedPolicyVersion(db, parsePolicyFile(await readFile(policyFile, 'utf8'), policyFile));
  // One listening connection for all the worker follows (policy, wording, model, experiments) and its erasure notices.
  const listener = new NotifyListener(config.DATABASE_URL, { name: 'worker' });
  const policy = await LivePolicy.start({
    db, listener, shopPolicies: () => shop.policies(), pollMs: config.POLICY_POLL_MS,
  });
  // The shipped template and prompt wording is version 1; the latest activation is in force from then on.
  await seedWordingVersions(db);
  const wording = await LiveWording.start({ db, listener, pollMs: config.POLICY_POLL_MS });
  // The committed model file is stored and put in force when its version is not stored yet; the latest activation
  // (a publish, a rollback) is in force from then on, taken without a restart.
  const model = await startLiveModel(db, listener, config, settings);
  // The running experiments (review tool, /experiments), followed live; where none applies, LLM_AB_PERCENT's split.
  const experiments = await LiveDraftExperiments.start({ db, listener, pollMs: config.DRAFT_EXPERIMENT_POLL_MS });
  const configured = settings.reply.experiment;
  const fallback = typeof configured === 'function' ? configured : () => configured ?? null;
  const decideWith = { ...settings, reply: { ...settings.reply, experiment: (usual: DraftGenerator) => experiments.forDraft(usual) ?? fallback(usual) } };
  const memory = { autoReplies: new PgAutoReplyLog(db), sentReplies: new PgSentReplyLog(db), bounces: new PgBounceLog(db) };
  const { triage, reply } = await createDecisionDeps(shop, policy.current().routing, decideWith, memory);
  if (config.LLM_WARMUP && reply.llmWarmUp) {
    // Not awaited: the worker starts at once; a first email waits behind the warm-up at the server anyway.
    reply.llmWarmUp().then(
      (latencyMs) => log.info({ latencyMs }, 'model warm-up done'),
      (error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'model warm-up failed'),
    );
  }

  // The activities never wait on Kafka: their events wait in the outbox, and this relay publishes them. It runs inside
  // the worker (no extra daemon; it has the worker's database and Kafka settings); with several workers, one relays.
  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, kafkaSecurityOf(config));
  let relay: EventRelay | null = null;
  if (config.EVENT_RELAY_ENABLED) {
    await ensureTopics(kafka, [config.KAFKA_TOPIC_INBOUND, config.KAFKA_TOPIC_EVENTS]);
    relay = startEventRelay({ databaseUrl: config.DATABASE_URL, kafka, topic: config.KAFKA_TOPIC_EVENTS, pollMs: config.EVENT_RELAY_POLL_MS });
  }

  const smtp = createSmtpTransport(workerSmtpSettings(config));
  // An erasure in any process drops this worker's cached keys and case files within milliseconds.
  const vault = createFieldVault(db, dataKeks);
  await dropCachesOnErasure(listener, vault);

  return {
    db,
    vault,
    relay,
    policy,
    wording,
    experiments,
    model,
    triage,
    smtp,
    replyLinks: config.REPLY_LINK_SECRET && config.REPLY_LINK_BASE_URL
      ? { secret: config.REPLY_LINK_SECRET, baseUrl: config.REPLY_LINK_BASE_URL, csatTtlDays: config.REPLY_LINK_CSAT_TTL_DAYS, optOutTtlDays: config.REPLY_LINK_OPT_OUT_TTL_DAYS }
      : null,
    async close() {
      await experiments.close();
      await policy.close();
      await wording.close();
      await model?.close();
      await listener.close();
      smtp.close();
      await relay?.stop();
      await db.end();
    },
  };
}

const log = createLogger('worker.reply');

/**
 * How the worker decides: the settings `replique triage` / `eval` build from the same variables
 * (config/decision-env.ts), plus the worker's Qdrant store when QDRANT_URL is set.
 */
export function workerDecisionSettings(config: WorkerConfig): DecisionSettings {
  return decisionSettings(config, {
    qdrant: config.QDRANT_URL ? { url: config.QDRANT_URL, apiKey: config.QDRANT_API_KEY } : null,
    onLlmFallback: (error) => log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'model draft failed; the template draft is used'),
  });
}

/** Seeds the configured model file (REPLIQUE_INTENT_MODEL_FILE) and starts following the version in force. */
async function startLiveModel(db: Pool, listener: NotifyListener, config: WorkerConfig, settings: DecisionSettings): Promise<LiveModel | null> {
  if (!settings.intentModel) return null;
  const seeded = await seedModelVersion(db, JSON.parse(await readFile(config.REPLIQUE_INTENT_MODEL_FILE, 'utf8')) as unknown);
  if (seeded.created) log.info({ version: seeded.row.version, modelVersion: seeded.row.modelVersion }, 'model file stored and put in force');
  return LiveModel.start({ db, listener, fallback: settings.intentModel, pollMs: config.POLICY_POLL_MS });
}
