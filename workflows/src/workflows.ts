/** The worker's workflow bundle entry: every workflow type this task queue runs. */
export { emailWorkflow } from './email-workflow';
export { retentionWorkflow } from './retention-workflow';
export { rolloutWorkflow } from './rollout-workflow';
