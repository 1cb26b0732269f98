/**
 * A consumer group on `email.events` (committed-consumer.ts: per-batch commits after the handlers, at-least-once, in
 * order per email); handlers are idempotent by the event's id. A message that is not an event is logged (no content) and skipped.
 */
import type { Kafka } from 'kafkajs';
import { parseKpiEvent, type KpiEvent } from '../../kpi/kpi-event';
import { consumeCommitted, type CommittedConsumer } from './committed-consumer';
import { EMAIL_TOPICS } from './topics';

export interface ConsumeEventsOptions {
  groupId: string;
  handler: (event: KpiEvent) => Promise<void>;
  topic?: string;
  /** Where a group without committed offsets starts. Default true: every event ever published counts. */
  fromBeginning?: boolean;
}

export type EventConsumer = CommittedConsumer;

export function consumeEvents(kafka: Kafka, options: ConsumeEventsOptions): Promise<EventConsumer> {
  return consumeCommitted<KpiEvent>(kafka, {
    name: 'event',
    topic: options.topic ?? EMAIL_TOPICS.events,
    groupId: options.groupId,
    fromBeginning: options.fromBeginning,
    parse: (message) => parseKpiEvent(message.value),
    handle: (event) => options.handler(event),
    emailKeyOf: (event) => event.emailKey,
  });
}
