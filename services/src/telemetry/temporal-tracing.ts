/**
 * Temporal's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), wired to a process's Tracing:
 * - clients (starter, review): a span per start / update / signal / query, its context sent in the Temporal headers;
 * - the worker: the workflow interceptors (a module bundled into the workflow code: a span for the run, each
 *   activity scheduled, each update and signal handled; exported through the `exporter` sink, outside the isolate)
 *   and the activity interceptor (a span per activity attempt, child of the workflow's).
 * Every span carries the workflow ID (`temporal.workflow_id` once through SafeSpanProcessor). The workflow code
 * itself does not change; a worker with tracing off bundles no interceptor module.
 */
import type { ClientInterceptors } from '@temporalio/client';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { Tracing } from './tracing';

/** The module of workflow interceptors, for `interceptors.workflowModules` (and bundleWorkflowCode's `workflowInterceptorModules`). */
export const WORKFLOW_TRACING_MODULE = require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

export function tracingClientInterceptors(tracing: Tracing | null): ClientInterceptors | undefined {
  if (!tracing) return undefined;
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] };
}

export interface WorkerTracing {
  interceptors: Required<Pick<WorkerInterceptors, 'activity' | 'workflowModules'>>;
  sinks: InjectedSinks<OpenTelemetrySinks>;
}

export function workerTracing(tracing: Tracing): WorkerTracing {
  return {
    interceptors: {
      workflowModules: [WORKFLOW_TRACING_MODULE],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
