/** Configuration of the review process: the review tool (web) and the reviewers' JSON API. */
import { z } from 'zod';
import { tlsConsistency } from './tls-env';
import { booleanFromEnv, existingFile, listenPort, parseEnv } from './parse-env';
import { dataKeysEnv } from './data-keys-env';
import { commonEnv, conversionEnv, kafkaEnv, metricsEnv, postgresEnv, replyLinkSecretEnv, tracingEnv } from './shared-env';
import { temporalEnv } from './temporal-env';
import { customerMemoryEnv } from '../privacy/customer-memory-store';

export const ReviewEnvSchema = z.object({
  ...commonEnv,
  ...postgresEnv,
  ...dataKeysEnv,
  ...temporalEnv,
  ...replyLinkSecretEnv,
  ...metricsEnv(9464),
  ...tracingEnv('replique-review'),
  /** With REPLY_LINK_SECRET: each rating is published on the events topic (stage `csat`, event `rated`). */
  ...kafkaEnv,
  KAFKA_CLIENT_ID: z.string().min(1).default('replique-review'),
  REVIEW_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  REVIEW_HTTP_PORT: listenPort.default(8082),
  /** Bearer token of the machine JSON API (/api); people log in to the review tool instead. */
  REVIEW_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /**
   * Bearer token of Alertmanager's webhook (POST /hooks/alertmanager: alerts onto the notice board, nothing else).
   * Unset: no webhook. The local stack keeps it in $REPLIQUE_HOME/run/alerts-webhook.token (infra/local/lib/monitoring.sh).
   */
  ALERTS_WEBHOOK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Bearer token of the shop's data feeds (PUT /shop/crm/*: CRM sync, orders included; POST /shop/orders: deprecated alias); unset: off. */
  SHOP_FEED_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ...conversionEnv,
  /** Session cookies marked Secure: on whenever the tool is served over TLS (off on the loopback dev stack). */
  REVIEW_COOKIE_SECURE: booleanFromEnv.default(false),
  /**
   * The activation check of a template or prompt version (/templates) replays these labelled folders, comma-separated
   * (default: ../shared/fixtures/emails-dev and emails-train), against this shop file (default: ../shared/fixtures/shop.json).
   */
  REPLIQUE_CHECK_SETS: z.string().min(1).optional(),
  REPLIQUE_CHECK_SHOP_FILE: existingFile.optional(),
  /** The worker's customer memory (QDRANT_URL, QDRANT_API_KEY), which a GDPR export from the email page includes. */
  ...customerMemoryEnv,
}).superRefine(tlsConsistency);

export type ReviewConfig = z.output<typeof ReviewEnvSchema>;

export function loadReviewConfig(env: NodeJS.ProcessEnv = process.env): ReviewConfig {
  return parseEnv('review', ReviewEnvSchema, env);
}
