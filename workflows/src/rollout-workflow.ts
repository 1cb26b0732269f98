/**
 * rolloutWorkflow: one evaluation of the gated rollout, run every few minutes by the Temporal Schedule
 * ROLLOUT_SCHEDULE_ID (services/src/worker/rollout-schedule.ts). The evaluator steps the rollout back at once on a
 * KPI regression and proposes a promotion when the cohort's KPIs hold (docs/operations.md, "Gated rollout").
 */
import { proxyActivities } from '@temporalio/workflow';
import type { RolloutActivities, RolloutEvaluationResult } from '@replique/activities/rollout-activity-contracts';
import { rolloutGate } from './activity-options';

const { evaluateRollout } = proxyActivities<RolloutActivities>(rolloutGate);

export async function rolloutWorkflow(): Promise<RolloutEvaluationResult> {
  return evaluateRollout({ now: new Date(Date.now()).toISOString() });
}
