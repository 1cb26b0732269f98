/** Collects what lands on a test's inbound topic, so tests can count publishes per emailKey. */
import type { Kafka } from 'kafkajs';
import { consumeInbound, type InboundConsumer } from '../../activities/src/adapters/kafka/inbound-consumer';
import type { InboundRef } from '../../activities/src/domain/inbound-ref';

export interface InboundCapture {
  refs: InboundRef[];
  stop(): Promise<void>;
}

export async function captureInbound(kafka: Kafka, topic: string, groupId: string): Promise<InboundCapture> {
  const refs: InboundRef[] = [];
  const consumer: InboundConsumer = await consumeInbound(kafka, {
    groupId,
    topic,
    handler: async (ref) => {
      refs.push(ref);
    },
  });
  return { refs, stop: () => consumer.stop() };
}
