/**
 * The baseline of the throughput benchmark: a bare Temporal workflow that runs no-op activities in a row, as many and
 * of the same kinds as an email's (local activities first, then activity tasks), so the difference to emailWorkflow
 * is the cost of the pipeline's own work, not of Temporal.
 */
// The workflows package owns @temporalio/workflow; the test package does not depend on it.
import { proxyActivities, proxyLocalActivities } from '../../workflows/node_modules/@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function bareWorkflow(activities: number, localActivities = 0): Promise<void> {
  for (let i = 0; i < localActivities; i++) await local.noop();
  for (let i = 0; i < activities; i++) await noop();
}
