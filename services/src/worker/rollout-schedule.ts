/**
 * The gated rollout's evaluator as a Temporal Schedule (workflows/src/rollout-workflow.ts): every
 * REPLIQUE_ROLLOUT_EVERY (15 min by default), created at worker start or brought to the worker's settings when it
 * exists (several workers starting at once converge on one schedule, so one evaluation runs at a time across the
 * fleet). Overlapping runs are skipped; a run missed while the cluster was down is not caught up (the next one is
 * as good).
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { ROLLOUT_SCHEDULE_ID } from '@replique/workflows/contracts';

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
export async function ensureRolloutSchedule(client: Client, settings: RolloutScheduleSettings): Promise<'created' | 'updated'> {
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
