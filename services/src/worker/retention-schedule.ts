/**
 * The daily retention run as a Temporal Schedule (workflows/src/retention-workflow.ts): created at worker start, or
 * updated to the worker's settings when it exists (several workers starting at once converge on the same schedule).
 * Overlapping runs are skipped; a run missed while the cluster was down is caught up within a day.
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, RETENTION_WORKFLOW_ID, type RetentionInput } from '@replique/workflows/contracts';

export interface RetentionScheduleSettings {
  taskQueue: string;
  input: RetentionInput;
  scheduleId?: string;
  /** UTC time of day of the run; default 03:17. */
  at?: { hour: number; minute: number };
}

function scheduleOptions(settings: RetentionScheduleSettings): ScheduleOptions {
  const scheduleId = settings.scheduleId ?? RETENTION_SCHEDULE_ID;
  return {
    scheduleId,
    spec: { calendars: [{ hour: settings.at?.hour ?? 3, minute: settings.at?.minute ?? 17 }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow',
      workflowId: scheduleId === RETENTION_SCHEDULE_ID ? RETENTION_WORKFLOW_ID : scheduleId,
      taskQueue: settings.taskQueue,
      args: [settings.input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

/** Creates the schedule, or brings an existing one to these settings. Returns what it did. */
export async function ensureRetentionSchedule(client: Client, settings: RetentionScheduleSettings): Promise<'created' | 'updated'> {
  const options = scheduleOptions(settings);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies },
    }));
    return 'updated';
  }
}
