/** A span around a piece of work, active while it runs; with tracing off (null), just the work. */
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context } from '@opentelemetry/api';
import type { Tracing } from './tracing';

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The parent (e.g. extracted from a message's headers); default: the active context. */
  parent?: Context;
}

export async function inSpan<T>(tracing: Tracing | null, name: string, work: () => Promise<T>, options: SpanOptions = {}): Promise<T> {
  if (!tracing) return work();
  const parent = options.parent ?? context.active();
  const span = tracing.tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    // The error's type only: its message may quote what it failed on.
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}
