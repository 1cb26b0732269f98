/**
 * Consumer of `email.inbound` (committed-consumer.ts: per-batch commits after the handlers, at-least-once). Handlers
 * must be idempotent — the starter's is: a duplicate workflow start is rejected by Temporal. A message that is not a
 * valid InboundRef is logged (no content) and skipped. `stop()` aborts the `signal` given to in-flight handlers; a handler that gives up
 * throws, its message stays uncommitted and is redelivered to the next consumer of the group.
 */
import type { Kafka, KafkaMessage } from 'kafkajs';
import { InboundRefReadSchema, type InboundRef } from '../../domain/inbound-ref';
import { consumeCommitted, type CommittedConsumer, type MessageMeta } from './committed-consumer';
import { EMAIL_TOPICS } from './topics';

export type InboundMessageMeta = MessageMeta;

export type InboundHandler = (ref: InboundRef, meta: InboundMessageMeta) => Promise<void>;

export interface ConsumeInboundOptions {
  groupId: string;
  handler: InboundHandler;
  topic?: string;
  /** Where a group without committed offsets starts. Default true: nothing published before the first start is lost. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
}

export type InboundConsumer = CommittedConsumer;

function parseRef(message: KafkaMessage): InboundRef | null {
  if (!message.value) return null;
  try {
    const parsed = InboundRefReadSchema.safeParse(JSON.parse(message.value.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function consumeInbound(kafka: Kafka, options: ConsumeInboundOptions): Promise<InboundConsumer> {
  return consumeCommitted<InboundRef>(kafka, {
    name: 'inbound',
    topic: options.topic ?? EMAIL_TOPICS.inbound,
    groupId: options.groupId,
    fromBeginning: options.fromBeginning,
    sessionTimeoutMs: options.sessionTimeoutMs,
    parse: parseRef,
    handle: options.handler,
    emailKeyOf: (ref) => ref.emailKey,
  });
}
