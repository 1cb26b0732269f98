/**
 * The baseline of the throughput benchmark: a bare Temporal workflow that runs `activities` no-op activities in a
 * row, so the difference to emailWorkflow is the cost of the pipeline's own work, not of Temporal.
 */
// The workflows package owns @temporalio/workflow; the test package does not depend on it.
import { proxyActivities } from '../../workflows/node_modules/@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function bareWorkflow(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop();
}
