/** Collects every message of a test's `email.events` topic: key, partition, event id, stage and event. */
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

export interface CapturedEvent {
  key: string;
  partition: number;
  eventId: string;
  stage: string;
  event: string;
  data: Record<string, unknown>;
}

export interface EventCapture {
  events: CapturedEvent[];
  /** Event ids seen more than once. */
  duplicates(): string[];
  /** Per email, the events' ids in the order they arrived. */
  idsByKey(): Map<string, string[]>;
  stop(): Promise<void>;
}

export async function captureEvents(kafka: Kafka, topic: string): Promise<EventCapture> {
  const events: CapturedEvent[] = [];
  const consumer: Consumer = kafka.consumer({ groupId: `test-events-${randomUUID().slice(0, 8)}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const value = JSON.parse(message.value!.toString()) as Omit<CapturedEvent, 'key' | 'partition'>;
      events.push({ key: message.key!.toString(), partition, eventId: value.eventId, stage: value.stage, event: value.event, data: value.data });
    },
  });
  return {
    events,
    duplicates() {
      const seen = new Set<string>();
      return events.filter((e) => (seen.has(e.eventId) ? true : (seen.add(e.eventId), false))).map((e) => e.eventId);
    },
    idsByKey() {
      const byKey = new Map<string, string[]>();
      for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e.eventId]);
      return byKey;
    },
    stop: () => consumer.disconnect(),
  };
}
