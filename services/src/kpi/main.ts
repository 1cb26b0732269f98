/**
 * The KPI process: a consumer group on `email.events` that keeps the KPI tables of Postgres (migration 022) up to
 * date; the review tool's KPI page reads them. Restarted, it resumes from the group's committed offsets.
 *
 *   eval "$(bash infra/local/stack.sh env)"; pnpm exec tsx services/src/kpi/main.ts
 */
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { createLogger } from '@replique/activities/logger';
import { ConfigError } from '../config/parse-env';
import { loadKpiConfig, type KpiConfig } from '../config/kpi-config';
import { startKpiConsumer } from './kpi-consumer';
import { kpiEvents } from '../metrics/replique-metrics';
import { startMetricsServer } from '../metrics/metrics-server';
import { kafkaSecurityOf } from '../config/tls-env';

const log = createLogger('kpi');

export async function runKpi(config: KpiConfig) {
  const db = createPool(config.DATABASE_URL, { applicationName: 'replique-kpi', max: 4 });
  await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, kafkaSecurityOf(config));
  await ensureTopics(kafka, [config.KAFKA_TOPIC_EVENTS]);
  const consumer = await startKpiConsumer({
    db, kafka, groupId: config.KPI_GROUP_ID, topic: config.KAFKA_TOPIC_EVENTS,
    onTaken: (taken) => kpiEvents.inc({ outcome: taken ? 'taken' : 'copy' }),
  });
  return {
    async stop() {
      await consumer.stop();
      await db.end();
    },
  };
}

async function main(): Promise<void> {
  const config = loadKpiConfig();
  const kpi = await runKpi(config);
  const metrics = config.METRICS_PORT ? await startMetricsServer('kpi', { host: config.METRICS_HOST, port: config.METRICS_PORT }) : null;
  log.info('kpi consuming email.events');
  const stop = () => void Promise.all([kpi.stop(), metrics?.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: error }, 'kpi stopped with an error');
    process.exit(1);
  });
}
