/**
 * TLS (and Kafka's SASL) for every client of a server: Postgres, Kafka, Temporal, SMTP, IMAP. Off by default (the
 * local stack has no TLS); docs/deploy.md, "TLS", says how to turn each on. Files (CA, client certificate and key)
 * are paths checked to exist when the configuration is parsed, read once at start.
 *
 * Postgres takes its options in DATABASE_URL itself, libpq's way (`?sslmode=verify-full&sslrootcert=/ca.pem`, plus
 * `sslcert` and `sslkey` for a client certificate): every connection the processes open (pools, LISTEN clients, the
 * outbox relay, the CLI) reads the same URL. The URL is checked here: a known sslmode, files that exist, both halves
 * of a client certificate.
 */
import { readFileSync, statSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { z } from 'zod';
import type { KafkaSecurity } from '@replique/activities/adapters/kafka/kafka-client';
import { booleanFromEnv, existingFile } from './parse-env';

/** sslmode values node-postgres understands (verify-full is the one to use: the CA and the host name are checked). */
export const PG_SSLMODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** DATABASE_URL's TLS parameters: problems in words (never the URL: it holds the password). */
export function postgresTlsProblems(url: string): string[] {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];   // the URL check itself reports it
  }
  const problems: string[] = [];
  const mode = params.get('sslmode');
  if (mode !== null && !(PG_SSLMODES as readonly string[]).includes(mode)) problems.push(`sslmode must be one of ${PG_SSLMODES.join(', ')}`);
  for (const name of ['sslrootcert', 'sslcert', 'sslkey']) {
    const file = params.get(name);
    if (file !== null && !isFile(file)) problems.push(`${name} must name an existing file`);
  }
  if (params.has('sslcert') !== params.has('sslkey')) problems.push('sslcert and sslkey go together (a client certificate and its key)');
  return problems;
}

/** A postgres:// URL whose TLS parameters are checked (postgresEnv's DATABASE_URL). */
export const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ }).superRefine((url, ctx) => {
  for (const message of postgresTlsProblems(url)) ctx.addIssue({ code: 'custom', message });
});

export const kafkaTlsEnv = {
  /** TLS to the brokers (their SSL or SASL_SSL listener). */
  KAFKA_SSL: booleanFromEnv.default(false),
  /** The CA that signed the brokers' certificates (PEM); unset: the system's CAs. */
  KAFKA_SSL_CA_FILE: existingFile.optional(),
  /** A client certificate and its key (PEM), for brokers that authenticate clients by certificate (ssl.client.auth). */
  KAFKA_SSL_CERT_FILE: existingFile.optional(),
  KAFKA_SSL_KEY_FILE: existingFile.optional(),
  /** SASL authentication (a SASL_PLAINTEXT or, with KAFKA_SSL, SASL_SSL listener). */
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
};

export const temporalTlsEnv = {
  /** TLS to the Temporal frontend (Temporal Cloud, or a cluster with TLS on its frontend). */
  TEMPORAL_TLS: booleanFromEnv.default(false),
  /** The CA of the frontend's certificate (PEM); unset: the system's CAs (Temporal Cloud). */
  TEMPORAL_TLS_CA_FILE: existingFile.optional(),
  /** mTLS: the client certificate and its key (PEM), e.g. Temporal Cloud's namespace certificate. */
  TEMPORAL_TLS_CERT_FILE: existingFile.optional(),
  TEMPORAL_TLS_KEY_FILE: existingFile.optional(),
  /** The name the frontend's certificate carries, when it is not TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
};

export const smtpTlsEnv = {
  /** On a plain port (587, 25): refuse to send unless the server offers STARTTLS (SMTP_SECURE=true is TLS from the first byte, 465). */
  SMTP_REQUIRE_TLS: booleanFromEnv.default(false),
  /** The CA of the relay's certificate (PEM), for implicit TLS and STARTTLS; unset: the system's CAs. */
  SMTP_TLS_CA_FILE: existingFile.optional(),
};

