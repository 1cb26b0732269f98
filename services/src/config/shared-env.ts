/**
 * Variables that several processes read, as zod shapes to spread into each process's schema.
 * Defaults match the local stack (infra/local/stack.sh); production sets every one explicitly.
 */
import { z } from 'zod';
import { MIGRATIONS_DIR } from '@replique/activities/adapters/pg/migrate';
import { MIN_LINK_SECRET_LENGTH } from '@replique/activities/outbound/reply-link-token';
import { CONVERSION_WINDOW_DAYS } from '@replique/activities/kpi/kpi-definitions';
import { booleanFromEnv, csvList, existingDirectory, logLevel, port } from './parse-env';
import { imapTlsEnv, kafkaTlsEnv, postgresUrl, smtpTlsEnv } from './tls-env';

export const commonEnv = {
  LOG_LEVEL: logLevel.default('info'),
};

export const postgresEnv = {
  /** TLS in the URL, libpq's way: ?sslmode=verify-full&sslrootcert=/ca.pem[&sslcert=…&sslkey=…] (tls-env.ts). */
  DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5433/replique'),
  /** The SQL migrations every process applies at start; default: infra/migrations of this source tree. */
  REPLIQUE_MIGRATIONS_DIR: existingDirectory.default(MIGRATIONS_DIR),
};

export const kafkaEnv = {
  KAFKA_BROKERS: csvList.default(['127.0.0.1:9092']),
  KAFKA_TOPIC_INBOUND: z.string().min(1).default('email.inbound'),
  KAFKA_TOPIC_EVENTS: z.string().min(1).default('email.events'),
  ...kafkaTlsEnv,
};

export const imapEnv = {
  IMAP_HOST: z.string().min(1).default('127.0.0.1'),
  IMAP_PORT: port.default(1143),
  /** TLS from the first byte (993). Locally off; STARTTLS is not forced either. */
  IMAP_SECURE: booleanFromEnv.default(false),
  IMAP_USER: z.string().min(1).default('support'),
  IMAP_PASSWORD: z.string().min(1).default('secret'),
  IMAP_FOLDER: z.string().min(1).default('INBOX'),
  ...imapTlsEnv,
};

export const smtpEnv = {
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
  SMTP_SECURE: booleanFromEnv.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** The From of our replies. */
  SMTP_FROM: z.string().min(3).default('Réplique Support <support@replique.local>'),
  ...smtpTlsEnv,
};

/**
 * The signed links of outgoing replies (rate this reply; a person next time): the worker signs them, the review
 * service checks them and serves their pages. Unset secret: replies carry no links and the pages are not served.
 */
export const replyLinkSecretEnv = {
  /** HMAC-SHA256 key of the link tokens; the same value in the worker and the review service. */
  REPLY_LINK_SECRET: z.string().min(MIN_LINK_SECRET_LENGTH, `must be at least ${MIN_LINK_SECRET_LENGTH} characters`).optional(),
};

/**
 * The process's Prometheus endpoint (GET /metrics on its own port; services/src/metrics/). Each process has its own
 * default port: intake 9461, starter 9462, worker 9463, review 9464. METRICS_PORT=0 turns the endpoint off.
 */
export function metricsEnv(defaultPort: number) {
  return {
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(defaultPort),
  };
}

/** The OpenTelemetry SDK's sampler names (OTEL_TRACES_SAMPLER), the ones that make sense for Réplique. */
export const TRACE_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

/**
 * OpenTelemetry traces (services/src/telemetry/): off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard
 * variable: an OTLP/HTTP collector, e.g. http://127.0.0.1:4318; spans go to its /v1/traces). Each process has its
 * own service name by default (replique-intake, -starter, -worker, -review). Sampling, the SDK's standard variables:
 * `parentbased_traceidratio` with OTEL_TRACES_SAMPLER_ARG=0.1 keeps one email in ten, each kept one's trace whole
 * (the intake decides; the later hops follow the parent).
 */
export function tracingEnv(serviceName: string) {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default(serviceName),
    OTEL_TRACES_SAMPLER: z.enum(TRACE_SAMPLERS).default('parentbased_always_on'),
    /** The ratio of the *traceidratio samplers, 0 to 1. */
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  };
}

export interface TracingSettings {
  /** OTLP/HTTP base address (a collector's :4318); unset: no tracing. */
  endpoint?: string | undefined;
  serviceName: string;
  /** Default parentbased_always_on (every trace). */
  sampler?: TraceSampler;
  /** The ratio of the *traceidratio samplers (default 1). */
  samplerRatio?: number;
}

/** A process's tracing settings, from the variables of `tracingEnv`. */
export function tracingSettings(config: {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined; OTEL_SERVICE_NAME: string; OTEL_TRACES_SAMPLER: TraceSampler; OTEL_TRACES_SAMPLER_ARG: number;
}): TracingSettings {
  return {
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: config.OTEL_SERVICE_NAME,
    sampler: config.OTEL_TRACES_SAMPLER,
    samplerRatio: config.OTEL_TRACES_SAMPLER_ARG,
  };
}

/** Conversion after email (KPI page, weekly report): an order within this many days after a reply counts. */
export const conversionEnv = {
  KPI_CONVERSION_WINDOW_DAYS: z.coerce.number().int().min(1).max(90).default(CONVERSION_WINDOW_DAYS),
};
