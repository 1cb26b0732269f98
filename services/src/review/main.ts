/**
 * The review process: the review tool (login, queue, actions; server-rendered) and the token-protected JSON API,
 * both over Temporal updates/queries, on loopback.
 *
 *   eval "$(bash infra/local/stack.sh env)"; REVIEW_TOKEN=... pnpm exec tsx services/src/review/main.ts
 */
import type { Server } from 'node:http';
import express from 'express';
import { Client, Connection } from '@temporalio/client';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { createLogger } from '@replique/activities/logger';
import { ConfigError } from '../config/parse-env';
import { loadReviewConfig, type ReviewConfig } from '../config/review-config';
import { createReviewApiRouter } from './review-api';
import { createReviewWebRouter } from './review-web';
import { customerMemoryStore } from '../privacy/customer-memory-store';
import { seedWordingVersions } from '@replique/activities/adapters/pg/wording-versions';
import { checkSettingsFromEnv } from '../wording/activation-check';
import { createShopFeedRouter } from './shop-feed-routes';
import { temporalDataConverter } from '../temporal/data-converter';
import { createReplyLinkRouter } from './reply-links/link-routes';
import { createAlertHookRouter } from './alert-hook-routes';
import { dataKeksOf } from '../config/data-keys-env';
import { createFieldVault } from '../vault/create-vault';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { dropCachesOnErasure } from '@replique/activities/adapters/vault/erasure-notices';
import { createShopSyncRouter } from './shop-sync-routes';

import { startMetricsServer } from '../metrics/metrics-server';
import { tracingSettings } from '../config/shared-env';
import { startTracing } from '../telemetry/tracing';
import { tracingClientInterceptors } from '../telemetry/temporal-tracing';
import { httpSpans } from '../telemetry/http-spans';
import { temporalTlsOf } from '../config/tls-env';

const log = createLogger('review');

export async function startReviewService(config: ReviewConfig) {
  const dataKeks = dataKeksOf('review', config);
  const db = createPool(config.DATABASE_URL, { applicationName: 'replique-review' });
  await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
  const vault = createFieldVault(db, dataKeks);
  // An erasure in any process drops the keys this one keeps (the pages would show an erased customer's text).
  const listener = new NotifyListener(config.DATABASE_URL, { name: 'review' });
  await dropCachesOnErasure(listener, vault);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
  const tracing = startTracing(tracingSettings(config));
  const client = new Client({
    connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(config), interceptors: tracingClientInterceptors(tracing),
  });
  const app = express();
  app.disable('x-powered-by');
  if (tracing) app.use(httpSpans(tracing.tracer));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use(createReviewApiRouter({ db, vault, client, token: config.REVIEW_TOKEN }));
  // Alertmanager's webhook into the notice board, with its own token (it can post alerts, nothing else).
  if (config.ALERTS_WEBHOOK_TOKEN) app.use(createAlertHookRouter({ db, token: config.ALERTS_WEBHOOK_TOKEN }));
  // The shop system's feeds, behind their own token: its CRM data (customers, orders — also recorded as placed for the
  // conversion KPI —, products, policies), and the deprecated alias POST /shop/orders (orders placed only).
  if (config.SHOP_FEED_TOKEN) app.use(createShopSyncRouter({ db, token: config.SHOP_FEED_TOKEN }));
  if (config.SHOP_FEED_TOKEN) app.use(createShopFeedRouter({ db, token: config.SHOP_FEED_TOKEN }));
  // The only routes without a login: the pages of the reply links, each request carrying its signed token.
  // A vote's event is queued with its audit row (the outbox): this process never waits on Kafka.
  if (config.REPLY_LINK_SECRET) app.use(createReplyLinkRouter({ db, vault, secret: config.REPLY_LINK_SECRET }));
  // The template and prompt pages need version 1 (the shipped wording) even before a worker has started.
  await seedWordingVersions(db);
  const wordingCheck = checkSettingsFromEnv({ REPLIQUE_CHECK_SETS: config.REPLIQUE_CHECK_SETS, REPLIQUE_CHECK_SHOP_FILE: config.REPLIQUE_CHECK_SHOP_FILE });
  app.use(createReviewWebRouter({ db, vault, client, cookieSecure: config.REVIEW_COOKIE_SECURE, wordingCheck, conversionWindowDays: config.KPI_CONVERSION_WINDOW_DAYS,
    memory: customerMemoryStore(config),
  }));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.REVIEW_HTTP_PORT, config.REVIEW_HTTP_HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.REVIEW_HTTP_PORT;
  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      await listener.close();
      await db.end();
      await tracing?.shutdown();
    },
  };
}

async function main(): Promise<void> {
  const config = loadReviewConfig();
  const service = await startReviewService(config);
  const metrics = config.METRICS_PORT ? await startMetricsServer('review', { host: config.METRICS_HOST, port: config.METRICS_PORT }) : null;
  log.info({ host: config.REVIEW_HTTP_HOST, port: service.port }, 'review tool listening');
  const stop = () => void Promise.all([service.stop(), metrics?.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: error }, 'review service stopped with an error');
    process.exit(1);
  });
}
