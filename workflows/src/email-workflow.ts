/**
 * One durable workflow per inbound email: read → enrich → classify → retrieve → draft → check → route,
 * then suppress, send automatically, or wait for a person (with SLA reminders and escalation) before sending.
 * A customer's follow-up (reply in the same thread) may arrive as a signal while the email is open: see
 * follow-ups.ts for what happens to it at each point of the run.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { HandlerUnfinishedPolicy } from '@temporalio/common';
import type {
  EmailActivities, PostgresDataErrorDetails, PostgresDataErrorType, ReadOutcome, RouteSummary, SendRequest,
} from '@replique/activities/activity-contracts';
import {
  customerFollowUpSignal,
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
  type DecisionOutcome,
  type ReviewDecision,
  type ReviewSla,
} from './contracts';
import { bookkeeping, decisionStage, delivery, drafting, remembering } from './activity-options';
import { ReviewGate, type ReviewVerdict } from './review-gate';
import { reviewTimeline } from './review-timeline';
import { FollowUpInbox, readFollowUps, startFollowUpsOnTheirOwn } from './follow-ups';
import { SearchAttributeLedger, type KeywordKey } from './search-attribute-ledger';

const stages = proxyActivities<EmailActivities>(decisionStage);
const books = proxyActivities<EmailActivities>(bookkeeping);
const mail = proxyActivities<EmailActivities>(delivery);
const drafter = proxyActivities<EmailActivities>(drafting);
const memory = proxyActivities<EmailActivities>(remembering);

/** What one run shares between its signal/update handlers and its steps. */
interface EmailRun {
  input: EmailWorkflowInput;
  progress: EmailProgress;
  gate: ReviewGate | null;
  pendingDecisions: ReviewDecision[];
  followUps: FollowUpInbox;
}

export async function emailWorkflow(input: EmailWorkflowInput): Promise<EmailWorkflowResult> {
  const run: EmailRun = {
    input,
    progress: new EmailProgress(input.emailKey),
    gate: null,
    pendingDecisions: [],
    followUps: new FollowUpInbox(input.emailKey),
  };

  setHandler(stateQuery, () => run.progress.view(run.gate));
  // A decision that is still checking an edit when the email is decided otherwise is left: its caller hears the email
  // was already handled.
  const unfinishedPolicy = HandlerUnfinishedPolicy.ABANDON;
  setHandler(
    decideUpdate,
    (decision) => {
      if (!run.gate) throw ApplicationFailure.nonRetryable('this email is not waiting for a decision', 'NotWaiting');
      return takeDecision(run, run.gate, decision);
    },
    { validator: (decision) => requireGate(run.gate).validate(decision), unfinishedPolicy },
  );
  setHandler(reviewDecisionSignal, async (decision) => {
    // Signals cannot answer: an invalid one is ignored (and visible in history), a blocked edit shows in the state
    // query and the audit log; use the update to get an answer.
    if (!run.gate) return;
    try {
      run.gate.validate(decision);
      await takeDecision(run, run.gate, decision);
    } catch {
      return;
    }
  }, { unfinishedPolicy });
  setHandler(customerFollowUpSignal, (followUp) => {
    if (run.followUps.add(followUp)) run.gate?.followUpArrived(followUp.emailKey);
  });

  const result = await handleEmail(run);
  // Follow-ups this run could not take in (it had answered, or was answering) get workflows of their own.
  await startFollowUpsOnTheirOwn(input, run.followUps, run.gate);
  return result;
}

