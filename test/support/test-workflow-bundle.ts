/**
 * Bundles a workflow file of the tests (a bench baseline, a stand-in workflow). `@temporalio/workflow` belongs to the
 * workflows package (the test package does not depend on it), so the bundle resolves it from there; such files import
 * it as '../../workflows/node_modules/@temporalio/workflow'.
 */
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { repoRoot } from './paths';

export function testWorkflowBundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  const workflowPackage = path.join(repoRoot, 'workflows', 'node_modules', '@temporalio', 'workflow');
  return bundleWorkflowCode({
    workflowsPath,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string | false>), '@temporalio/workflow': workflowPackage } },
    }),
  });
}
