/**
 * Configuration of the intake process (services/src/intake/main.ts): HTTP intake and/or IMAP polling into
 * Postgres + Kafka. Parsed once at start; an invalid variable stops the process with a clear message.
 */
import { z } from 'zod';
import type { ConnectionOptions } from 'node:tls';
import { kafkaSecurityOf, mailTlsOf, tlsConsistency, type KafkaSecurity } from './tls-env';
import { booleanFromEnv, listenPort, parseEnv } from './parse-env';
import type { KeyEncryptionKey } from '@replique/activities/adapters/vault/key-wrapper';
import { dataKeksOf, dataKeysEnv } from './data-keys-env';
import { commonEnv, imapEnv, kafkaEnv, metricsEnv, postgresEnv, tracingEnv, tracingSettings, type TracingSettings } from './shared-env';

const MEGABYTE = 1024 * 1024;

export const IntakeEnvSchema = z
  .object({
    ...commonEnv,
    ...postgresEnv,
  ...dataKeysEnv,
    ...kafkaEnv,
    ...imapEnv,
    ...metricsEnv(9461),
    ...tracingEnv('replique-intake'),
    KAFKA_CLIENT_ID: z.string().min(1).default('replique-intake'),
    /** Logical support mailbox: part of every emailKey; HTTP requests may name another one with ?mailbox=. */
    REPLIQUE_MAILBOX: z.string().regex(/^[A-Za-z0-9._@+-]{1,100}$/).default('support'),
    INTAKE_MAX_RAW_MB: z.coerce.number().positive().max(200).default(40),

    INTAKE_HTTP_ENABLED: booleanFromEnv.default(true),
    INTAKE_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    INTAKE_HTTP_PORT: listenPort.default(8081),
    /** Bearer token for POST /intake/raw. Required when HTTP intake is on. */
    INTAKE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),

    INTAKE_IMAP_ENABLED: booleanFromEnv.default(false),
    IMAP_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).default(30_000),
    IMAP_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(25),
  })
  .superRefine((env, ctx) => {
    if (env.INTAKE_HTTP_ENABLED && !env.INTAKE_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['INTAKE_TOKEN'], message: 'required when INTAKE_HTTP_ENABLED is true' });
    }
    if (!env.INTAKE_HTTP_ENABLED && !env.INTAKE_IMAP_ENABLED) {
      ctx.addIssue({ code: 'custom', path: ['INTAKE_HTTP_ENABLED'], message: 'HTTP and IMAP intake are both off' });
    }
    tlsConsistency(env, ctx);
  });

export interface IntakeConfig {
  logLevel: z.output<typeof commonEnv.LOG_LEVEL>;
  databaseUrl: string;
  migrationsDir: string;
  /** The KEKs that wrap the data keys raw messages are sealed with; null: stored in clear. */
  dataKeks: KeyEncryptionKey[] | null;
  kafka: { brokers: string[]; clientId: string; inboundTopic: string; eventsTopic: string; security: KafkaSecurity };
  mailbox: string;
  /** The /metrics endpoint; null when METRICS_PORT=0. */
  metrics: { host: string; port: number } | null;
  /** OpenTelemetry traces (services/src/telemetry/); no endpoint: off. */
  tracing: TracingSettings;
  maxRawBytes: number;
  http: { host: string; port: number; token: string } | null;
  imap: {
    host: string;
    port: number;
    secure: boolean;
    /** STARTTLS required on a plain port (IMAP_REQUIRE_TLS). */
    requireTLS: boolean;
    /** The server's CA (IMAP_TLS_CA_FILE); {} for the system's. */
    tls: ConnectionOptions;
    user: string;
    password: string;
    folder: string;
    pollIntervalMs: number;
    batchSize: number;
  } | null;
}

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const e = parseEnv('intake', IntakeEnvSchema, env);
  return {
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    migrationsDir: e.REPLIQUE_MIGRATIONS_DIR,
    dataKeks: dataKeksOf('intake', e),
    kafka: {
      brokers: e.KAFKA_BROKERS,
      clientId: e.KAFKA_CLIENT_ID,
      inboundTopic: e.KAFKA_TOPIC_INBOUND,
      eventsTopic: e.KAFKA_TOPIC_EVENTS,
      security: kafkaSecurityOf(e),
    },
    mailbox: e.REPLIQUE_MAILBOX,
    metrics: e.METRICS_PORT === 0 ? null : { host: e.METRICS_HOST, port: e.METRICS_PORT },
    tracing: tracingSettings(e),
    maxRawBytes: Math.round(e.INTAKE_MAX_RAW_MB * MEGABYTE),
    http: e.INTAKE_HTTP_ENABLED ? { host: e.INTAKE_HTTP_HOST, port: e.INTAKE_HTTP_PORT, token: e.INTAKE_TOKEN! } : null,
    imap: e.INTAKE_IMAP_ENABLED
      ? {
          host: e.IMAP_HOST,
          port: e.IMAP_PORT,
          secure: e.IMAP_SECURE,
          requireTLS: e.IMAP_REQUIRE_TLS,
          tls: mailTlsOf(e.IMAP_TLS_CA_FILE),
          user: e.IMAP_USER,
          password: e.IMAP_PASSWORD,
          folder: e.IMAP_FOLDER,
          pollIntervalMs: e.IMAP_POLL_INTERVAL_MS,
          batchSize: e.IMAP_BATCH_SIZE,
        }
      : null,
  };
}