async function handleEmail(run: EmailRun): Promise<EmailWorkflowResult> {
  const { input, progress, followUps } = run;
  if (patched(ATTRIBUTES_PATCH)) progress.attributes = startedWith();
  await setState(progress, 'analysing');
  const read = await readOrQuarantine(input);
  if (read.status === 'quarantined') return finish(progress, 'quarantined', read.reason);

  const { routed, failure } = await analyse(input.emailKey);
  progress.routed(routed);
  setAttributes(progress, [
    { key: routeSearchAttribute, value: routed.route },
    { key: intentSearchAttribute, value: routed.intent ?? 'unknown' },
  ]);

  switch (routed.route) {
    case 'suppress':
      return finish(progress, 'suppressed', routed.reasons.join(','));
    case 'auto': {
      const request = { emailKey: input.emailKey, mode: 'automatic' as const, approvedBy: [], edited: null };
      const sent = followUps.any() ? HELD_FOR_FOLLOW_UP : await send(progress, request, 'automatic', () => followUps.any());
      if (!('held' in sent)) return sent;
      // Never an automatic reply that ignores newer text from the customer, nor one sent while the kill switch is
      // on: a person reads it (and the follow-up).
      const diverted: RouteSummary = { ...routed, route: 'review', reasons: [...routed.reasons, sent.held] };
      progress.routed(diverted);
      setAttributes(progress, [{ key: routeSearchAttribute, value: 'review' }]);
      return review(run, diverted, sent.held);
    }
    case 'review':
    case 'escalate':
      return review(run, routed, failure);
  }
}

/** A person decides (with the follow-ups taken so far); then the reply is sent, or the email ends rejected. */
async function review(run: EmailRun, routed: RouteSummary, reason: string | null): Promise<EmailWorkflowResult> {
  const { input, progress } = run;
  const gate = new ReviewGate(routed.route === 'review' ? 'review' : 'escalated', routed.approvalsRequired);
  for (const followUp of run.followUps.all()) gate.followUpArrived(followUp.emailKey);
  run.gate = gate;
  const verdict = await waitForVerdict(input, progress, gate, run.pendingDecisions, run.followUps, reason, routed.sla ?? null);
  if (verdict.kind === 'reject') return finish(progress, 'rejected', `rejected by reviewer`);
  const request = { emailKey: input.emailKey, mode: 'reviewed' as const, approvedBy: verdict.approvedBy, edited: verdict.edited };
  const sentAs = verdict.overridden ? 'edited_over_failed_checks' : verdict.edited ? 'edited_and_approved' : 'approved';
  const sent = await send(progress, request, sentAs);
  // Only automatic sends are ever held; a held reviewed send would be a bug, and ends where a person sees it.
  return 'held' in sent ? finish(progress, 'send_failed', sent.held) : sent;
}

/**
 * Reading the raw email; bytes that still cannot be read after the retries, or whose reading Postgres refuses
 * (`data_rejected:<SQLSTATE>`, at the first attempt), are quarantined (kept, for a person).
 */
