/**
 * Addresses of the local stack for adapter tests (`eval "$(bash infra/local/stack.sh env)"` sets them; the
 * defaults are the stack's), and a polling wait.
 */
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { localHome } from '../support/paths';

export const stack = {
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  imap: {
    host: process.env.IMAP_HOST ?? '127.0.0.1',
    port: Number(process.env.IMAP_PORT ?? 1143),
    secure: false,
    user: process.env.IMAP_USER ?? 'support',
    password: process.env.IMAP_PASSWORD ?? 'secret',
  },
  smtp: { host: process.env.SMTP_HOST ?? '127.0.0.1', port: Number(process.env.SMTP_PORT ?? 2525) },
  smtpSinkDir: process.env.SMTP_SINK_DIR ?? path.join(localHome, 'data', 'smtp-out'),
};

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Deletes a test's own topics (best effort: a broker that refuses leaves them, they are uniquely named). */
export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const mine = topics.filter((t) => existing.has(t));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 5_000 });
  } catch {
    // ignore
  } finally {
    await admin.disconnect();
  }
}

/**
 * Where a consumer group stands on a topic, per partition (`p0 12/40`: committed offset / end offset), for the message
 * of a test that timed out waiting for a consumer: a group stuck behind the end tells a stalled consumer from a
 * message never published.
 */
export async function groupLag(kafka: Kafka, groupId: string, topic: string): Promise<string> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    return ends
      .map((end) => `p${end.partition} ${committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '?'}/${end.high}`)
      .join(', ');
  } catch (err) {
    return `lag unknown (${(err as Error).message})`;
  } finally {
    await admin.disconnect();
  }
}
