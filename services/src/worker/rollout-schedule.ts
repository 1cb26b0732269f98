/**
 * The gated rollout's evaluator as a Temporal Schedule (workflows/src/rollout-workflow.ts): every
 * REPLIQUE_ROLLOUT_EVERY (15 min by default), created at worker start or brought to the worker's settings when it
 * exists (several workers starting at once converge on one schedule, so one evaluation runs at a time across the
 * fleet). Overlapping runs are skipped; a run missed while the cluster was down is not caught up (the next one is
 * as good).
 */
import { ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { ROLLOUT_SCHEDULE_ID } from '@replique/workflows/contracts';
import { ensureSchedule } from './ensure-schedule';

export interface RolloutScheduleSettings {
  taskQueue: string;
  /** How often, as the worker's config checks it: `15m`, `1h`. */
  every: string;
  scheduleId?: string;
}

function scheduleOptions(settings: RolloutScheduleSettings): ScheduleOptions {
  const scheduleId = settings.scheduleId ?? ROLLOUT_SCHEDULE_ID;
  return {
    scheduleId,
    spec: { intervals: [{ every: settings.every as Duration }] },
    action: { type: 'startWorkflow', workflowType: 'rolloutWorkflow', workflowId: scheduleId, taskQueue: settings.taskQueue, args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
  };
}

/** Creates the schedule, or brings an existing one to these settings. Returns what it did. */
export function ensureRolloutSchedule(client: Client, settings: RolloutScheduleSettings): Promise<'created' | 'updated'> {
  return ensureSchedule(client, scheduleOptions(settings));
}