export const imapTlsEnv = {
  /** On a plain port (143): refuse to log in unless the server upgrades with STARTTLS (IMAP_SECURE=true is TLS from the first byte, 993). */
  IMAP_REQUIRE_TLS: booleanFromEnv.default(false),
  /** The CA of the IMAP server's certificate (PEM); unset: the system's CAs. */
  IMAP_TLS_CA_FILE: existingFile.optional(),
};

type Pairs = Record<string, unknown>;

/** Settings that only make sense together; added to each process schema with superRefine. */
export function tlsConsistency(env: Pairs, ctx: z.RefinementCtx): void {
  const pair = (a: string, b: string, why: string) => {
    if (a in env || b in env) {
      if ((env[a] === undefined) !== (env[b] === undefined)) ctx.addIssue({ code: 'custom', path: [env[a] === undefined ? a : b], message: why });
    }
  };
  pair('KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE', 'a client certificate and its key go together');
  pair('TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'a client certificate and its key go together');
  if (env.KAFKA_SASL_MECHANISM !== undefined && (env.KAFKA_SASL_USERNAME === undefined || env.KAFKA_SASL_PASSWORD === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_USERNAME'], message: 'KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD' });
  }
  const kafkaFiles = ['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE'].filter((k) => env[k] !== undefined);
  if (kafkaFiles.length > 0 && env.KAFKA_SSL === false) ctx.addIssue({ code: 'custom', path: [kafkaFiles[0]!], message: 'needs KAFKA_SSL=true' });
  const temporalFiles = ['TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_SERVER_NAME'].filter((k) => env[k] !== undefined);
  if (temporalFiles.length > 0 && env.TEMPORAL_TLS === false) ctx.addIssue({ code: 'custom', path: [temporalFiles[0]!], message: 'needs TEMPORAL_TLS=true' });
}

const read = (file: string | undefined): string | undefined => (file ? readFileSync(file, 'utf8') : undefined);
const readBuffer = (file: string | undefined): Buffer | undefined => (file ? readFileSync(file) : undefined);

/** What kafkajs needs besides the brokers. */
export type { KafkaSecurity };

export function kafkaSecurityOf(e: Partial<Record<keyof typeof kafkaTlsEnv, unknown>>): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (e.KAFKA_SSL === true) {
    const ca = read(e.KAFKA_SSL_CA_FILE as string | undefined);
    const cert = read(e.KAFKA_SSL_CERT_FILE as string | undefined);
    const key = read(e.KAFKA_SSL_KEY_FILE as string | undefined);
    security.ssl = ca || cert ? { ...(ca ? { ca } : {}), ...(cert ? { cert, key } : {}) } : true;
  }
  if (e.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: e.KAFKA_SASL_MECHANISM as 'plain' | 'scram-sha-256' | 'scram-sha-512',
      username: e.KAFKA_SASL_USERNAME as string,
      password: e.KAFKA_SASL_PASSWORD as string,
    };
  }
  return security;
}

/** The `tls` option of Temporal's Connection.connect / NativeConnection.connect; undefined: plain TCP. */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

export function temporalTlsOf(e: Partial<Record<keyof typeof temporalTlsEnv, unknown>>): TemporalTls | undefined {
  if (e.TEMPORAL_TLS !== true) return undefined;
  const ca = readBuffer(e.TEMPORAL_TLS_CA_FILE as string | undefined);
  const crt = readBuffer(e.TEMPORAL_TLS_CERT_FILE as string | undefined);
  const key = readBuffer(e.TEMPORAL_TLS_KEY_FILE as string | undefined);
  return {
    ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: e.TEMPORAL_TLS_SERVER_NAME as string } : {}),
    ...(ca ? { serverRootCACertificate: ca } : {}),
    ...(crt && key ? { clientCertPair: { crt, key } } : {}),
  };
}

/** The CA of a mail server (SMTP_TLS_CA_FILE, IMAP_TLS_CA_FILE), as node:tls options; {} when unset. */
export function mailTlsOf(caFile: string | undefined): ConnectionOptions {
  const ca = read(caFile);
  return ca ? { ca } : {};
}
