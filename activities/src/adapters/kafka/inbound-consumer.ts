/**
 * Consumer of `email.inbound` with manual commits: an offset is committed only after the handler succeeded,
 * so a crash or a failing handler means redelivery (at-least-once). Handlers must be idempotent — the starter's
 * is: a duplicate workflow start is rejected by Temporal.
 *
 * A message that is not a valid InboundRef cannot succeed on retry: it is logged (no content) and skipped.
 * `stop()` aborts the `signal` given to in-flight handlers; a handler that gives up throws, its message stays
 * uncommitted and is redelivered to the next consumer of the group.
 */
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { InboundRefReadSchema, type InboundRef } from '../../domain/inbound-ref';
import { createLogger } from '../../logger';
import { EMAIL_TOPICS } from './topics';

const log = createLogger('adapter.kafka.inbound-consumer');

export interface InboundMessageMeta {
  topic: string;
  partition: number;
  offset: string;
  /** Aborted when the consumer is stopping. */
  signal: AbortSignal;
}

export type InboundHandler = (ref: InboundRef, meta: InboundMessageMeta) => Promise<void>;

export interface ConsumeInboundOptions {
  groupId: string;
  handler: InboundHandler;
  topic?: string;
  /** Where a group without committed offsets starts. Default true: nothing published before the first start is lost. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
}

export interface InboundConsumer {
  /** Stops fetching, aborts in-flight handlers, waits for them, leaves the group. */
  stop(): Promise<void>;
}

function parseRef(message: KafkaMessage): InboundRef | null {
  if (!message.value) return null;
  try {
    const parsed = InboundRefReadSchema.safeParse(JSON.parse(message.value.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function consumeInbound(kafka: Kafka, options: ConsumeInboundOptions): Promise<InboundConsumer> {
  const topic = options.topic ?? EMAIL_TOPICS.inbound;
  const stopping = new AbortController();
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    heartbeatInterval: 3_000,
    // After a handler error, kafkajs retries in place; when its retries run out the consumer restarts.
    retry: { initialRetryTime: 500, retries: 5 },
  });

  consumer.on(consumer.events.CRASH, ({ payload }) => {
    log.error({ err: payload.error, groupId: options.groupId, restart: payload.restart }, 'inbound consumer crashed');
  });

  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });

  const commit = (partition: number, offset: string) =>
    consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: messageTopic, partition, message }) => {
      const ref = parseRef(message);
      if (!ref) {
        log.error({ topic: messageTopic, partition, offset: message.offset }, 'invalid inbound message skipped');
        await commit(partition, message.offset);
        return;
      }
      try {
        await options.handler(ref, { topic: messageTopic, partition, offset: message.offset, signal: stopping.signal });
      } catch (err) {
        log.warn(
          { err, emailKey: ref.emailKey, partition, offset: message.offset },
          'inbound handler failed; message not committed, it will be redelivered',
        );
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
