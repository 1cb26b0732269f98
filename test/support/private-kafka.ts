/**
 * A Kafka of a test's own (infra/local/stack.sh with its own REPLIQUE_HOME and ports), for tests that stop Kafka:
 * the shared stack's broker is never touched. Jars come from the shared cache, so a start takes 15–30 s.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';
import { freePort } from './smtp-sink';

export interface PrivateKafka {
  brokers: string[];
  start(): Promise<void>;
  /** Stops the broker (data kept). */
  stop(): Promise<void>;
  /** Stops it and deletes its home. */
  destroy(): Promise<void>;
}

/** TLS listeners (infra/local/lib/kafka.sh): SSL on `tlsPort`, SASL_SSL (PLAIN, user replique) on `saslPort`. */
export interface PrivateKafkaTls {
  /** PKCS#8 key and certificate for `localhost`, in one PEM file. */
  keystoreFile: string;
  tlsPort: number;
  saslPort?: number;
  saslPassword?: string;
}

export async function privateKafka(name: string, tls?: PrivateKafkaTls): Promise<PrivateKafka> {
  const home = path.join(os.tmpdir(), `replique-kafka-${name}-${process.pid}`);
  const port = await freePort();
  const controllerPort = await freePort();
  const env = {
    ...process.env, REPLIQUE_HOME: home, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort),
    ...(tls ? {
      KAFKA_TEST_TLS_PORT: String(tls.tlsPort), KAFKA_TEST_TLS_KEYSTORE: tls.keystoreFile,
      KAFKA_TEST_SASL_PORT: tls.saslPort ? String(tls.saslPort) : '', KAFKA_TEST_SASL_PASSWORD: tls.saslPassword ?? '',
    } : {}),
  };
  const stack = (command: 'up' | 'down') =>
    promisify(execFile)('bash', [path.join(repoRoot, 'infra', 'local', 'stack.sh'), command, 'kafka'], { env, timeout: 180_000 });
  return {
    brokers: [`127.0.0.1:${port}`],
    start: async () => { await stack('up'); },
    stop: async () => { await stack('down'); },
    async destroy() {
      await stack('down').catch(() => undefined);
      await rm(home, { recursive: true, force: true });
    },
  };
}
