/**
 * The daily retention run as a Temporal Schedule (workflows/src/retention-workflow.ts): created at worker start, or
 * updated to the worker's settings when it exists (several workers starting at once converge on the same schedule).
 * Overlapping runs are skipped; a run missed while the cluster was down is caught up within a day.
 */
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, RETENTION_WORKFLOW_ID, type RetentionInput } from '@replique/workflows/contracts';
import { ensureSchedule } from './ensure-schedule';

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
export function ensureRetentionSchedule(client: Client, settings: RetentionScheduleSettings): Promise<'created' | 'updated'> {
  return ensureSchedule(client, scheduleOptions(settings));
}
