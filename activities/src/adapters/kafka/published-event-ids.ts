/**
 * Which of some events are already in the topic: the outbox relay asks this when it cannot know whether its last
 * send arrived (it took over from a relay that may have died mid-send, or a send failed without an answer). It reads
 * each partition from a given offset (where nothing unconfirmed can be before) to its end, and returns the event ids
 * (EVENT_ID_HEADER) of `wanted` found there. When every partition is already at its end, nothing is read at all.
 */
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { EVENT_ID_HEADER } from './email-event';

/** partition → offset */
export type PartitionOffsets = Record<string, string>;

export async function publishedEventIds(
  kafka: Kafka,
  topic: string,
  from: PartitionOffsets,
  wanted: ReadonlySet<string>,
  options: { timeoutMs?: number } = {},
): Promise<Set<string>> {
  const ends = await topicEnds(kafka, topic);
  const toRead = ends
    .map(({ partition, low, high }) => ({ partition, start: maxOffset(from[String(partition)] ?? low, low), high }))
    .filter(({ start, high }) => BigInt(start) < BigInt(high));
  const found = new Set<string>();
  if (toRead.length === 0 || wanted.size === 0) return found;

  const consumer = kafka.consumer({ groupId: `replique-event-relay-check-${randomBytes(6).toString('hex')}` });
  const remaining = new Map(toRead.map(({ partition, high }) => [partition, BigInt(high)]));
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const allRead = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const id = message.headers?.[EVENT_ID_HEADER]?.toString();
        if (id && wanted.has(id)) found.add(id);
        const high = remaining.get(partition);
        if (high !== undefined && BigInt(message.offset) + 1n >= high) remaining.delete(partition);
        if (remaining.size === 0) done();
      },
    });
    for (const { partition, start } of toRead) consumer.seek({ topic, partition, offset: start });
    const timeoutMs = options.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`reading ${topic} back took more than ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([allRead, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    return found;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** Each partition's first and next offsets. */
export async function topicEnds(kafka: Kafka, topic: string): Promise<Array<{ partition: number; low: string; high: string }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high }));
  } finally {
    await admin.disconnect();
  }
}

function maxOffset(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}