async function readOrQuarantine(input: EmailWorkflowInput): Promise<ReadOutcome> {
  try {
    return await stages.readEmail({ emailKey: input.emailKey, rawId: input.rawId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    return { status: 'quarantined', reason: dataRejected(error) ?? 'read_failed' };
  }
}

/**
 * The decision stages. A stage that still fails after its retries, or whose data Postgres refuses (at once, not
 * retried), sends the email to a person (level 2) rather than leaving it unanswered: the reason
 * (`pipeline_error`, `data_rejected:<SQLSTATE>`) is the state's reason, visible in the review queue and the history.
 */
async function analyse(emailKey: string): Promise<{ routed: RouteSummary; failure: string | null }> {
  try {
    for (const stage of [stages.enrichEmail, stages.classifyEmail, stages.retrieveContext, drafter.draftReply, stages.checkDraft]) {
      await stage({ emailKey });
    }
    return { routed: await stages.routeEmail({ emailKey }), failure: null };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const failure = dataRejected(error) ?? 'pipeline_error';
    return { routed: { route: 'escalate', reasons: [failure], confidence: 0, approvalsRequired: 1, intent: null, hasDraft: false }, failure };
  }
}

const POSTGRES_DATA_ERROR: PostgresDataErrorType = 'PostgresDataError';

/** `data_rejected:<SQLSTATE>` when the activity failed because Postgres refused its data; null for any other failure. */
function dataRejected(error: ActivityFailure): string | null {
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== POSTGRES_DATA_ERROR) return null;
  const details = cause.details?.[0] as Partial<PostgresDataErrorDetails> | undefined;
  return `data_rejected:${details?.sqlState ?? 'unknown'}`;
}

/** Why an automatic reply was not sent: the customer wrote again, or the kill switch is on (the send activity said). */
interface Held {
  held: 'customer_follow_up' | 'automation_paused';
}
const HELD_FOR_FOLLOW_UP: Held = { held: 'customer_follow_up' };

/**
 * Sends the reply; a permanent refusal (SMTP 5xx, or the last safety check) ends in `send_failed`, with its reason.
 * Returns `held` without sending when `holdIf()` is true once `sending` is recorded, or when the send activity held
 * an automatic reply (kill switch).
 */
async function send(
  progress: EmailProgress, request: SendRequest, reason: string, holdIf: () => boolean = () => false,
): Promise<EmailWorkflowResult | Held> {
  await setState(progress, 'sending');
  if (holdIf()) return HELD_FOR_FOLLOW_UP;
  try {
    const result = await mail.sendReply(request);
    if ('held' in result) return { held: result.held };
    progress.sentMessageId = result.messageId;
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
  followUps: FollowUpInbox,
  reason: string | null,
  routedSla: ReviewSla | null,
): Promise<ReviewVerdict> {
  // The route may give this email a SLA of its own (a VIP's, policy `vip.review_sla`); histories from before it keep theirs.
  const own = routedSla && patchedOrImplied(progress, 'route-review-sla') ? routedSla : null;
  const timeline = reviewTimeline(own ?? input.sla ?? DEFAULT_REVIEW_SLA, Date.now());
  gate.setSla({ remindAt: new Date(timeline.remindAt).toISOString(), escalateAt: new Date(timeline.escalateAt).toISOString() });
  const dueAt = gate.level === 'review' ? new Date(timeline.escalateAt).toISOString() : null;
  await setState(progress, gate.level === 'review' ? 'waiting_review' : 'escalated', reason, dueAt);
  let seenVersion = gate.version;
  for (;;) {
    await readFollowUps(input.emailKey, gate, followUps);
    await recordDecisions(input.emailKey, pendingDecisions);
    if (gate.verdict) return gate.verdict;
    if (gate.level === 'escalated' && progress.state !== 'escalated') {
      const why = gate.view().slaEscalated
        ? 'review_sla_expired'
        : gate.followUpEscalated ? 'customer_follow_up' : gate.owner ? 'taken_over' : 'escalated_by_reviewer';
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
      ...(decision.override ? { override: decision.override } : {}),
    });
  }
}

/**
 * Patch: one search-attribute upsert per recorded state, with only the values that changed (the route and intent ride
 * on the state that follows them; the starter sets `analysing` at start), and no marker of an earlier patch (implied:
 * patchedOrImplied). Before it: an upsert for the route and intent, one for every state, one per patch marker.
 */
export const ATTRIBUTES_PATCH = 'one-attribute-upsert-per-state';

/**
 * An earlier patch: true in a run with ATTRIBUTES_PATCH (code that records it has every earlier patch, so the run does
 * not record their markers: each first use of a patch also upserts `TemporalChangeVersion`, a history event and a
 * visibility write), else `patched(id)` as before.
 */
function patchedOrImplied(progress: EmailProgress, id: string): boolean {
  return progress.attributes !== null || patched(id);
}

/** The values this run started with (a start by the starter carries the state `analysing`). */
function startedWith(): SearchAttributeLedger {
  const started = workflowInfo().typedSearchAttributes;
  return new SearchAttributeLedger([{ key: stateSearchAttribute, value: started.get(stateSearchAttribute) }]);
}

type KeywordPair = { key: KeywordKey; value: string };

/** Route and intent: upserted now (histories before ATTRIBUTES_PATCH), or with the state recorded next. */
function setAttributes(progress: EmailProgress, pairs: KeywordPair[]): void {
  const ledger = progress.attributes;
  if (!ledger) return upsertSearchAttributes(pairs);
  for (const { key, value } of pairs) ledger.stage(key, value);
}

/**
 * Records a new state: search attributes, then the Postgres mirror. The `state` query shows it only once it is
 * recorded, so whoever sees "waiting_review" in the query also finds the email in the review queue.
 */
async function setState(
  progress: EmailProgress, state: EmailState, reason: string | null = null, reviewDueAt: string | null = null,
): Promise<void> {
  const ledger = progress.attributes;
  if (ledger) {
    ledger.stage(stateSearchAttribute, state);
    const changes = ledger.takeChanges();
    if (changes.length > 0) upsertSearchAttributes(changes);
  } else {
    upsertSearchAttributes([{ key: stateSearchAttribute, value: state }]);
  }
  await books.recordState({
    emailKey: progress.emailKey,
    state,
    reason,
    route: progress.route?.route ?? null,
    intent: progress.route?.intent ?? null,
    ...(reviewDueAt ? { reviewDueAt } : {}),
  });
  progress.state = state;
  progress.stateReason = reason;
}

async function finish(progress: EmailProgress, state: EmailState, reason: string): Promise<EmailWorkflowResult> {
  await setState(progress, state, reason);
  if (REMEMBERED_STATES.includes(state) && patchedOrImplied(progress, MEMORY_PATCH)) await remember(progress.emailKey, state);
  return { state, route: progress.route?.route ?? null, reason, sentMessageId: progress.sentMessageId };
}

/** Patch: a closed email (answered, rejected, or not deliverable) is written to its customer's memory. */
export const MEMORY_PATCH = 'customer-memory';
const REMEMBERED_STATES: readonly EmailState[] = ['sent', 'rejected', 'send_failed'];

/** Memory is a help, not a step the email waits on: after the activity's retries the email closes without it. */
async function remember(emailKey: string, state: EmailState): Promise<void> {
  try {
    await memory.rememberEmail({ emailKey, state });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
  }
}

/** Patch: a reviewer's edited text passes the draft's guardrails before the edit is taken (histories before it did not). */
export const EDIT_CHECKS_PATCH = 'check-human-edits';

/**
 * A validated decision, taken by the gate. An edit's text is checked first (the same guardrails as the draft, in an
 * activity that audits the verdict), on both paths a decision comes by: update (web tool, API, CLI) and signal.
 * It is taken if it passed, or if the reviewer overrode every failed check; otherwise the review shows what failed.
 */
async function takeDecision(run: EmailRun, gate: ReviewGate, decision: ReviewDecision): Promise<DecisionOutcome> {
  if (decision.action === 'edit' && !gate.hasTaken(decision) && patchedOrImplied(run.progress, EDIT_CHECKS_PATCH)) {
    const followUpsBefore = gate.followUpCount;
    const check = await checkEdit(run.input.emailKey, decision);
    // The email may have moved on while the text was checked (another decision, the customer writing again).
    try {
      gate.validate(decision);
      if (gate.followUpCount !== followUpsBefore) throw new Error('the customer just wrote again: read the new message, then decide');
    } catch (error) {
      throw ApplicationFailure.nonRetryable((error as Error).message, 'DecisionRefused');
    }
    if (check.verdict === 'blocked') return gate.editBlocked(decision, check.failed);
    run.pendingDecisions.push(decision);
    return gate.apply(decision, check);
  }
  run.pendingDecisions.push(decision);
  return gate.apply(decision);
}

async function checkEdit(emailKey: string, decision: ReviewDecision) {
  try {
    return await stages.checkEditedReply({
      emailKey,
      decisionId: decision.decisionId,
      reviewer: decision.reviewer,
      edited: { ...(decision.subject !== undefined ? { subject: decision.subject } : {}), body: decision.body ?? '' },
      override: decision.override ?? null,
    });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    throw ApplicationFailure.nonRetryable('the edited text could not be checked: nothing was taken, try again', 'EditCheckFailed');
  }
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
  /** Set under ATTRIBUTES_PATCH: the search attributes Temporal holds, and those staged for the next state. */
  attributes: SearchAttributeLedger | null = null;

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
