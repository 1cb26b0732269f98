/**
 * OpenTelemetry traces of one process (intake, starter, worker, review): off unless OTEL_EXPORTER_OTLP_ENDPOINT is
 * set, then spans go by OTLP/HTTP (JSON) to `<endpoint>/v1/traces`, batched (the SDK's OTEL_BSP_* variables apply),
 * through SafeSpanProcessor (no PII leaves). The W3C trace context crosses every hop: HTTP headers, Kafka message
 * headers (activities/src/adapters/kafka/trace-context.ts), Temporal headers (temporal-tracing.ts).
 *
 * Each process has its own tracer provider (its service name); the context manager and the propagator are the
 * process's globals, registered by the first one started.
 */
import type { Tracer } from '@opentelemetry/api';
import { Resource } from '@opentelemetry/resources';
import {
  AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler, type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { SafeSpanProcessor } from './safe-span-processor';
import type { TracingSettings } from '../config/shared-env';

export type { TracingSettings };

export interface Tracing {
  readonly serviceName: string;
  readonly tracer: Tracer;
  readonly resource: Resource;
  /** Where spans made outside the provider (the workflow isolate's, through the worker's sink) are handed. */
  readonly spanProcessor: SpanProcessor;
  /** Exports what is pending, then stops. */
  shutdown(): Promise<void>;
}

/** The sampler OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG name (parsed by the config schema). */
export function samplerOf(settings: Pick<TracingSettings, 'sampler' | 'samplerRatio'>): Sampler {
  const ratio = settings.samplerRatio ?? 1;
  const root = (name: string): Sampler =>
    name.endsWith('always_off') ? new AlwaysOffSampler() : name.endsWith('traceidratio') ? new TraceIdRatioBasedSampler(ratio) : new AlwaysOnSampler();
  const name = settings.sampler ?? 'parentbased_always_on';
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root: root(name) }) : root(name);
}

export function startTracing(settings: TracingSettings): Tracing | null {
  if (!settings.endpoint) return null;
  const url = `${settings.endpoint.replace(/\/+$/, '')}/v1/traces`;
  const resource = new Resource({ 'service.name': settings.serviceName });
  const spanProcessor = new SafeSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  const provider = new NodeTracerProvider({ resource, sampler: samplerOf(settings), spanProcessors: [spanProcessor] });
  // Context manager (AsyncLocalStorage) and W3C propagator; the first registration in a process wins.
  provider.register();
  return {
    serviceName: settings.serviceName,
    tracer: provider.getTracer('replique'),
    resource,
    spanProcessor,
    shutdown: () => provider.shutdown(),
  };
}
