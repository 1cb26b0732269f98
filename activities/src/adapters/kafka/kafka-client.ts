/**
 * The kafkajs client for Réplique: logs through the PII-redacting logger, and creates the topics it needs.
 */
import type { ConnectionOptions } from 'node:tls';
import { Kafka, logLevel, type Admin, type ITopicConfig, type logCreator, type SASLOptions } from 'kafkajs';
import { createLogger } from '../../logger';

const log = createLogger('adapter.kafka');

/**
 * kafkajs INFO lines (group joins, connections) are routine: they go to debug. So does its report of a failed
 * eachMessage handler: the inbound consumer logs that itself, with the email key.
 */
const kafkaLogCreator: logCreator = () => ({ namespace, level, log: entry }) => {
  const { message, timestamp: _timestamp, logger: _logger, ...rest } = entry;
  const fields = { namespace, ...rest };
  const handlerFailure = namespace === 'Runner' && message.startsWith('Error when calling eachMessage');
  // We limit the idempotent producer's retries on purpose: a caller (HTTP intake, an activity) gets an error
  // and retries instead of hanging; a duplicate publish is harmless (consumers are idempotent).
  const limitedRetries = message.startsWith('Limiting retries for the idempotent producer');
  if (level === logLevel.ERROR && !handlerFailure) log.error(fields, message);
  else if (level === logLevel.WARN && !limitedRetries) log.warn(fields, message);
  else log.debug(fields, message);
};

/** TLS and SASL to the brokers (services/src/config/tls-env.ts); {}: plaintext, as on the local stack. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions | boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export function createKafka(brokers: string[], clientId: string, security: KafkaSecurity = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...(security.ssl ? { ssl: security.ssl } : {}),
    ...(security.sasl ? { sasl: security.sasl as SASLOptions } : {}),
    logLevel: logLevel.INFO,
    logCreator: kafkaLogCreator,
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}

/** Creates the topics that do not exist yet (single-node local stack: replication factor 1 by default). */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: { numPartitions?: number; replicationFactor?: number } = {},
): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter((topic) => !existing.has(topic))
      .map((topic) => ({
        topic,
        numPartitions: options.numPartitions ?? 3,
        replicationFactor: options.replicationFactor ?? 1,
      }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
