/**
 * Bundles the bare baseline workflow of the throughput benchmark. `@temporalio/workflow` belongs to the workflows
 * package (the test package does not depend on it), so the bundle resolves it from there.
 */
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { repoRoot } from '../support/paths';

export function bareWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  const workflowPackage = path.join(repoRoot, 'workflows', 'node_modules', '@temporalio', 'workflow');
  return bundleWorkflowCode({
    workflowsPath: require.resolve('./bare-workflow'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string | false>), '@temporalio/workflow': workflowPackage } },
    }),
  });
}
