/**
 * The starter process: a consumer group on `email.inbound` that starts emailWorkflow for each reference.
 * Offsets are committed only after the start succeeded or was found to be a duplicate (at-least-once, idempotent).
 *
 *   eval "$(bash infra/local/stack.sh env)"; pnpm exec tsx services/src/starter/main.ts
 */
import { Client, Connection } from '@temporalio/client';
import { createKafka } from '@replique/activities/adapters/kafka/kafka-client';
import { consumeInbound } from '@replique/activities/adapters/kafka/inbound-consumer';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { createLogger } from '@replique/activities/logger';
import { ConfigError } from '../config/parse-env';
import { loadStarterConfig, type StarterConfig } from '../config/starter-config';
import { startEmailWorkflow } from './start-email-workflow';
import { temporalDataConverter } from '../temporal/data-converter';
import { workflowStarts } from '../metrics/replique-metrics';
import { startMetricsServer } from '../metrics/metrics-server';
import { tracingSettings } from '../config/shared-env';
import { startTracing } from '../telemetry/tracing';
import { tracingClientInterceptors } from '../telemetry/temporal-tracing';
import { inConsumerSpan } from '../telemetry/kafka-spans';
import { kafkaSecurityOf, temporalTlsOf } from '../config/tls-env';

const log = createLogger('starter');

export async function runStarter(config: StarterConfig) {
  const db = createPool(config.DATABASE_URL, { applicationName: 'replique-starter' });
  await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
  const tracing = startTracing(tracingSettings(config));
  const client = new Client({
    connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(config), interceptors: tracingClientInterceptors(tracing),
  });
  const kafka = createKafka(config.KAFKA_BROKERS, config.KAFKA_CLIENT_ID, kafkaSecurityOf(config));
  const consumer = await consumeInbound(kafka, {
    groupId: config.STARTER_GROUP_ID,
    topic: config.KAFKA_TOPIC_INBOUND,
    handler: (ref, meta) =>
      inConsumerSpan(tracing, meta, ref.emailKey, async () => {
        const outcome = await startEmailWorkflow({ db, client, taskQueue: config.TEMPORAL_TASK_QUEUE }, ref);
        workflowStarts.inc({ outcome });
        log.info({ emailKey: ref.emailKey, outcome }, 'inbound email handled');
      }),
  });
  return {
    async stop() {
      await consumer.stop();
      await connection.close();
      await db.end();
      await tracing?.shutdown();
    },
  };
}

async function main(): Promise<void> {
  const config = loadStarterConfig();
  const starter = await runStarter(config);
  const metrics = config.METRICS_PORT ? await startMetricsServer('starter', { host: config.METRICS_HOST, port: config.METRICS_PORT }) : null;
  log.info('starter consuming email.inbound');
  const stop = () => void Promise.all([starter.stop(), metrics?.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: error }, 'starter stopped with an error');
    process.exit(1);
  });
}
