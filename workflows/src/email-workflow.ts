/**
 * One durable workflow per inbound email: read → enrich → classify → retrieve → draft → check → route,
 * then suppress, send automatically, or wait for a person (with SLA reminders and escalation) before sending.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { EmailActivities, ReadOutcome, RouteSummary, SendRequest } from '@replique/activities/activity-contracts';
import {
  decideUpdate,
  DEFAULT_REVIEW_SLA,
  intentSearchAttribute,
  reviewDecisionSignal,
  routeSearchAttribute,
  stateQuery,
  stateSearchAttribute,
  type EmailState,
  type EmailWorkflowInput,
  type EmailWorkflowResult,
  type EmailWorkflowView,
  type ReviewDecision,
} from './contracts';
import { bookkeeping, decisionStage, delivery } from './activity-options';
import { ReviewGate, type ReviewVerdict } from './review-gate';
import { reviewTimeline } from './review-timeline';

const stages = proxyActivities<EmailActivities>(decisionStage);
const books = proxyActivities<EmailActivities>(bookkeeping);
const mail = proxyActivities<EmailActivities>(delivery);

export async function emailWorkflow(input: EmailWorkflowInput): Promise<EmailWorkflowResult> {
  const progress = new EmailProgress(input.emailKey);
  let gate: ReviewGate | null = null;
  const pendingDecisions: ReviewDecision[] = [];

  setHandler(stateQuery, () => progress.view(gate));
  setHandler(
    decideUpdate,
    (decision) => {
      if (!gate) throw ApplicationFailure.nonRetryable('this email is not waiting for a decision', 'NotWaiting');
      pendingDecisions.push(decision);
      return gate.apply(decision);
    },
    { validator: (decision) => requireGate(gate).validate(decision) },
  );
  setHandler(reviewDecisionSignal, (decision) => {
    // Signals cannot answer: an invalid one is ignored (and visible in history); use the update to get an answer.
    if (!gate) return;
    try {
      gate.validate(decision);
    } catch {
      return;
    }
    pendingDecisions.push(decision);
    gate.apply(decision);
  });

  await setState(progress, 'analysing');
  const read = await readOrQuarantine(input);
  if (read.status === 'quarantined') return finish(progress, 'quarantined', read.reason);

  const routed = await analyse(input.emailKey);
  progress.routed(routed);
  upsertSearchAttributes([
    { key: routeSearchAttribute, value: routed.route },
    { key: intentSearchAttribute, value: routed.intent ?? 'unknown' },
  ]);

  switch (routed.route) {
    case 'suppress':
      return finish(progress, 'suppressed', routed.reasons.join(','));
    case 'auto':
      return send(progress, { emailKey: input.emailKey, mode: 'automatic', approvedBy: [], edited: null }, 'automatic');
    case 'review':
    case 'escalate': {
      gate = new ReviewGate(routed.route === 'review' ? 'review' : 'escalated', routed.approvalsRequired);
      const verdict = await waitForVerdict(input, progress, gate, pendingDecisions);
      if (verdict.kind === 'reject') return finish(progress, 'rejected', `rejected by reviewer`);
      const request = { emailKey: input.emailKey, mode: 'reviewed' as const, approvedBy: verdict.approvedBy, edited: verdict.edited };
      return send(progress, request, verdict.edited ? 'edited_and_approved' : 'approved');
    }
  }
}

/** Reading the raw email; bytes that still cannot be read after the retries are quarantined (kept, for a person). */
async function readOrQuarantine(input: EmailWorkflowInput): Promise<ReadOutcome> {
  try {
    return await stages.readEmail({ emailKey: input.emailKey, rawId: input.rawId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return { status: 'quarantined', reason: 'read_failed' };
  }
}

/**
 * The decision stages. A stage that still fails after its retries sends the email to a person (level 2) rather
 * than leaving it unanswered: the reason is visible in the review queue and in the workflow history.
 */
async function analyse(emailKey: string): Promise<RouteSummary> {
  try {
    for (const stage of [stages.enrichEmail, stages.classifyEmail, stages.retrieveContext, stages.draftReply, stages.checkDraft]) {
      await stage({ emailKey });
    }
    return await stages.routeEmail({ emailKey });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return { route: 'escalate', reasons: ['pipeline_error'], confidence: 0, approvalsRequired: 1, intent: null, hasDraft: false };
  }
}

/** Sends the reply; a permanent refusal (SMTP 5xx, or the last safety check) ends in `send_failed`, with its reason. */
async function send(progress: EmailProgress, request: SendRequest, reason: string): Promise<EmailWorkflowResult> {
  await setState(progress, 'sending');
  try {
    progress.sentMessageId = (await mail.sendReply(request)).messageId;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause instanceof ApplicationFailure ? error.cause.type ?? 'send_error' : 'send_error';
    return finish(progress, 'send_failed', cause);
  }
  return finish(progress, 'sent', reason);
}

/** Waits for a person, reminding reviewers and escalating a level-1 review when its SLA runs out. */
async function waitForVerdict(
  input: EmailWorkflowInput,
  progress: EmailProgress,
  gate: ReviewGate,
  pendingDecisions: ReviewDecision[],
): Promise<ReviewVerdict> {
  const timeline = reviewTimeline(input.sla ?? DEFAULT_REVIEW_SLA, Date.now());
  gate.setSla({ remindAt: new Date(timeline.remindAt).toISOString(), escalateAt: new Date(timeline.escalateAt).toISOString() });
  await setState(progress, gate.level === 'review' ? 'waiting_review' : 'escalated');
  let seenVersion = gate.version;
  for (;;) {
    await recordDecisions(input.emailKey, pendingDecisions);
    if (gate.verdict) return gate.verdict;
    if (gate.level === 'escalated' && progress.state !== 'escalated') {
      const why = gate.view().slaEscalated ? 'review_sla_expired' : gate.owner ? 'taken_over' : 'escalated_by_reviewer';
      await setState(progress, 'escalated', why);
    }
    const next = timeline.nextDeadline(gate, Date.now());
    const changed = next
      ? await condition(() => gate.version !== seenVersion, next.inMs)
      : (await condition(() => gate.version !== seenVersion), true);
    seenVersion = gate.version;
    if (changed || !next) continue;
    if (next.kind === 'remind') {
      await books.remindReviewers({ emailKey: input.emailKey });
      gate.markReminded(new Date().toISOString());
    } else {
      gate.escalateForSla();
    }
    seenVersion = gate.version;
  }
}

async function recordDecisions(emailKey: string, pending: ReviewDecision[]): Promise<void> {
  while (pending.length > 0) {
    const decision = pending.shift()!;
    await books.recordReviewDecision({
      emailKey,
      decisionId: decision.decisionId,
      action: decision.action,
      reviewer: decision.reviewer,
      edited: decision.action === 'edit' ? { subject: decision.subject, body: decision.body ?? '' } : null,
      note: decision.note ?? null,
    });
  }
}

/**
 * Records a new state: search attribute, then the Postgres mirror. The `state` query shows it only once it is
 * recorded, so whoever sees "waiting_review" in the query also finds the email in the review queue.
 */
async function setState(progress: EmailProgress, state: EmailState, reason: string | null = null): Promise<void> {
  upsertSearchAttributes([{ key: stateSearchAttribute, value: state }]);
  await books.recordState({
    emailKey: progress.emailKey,
    state,
    reason,
    route: progress.route?.route ?? null,
    intent: progress.route?.intent ?? null,
  });
  progress.state = state;
  progress.stateReason = reason;
}

async function finish(progress: EmailProgress, state: EmailState, reason: string): Promise<EmailWorkflowResult> {
  await setState(progress, state, reason);
  return { state, route: progress.route?.route ?? null, reason, sentMessageId: progress.sentMessageId };
}

function requireGate(gate: ReviewGate | null): ReviewGate {
  if (!gate) throw new Error('this email is not waiting for a decision');
  return gate;
}

/** What the workflow knows so far; the `state` query returns a view of it. */
class EmailProgress {
  state: EmailState = 'received';
  stateReason: string | null = null;
  route: RouteSummary | null = null;
  sentMessageId: string | null = null;

  constructor(readonly emailKey: string) {}

  routed(summary: RouteSummary): void {
    this.route = summary;
  }

  view(gate: ReviewGate | null): EmailWorkflowView {
    return {
      emailKey: this.emailKey,
      state: this.state,
      stateReason: this.stateReason,
      route: this.route?.route ?? null,
      routeReasons: this.route?.reasons ?? [],
      intent: this.route?.intent ?? null,
      confidence: this.route?.confidence ?? null,
      review: gate?.view() ?? null,
      sentMessageId: this.sentMessageId,
    };
  }
}
