/**
 * The worker's metrics, read off the activities as they run (a Temporal activity interceptor): each attempt's
 * duration, and the business facts the activities' inputs and results carry (route and intent, guardrail checks,
 * sends, state changes, review SLA breaches). The activities themselves know nothing of Prometheus.
 * Only PII-free, bounded values become labels (replique-metrics.ts).
 */
import type { ActivityExecuteInput, ActivityInterceptorsFactory, Next, ActivityInboundCallsInterceptor } from '@temporalio/worker';
import type { RouteSummary, SendRequest, StageSummary, StateRecord } from '@replique/activities/activity-contracts';
import type { RolloutEvaluationResult } from '@replique/activities/rollout-activity-contracts';
import {
  activityDuration, draftChecks, emailStates, emailsRouted, guardrailBlocks, repliesSent, reviewSlaBreaches, rolloutEvaluations,
  rolloutPercentage, rolloutStepBacks, sendFailures,
} from '../metrics/replique-metrics';

/** Why a workflow escalates a review whose SLA ran out (workflows/src/email-workflow.ts). */
export const SLA_EXPIRED_REASON = 'review_sla_expired';

/** The fact-check's own checks (activities/src/reply/fact-check.ts); the other guardrails are policy and safety. */
export const FACT_CHECKS: ReadonlySet<string> = new Set(['fact_mismatch', 'missing_fact', 'unverifiable_fact']);

/** Counts what one finished activity says; `result` is undefined when it threw. */
export function countActivity(activity: string, args: unknown[], outcome: 'ok' | 'error', result: unknown): void {
  const input = args[0];
  switch (activity) {
    case 'routeEmail': {
      if (outcome !== 'ok') return;
      const route = result as RouteSummary;
      emailsRouted.inc({ route: route.route, intent: route.intent ?? 'none' });
      return;
    }
    case 'checkDraft': {
      if (outcome !== 'ok') return;
      const fired = (result as StageSummary).notes;
      const verdict = fired.length === 0 ? 'passed' : fired.some((check) => FACT_CHECKS.has(check)) ? 'fact_check_failed' : 'blocked';
      draftChecks.inc({ outcome: verdict });
      for (const check of fired) guardrailBlocks.inc({ check });
      return;
    }
    case 'sendReply': {
      const { mode } = input as SendRequest;
      if (outcome === 'ok') repliesSent.inc({ mode });
      else sendFailures.inc({ mode });
      return;
    }
    case 'recordState': {
      if (outcome !== 'ok') return;
      const { state, reason } = input as StateRecord;
      emailStates.inc({ state });
      if (state === 'escalated' && reason === SLA_EXPIRED_REASON) reviewSlaBreaches.inc();
      return;
    }
    case 'evaluateRollout': {
      if (outcome !== 'ok') return;
      const evaluation = result as RolloutEvaluationResult;
      rolloutEvaluations.inc({ action: evaluation.action });
      if (evaluation.action !== 'none') rolloutPercentage.set(evaluation.percentage);
      if (evaluation.action === 'step_back') rolloutStepBacks.inc();
      return;
    }
  }
}

class MetricsInbound implements ActivityInboundCallsInterceptor {
  constructor(private readonly activity: string) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const stop = activityDuration.startTimer({ activity: this.activity });
    let result: unknown;
    try {
      result = await next(input);
    } catch (error) {
      stop({ outcome: 'error' });
      countActivity(this.activity, input.args, 'error', undefined);
      throw error;
    }
    stop({ outcome: 'ok' });
    countActivity(this.activity, input.args, 'ok', result);
    return result;
  }
}

export const activityMetricsInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: new MetricsInbound(ctx.info.activityType),
});
