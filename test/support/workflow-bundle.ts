/** Bundles the workflow code once per test file (the slow part of starting a worker), as the worker does. */
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WORKFLOW_TRACING_MODULE } from '@replique/services/telemetry/temporal-tracing';
import { FAILURE_CONVERTER_PATH } from '@replique/services/temporal/data-converter';

let bundle: Promise<WorkflowBundleWithSourceMap> | null = null;

export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('@replique/workflows/workflows'),
    // As the worker bundles it (its data converter's failureConverterPath): the workflow's failures encoded.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  return bundle;
}

let tracedBundle: Promise<WorkflowBundleWithSourceMap> | null = null;

/** The workflow code with the OpenTelemetry workflow interceptors, as a worker with tracing on bundles it. */
export function tracedWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  tracedBundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('@replique/workflows/workflows'),
    // As the worker bundles it (its data converter's failureConverterPath): the workflow's failures encoded.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    workflowInterceptorModules: [WORKFLOW_TRACING_MODULE],
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  return tracedBundle;
}
