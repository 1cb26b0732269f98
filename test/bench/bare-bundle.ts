/** Bundles the bare baseline workflow of the throughput benchmark. */
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { testWorkflowBundle } from '../support/test-workflow-bundle';

export function bareWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  return testWorkflowBundle(require.resolve('./bare-workflow'));
}
