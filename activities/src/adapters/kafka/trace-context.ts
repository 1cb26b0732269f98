/**
 * The W3C trace context (`traceparent`, `tracestate`) in Kafka message headers, so one email's trace crosses
 * `email.inbound` from the intake to the starter (services/src/telemetry/). Both are no-ops while the process has no
 * propagator registered (tracing off): no header is added, an empty context comes out.
 */
import { context, propagation, type Context } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';

/** The active context's headers, to add to a message being produced. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a consumed message was produced in (the active one when it carries none). */
export function traceContextOf(headers: IHeaders | undefined): Context {
  const carrier: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) carrier[key] = first.toString();
  }
  return propagation.extract(context.active(), carrier);
}
