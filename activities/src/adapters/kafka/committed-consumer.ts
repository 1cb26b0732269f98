/**
 * A consumer group with manual commits, the one way this project reads a topic: an offset is committed only after
 * the handler took the message, so a crash or a failing handler means redelivery from the last committed offset
 * (at-least-once; handlers are idempotent). Messages of one partition (so of one email, as messages are keyed by
 * email) are handled one at a time, in order. A message `parse` refuses cannot succeed on retry: it is logged (no
 * content) and skipped. `stop()` aborts the `signal` given to in-flight handlers, then leaves the group.
 */
import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { createLogger } from '../../logger';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  /** The message's headers (e.g. its trace context: trace-context.ts). */
  headers?: IHeaders | undefined;
  /** Aborted when the consumer is stopping. */
  signal: AbortSignal;
}

export interface CommittedConsumerOptions<T> {
  /** Names the consumer in logs, e.g. `inbound`. */
  name: string;
  topic: string;
  groupId: string;
  /** Where a group without committed offsets starts (default true: nothing published before the first start is lost). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  parse(message: KafkaMessage): T | null;
  handle(item: T, meta: MessageMeta): Promise<void>;
  /** The email a message is about, for logs. */
  emailKeyOf(item: T): string;
}

export interface CommittedConsumer {
  /** Stops fetching, aborts in-flight handlers, leaves the group. */
  stop(): Promise<void>;
}

export async function consumeCommitted<T>(kafka: Kafka, options: CommittedConsumerOptions<T>): Promise<CommittedConsumer> {
  const { name, topic } = options;
  const log = createLogger(`adapter.kafka.${name}-consumer`);
  const stopping = new AbortController();
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: 3_000,
    // After a handler error, kafkajs retries in place; when its retries run out the consumer restarts.
    retry: { initialRetryTime: 500, retries: 5 },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    log.error({ err: payload.error, groupId: options.groupId, restart: payload.restart }, `${name} consumer crashed`);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  const commit = (partition: number, offset: string) =>
    consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const item = options.parse(message);
      if (item === null) {
        log.error({ topic, partition, offset: message.offset }, `invalid ${name} message skipped`);
        await commit(partition, message.offset);
        return;
      }
      try {
        await options.handle(item, { topic, partition, offset: message.offset, headers: message.headers, signal: stopping.signal });
      } catch (err) {
        log.warn({ err, emailKey: options.emailKeyOf(item), partition, offset: message.offset },
          `${name} handler failed; message not committed, it will be redelivered`);
        throw err;
      }
      await commit(partition, message.offset);
    },
  });

  return {
    async stop() {
      stopping.abort();
      await consumer.disconnect();
    },
  };
}
