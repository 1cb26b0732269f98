/**
 * The intake process: HTTP intake and/or IMAP polling (each optional by config), both through acceptRawEmail
 * into Postgres + Kafka `email.inbound`. SIGTERM/SIGINT stop it cleanly: stop taking mail, finish what is in
 * hand, close Kafka and Postgres.
 *
 *   eval "$(bash infra/local/stack.sh env)"; INTAKE_TOKEN=... pnpm exec tsx services/src/intake/main.ts
 */
import type { Server } from 'node:http';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { createEmailProducer } from '@replique/activities/adapters/kafka/email-producer';
import { createImapPoller, type ImapPoller } from '@replique/activities/adapters/imap/imap-poller';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { createLogger, setLogLevel } from '@replique/activities/logger';
import { ConfigError } from '../config/parse-env';
import { loadIntakeConfig, type IntakeConfig } from '../config/intake-config';
import { acceptRawEmail } from './accept-raw-email';
import { createFieldVault } from '../vault/create-vault';
import { NotifyListener } from '@replique/activities/adapters/pg/notify-listener';
import { dropCachesOnErasure } from '@replique/activities/adapters/vault/erasure-notices';
import { createHttpIntakeApp } from './http-intake';
import { startMetricsServer } from '../metrics/metrics-server';
import { startTracing } from '../telemetry/tracing';
import { httpSpans } from '../telemetry/http-spans';
import { inSpan } from '../telemetry/spans';

const log = createLogger('intake');

export interface RunningIntake {
  /** The bound HTTP address, when HTTP intake is on. */
  httpPort: number | null;
  imap: ImapPoller | null;
  stop(): Promise<void>;
}

export async function startIntake(config: IntakeConfig): Promise<RunningIntake> {
  const pool = createPool(config.databaseUrl, {
    applicationName: 'replique-intake',
    onIdleError: (error) => log.warn({ err: error }, 'idle Postgres client lost'),
  });
  await migrate(pool, { dir: config.migrationsDir });
  const kafka = createKafka(config.kafka.brokers, config.kafka.clientId, config.kafka.security);
  await ensureTopics(kafka, [config.kafka.inboundTopic, config.kafka.eventsTopic]);
  const producer = createEmailProducer(kafka, { inbound: config.kafka.inboundTopic, events: config.kafka.eventsTopic });
  await producer.connect();
  const vault = createFieldVault(pool, config.dataKeks);
  // An erasure in any process drops the keys this one keeps: a new message from an erased customer gets a new key,
  // never the destroyed one still cached here.
  const listener = new NotifyListener(config.databaseUrl, { name: 'intake' });
  await dropCachesOnErasure(listener, vault);
  const deps = { db: pool, vault, producer, maxRawBytes: config.maxRawBytes };
  const tracing = startTracing(config.tracing);

  let server: Server | null = null;
  let httpPort: number | null = null;
  if (config.http) {
    const app = createHttpIntakeApp({ ...deps, token: config.http.token, defaultMailbox: config.mailbox }, tracing && httpSpans(tracing.tracer));
    const { host, port } = config.http;
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
    });
    const address = server.address();
    httpPort = typeof address === 'object' && address ? address.port : port;
    log.info({ host, port: httpPort }, 'HTTP intake listening');
  }

  let imap: ImapPoller | null = null;
  if (config.imap) {
    const { host, port, secure, requireTLS, tls, user, password, folder, pollIntervalMs, batchSize } = config.imap;
    imap = createImapPoller(
      {
        db: pool,
        accept: (raw) => inSpan(tracing, 'email.intake imap', () => acceptRawEmail(deps, { raw, source: 'imap', mailbox: config.mailbox })),
      },
      {
        connection: { host, port, secure, requireTLS, tls, user, password },
        folder,
        pollIntervalMs,
        batchSize,
        maxMessageBytes: config.maxRawBytes,
      },
    );
    imap.start();
    log.info({ folder }, 'IMAP poller started');
  }

  return {
    httpPort,
    imap,
    async stop() {
      const closing = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
      server?.closeIdleConnections();
      await Promise.all([closing, imap?.stop()]);
      await producer.disconnect();
      await listener.close();
      await pool.end();
      await tracing?.shutdown();
      log.info('intake stopped');
    },
  };
}

async function main(): Promise<void> {
  let config: IntakeConfig;
  try {
    config = loadIntakeConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  setLogLevel(config.logLevel);
  const intake = await startIntake(config);
  const metrics = config.metrics ? await startMetricsServer('intake', config.metrics) : null;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    Promise.all([intake.stop(), metrics?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.fatal({ err: error }, 'intake failed to start');
    process.exit(1);
  });
}
