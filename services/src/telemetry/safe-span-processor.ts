/**
 * The last step before a span leaves the process: only allow-listed attributes, with PII-free values, go out.
 * Temporal's interceptors put the whole WorkflowInfo on workflow spans (memo, search attributes, functions) and error
 * messages on failed spans; a span never carries an email's subject, addresses or text. So:
 * - attributes: the Temporal identifiers (renamed to `temporal.*` as well, so one query finds every span of an email:
 *   `temporal.workflow_id`), and this project's own `replique.*`, `http.*`, `messaging.*` keys; anything else is dropped;
 * - free text that stays (status and exception messages, string values) has its email addresses masked, as in logs.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { maskEmailAddresses } from '@replique/activities/logger';

/** Temporal's attribute names (interceptors, WorkflowInfo) → the names a search uses. */
const TEMPORAL_NAMES: Readonly<Record<string, string>> = {
  temporalWorkflowId: 'temporal.workflow_id',
  workflowId: 'temporal.workflow_id',
  run_id: 'temporal.run_id',
  runId: 'temporal.run_id',
  temporalActivityId: 'temporal.activity_id',
  temporalUpdateId: 'temporal.update_id',
  workflowType: 'temporal.workflow_type',
  taskQueue: 'temporal.task_queue',
  namespace: 'temporal.namespace',
  attempt: 'temporal.attempt',
};

const OWN_PREFIXES = ['temporal.', 'replique.', 'http.', 'messaging.', 'exception.type'];

type AttributeValue = string | number | boolean;

export function safeAttributes(attributes: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const safe: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const name = TEMPORAL_NAMES[key] ?? (OWN_PREFIXES.some((prefix) => key.startsWith(prefix)) ? key : null);
    if (name === null) continue;
    safe[name] = typeof value === 'string' ? maskEmailAddresses(value) : value;
  }
  return safe;
}

function safeEvent(event: TimedEvent): TimedEvent {
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(event.attributes ?? {})) {
    if (typeof value === 'string') attributes[key] = maskEmailAddresses(value);
    else if (typeof value === 'number' || typeof value === 'boolean') attributes[key] = value;
  }
  return { ...event, attributes };
}

/** The same span seen through a PII-free view (its methods and other fields inherited). */
export function safeSpan(span: ReadableSpan): ReadableSpan {
  const status = span.status.message === undefined ? span.status : { ...span.status, message: maskEmailAddresses(span.status.message) };
  return Object.create(span, {
    attributes: { value: safeAttributes(span.attributes), enumerable: true },
    events: { value: span.events.map(safeEvent), enumerable: true },
    status: { value: status, enumerable: true },
  }) as ReadableSpan;
}

export class SafeSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(safeSpan(span));
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
