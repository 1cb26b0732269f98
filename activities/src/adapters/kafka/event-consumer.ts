/**
 * A consumer group on `email.events` with manual commits: an offset is committed only after the handler took the
 * event, so a crash means redelivery from the last committed offset (at-least-once); handlers are idempotent by the
 * event's key. Messages of one partition (so of one email, as events are keyed by email) are handled one at a time,
 * in order. A message that is not an event cannot succeed on retry: it is logged (no content) and skipped.
 */
import type { Consumer, Kafka } from 'kafkajs';
import { parseKpiEvent, type KpiEvent } from '../../kpi/kpi-event';
import { createLogger } from '../../logger';
import { EMAIL_TOPICS } from './topics';

const log = createLogger('adapter.kafka.event-consumer');

export interface ConsumeEventsOptions {
  groupId: string;
  handler: (event: KpiEvent) => Promise<void>;
  topic?: string;
  /** Where a group without committed offsets starts. Default true: every event ever published counts. */
  fromBeginning?: boolean;
}

export interface EventConsumer {
  stop(): Promise<void>;
}

export async function consumeEvents(kafka: Kafka, options: ConsumeEventsOptions): Promise<EventConsumer> {
  const topic = options.topic ?? EMAIL_TOPICS.events;
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    retry: { initialRetryTime: 500, retries: 5 },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    log.error({ err: payload.error, groupId: options.groupId, restart: payload.restart }, 'event consumer crashed');
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  const commit = (partition: number, offset: string) =>
    consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const event = parseKpiEvent(message.value);
      if (!event) {
        log.error({ topic, partition, offset: message.offset }, 'invalid event skipped');
        return commit(partition, message.offset);
      }
      try {
        await options.handler(event);
      } catch (err) {
        log.warn({ err, emailKey: event.emailKey, partition, offset: message.offset }, 'event handler failed; it will be redelivered');
        throw err;
      }
      await commit(partition, message.offset);
    },
  });
  return { stop: () => consumer.disconnect() };
}
