/**
 * The consumer side of the Kafka hop: a `email.inbound process` span, child of the context the intake produced the
 * message in (its `traceparent` header), so the workflow the starter starts joins the email's trace.
 */
import { SpanKind } from '@opentelemetry/api';
import { traceContextOf } from '@replique/activities/adapters/kafka/trace-context';
import type { MessageMeta } from '@replique/activities/adapters/kafka/committed-consumer';
import { inSpan } from './spans';
import type { Tracing } from './tracing';

export function inConsumerSpan<T>(tracing: Tracing | null, meta: MessageMeta, emailKey: string, work: () => Promise<T>): Promise<T> {
  return inSpan(tracing, `${meta.topic} process`, work, {
    kind: SpanKind.CONSUMER,
    parent: traceContextOf(meta.headers),
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': meta.topic,
      'messaging.kafka.offset': Number(meta.offset),
      'replique.email_key': emailKey,
    },
  });
}
