/**
 * The contracts of emailWorkflow in one place: task queue, workflow IDs, input/result types, signals, updates,
 * queries and search attributes. Imported by the workflow, the worker and every service that talks to it.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import type { Route } from '@replique/activities/domain/types';

export const EMAIL_TASK_QUEUE = 'replique-email';
export const WORKFLOW_ID_PREFIX = 'email-';

/**
 * The workflow ID of an email: a prefix and the first 32 hex characters of its email key (a SHA-256 of mailbox +
 * Message-ID, see activities/src/domain/email-key.ts). No PII in IDs; the same email always gets the same ID.
 */
export function workflowIdForEmailKey(emailKey: string): string {
  if (!/^[0-9a-f]{64}$/.test(emailKey)) throw new Error('workflowIdForEmailKey: not an email key');
  return WORKFLOW_ID_PREFIX + emailKey.slice(0, 32);
}

export interface EmailWorkflowInput {
  emailKey: string;
  rawId: string;
  mailbox: string;
  source: string;
  /** Review SLA; defaults from ReviewSla when absent. */
  sla?: ReviewSla;
}

export interface ReviewSla {
  /** After this long without a decision, reviewers are reminded. */
  remindAfter: string;
  /** After this long without a decision, a level-1 review is escalated to level 2. */
  escalateAfter: string;
}

export const DEFAULT_REVIEW_SLA: ReviewSla = { remindAfter: '2h', escalateAfter: '8h' };

/** A review SLA in milliseconds (durations as Temporal reads them: `30m`, `2h`, `1d`). */
export function reviewSlaMs(sla: ReviewSla): { remindMs: number; escalateMs: number } {
  const ms = (d: string) => msToNumber(d as Parameters<typeof msToNumber>[0]);
  return { remindMs: ms(sla.remindAfter), escalateMs: ms(sla.escalateAfter) };
}

export type { EmailState } from '@replique/activities/domain/types';
import type { EmailState } from '@replique/activities/domain/types';

/** `takeover`: a person takes the email over (level 2, owned by them: nothing automatic, they reply by `edit`). */
export type ReviewAction = 'approve' | 'edit' | 'reject' | 'escalate' | 'takeover';

export interface ReviewDecision {
  /** Unique per click, so a retried request is applied once. */
  decisionId: string;
  action: ReviewAction;
  reviewer: string;
  /** For `edit`: the text to send instead of the draft. It passes the draft's guardrails, or it is not taken. */
  subject?: string;
  body?: string;
  note?: string;
  /**
   * For `edit`, "send anyway": the edited text is sent although these checks failed on it. Every failed check must
   * be named (the reviewer read them), and the reason is kept with the decision (audited).
   */
  override?: EditOverride;
}

export interface EditOverride {
  checks: string[];
  reason: string;
}

/** A guardrail that failed on an edited text, with what it found. */
export interface FailedCheck {
  check: string;
  message: string;
}

export type DecisionOutcome =
  | { status: 'applied'; state: EmailState; approvals: string[]; approvalsRequired: number }
  | { status: 'duplicate'; state: EmailState }
  /** The edited text failed checks the decision did not override: nothing changed; send it anyway by overriding them. */
  | { status: 'blocked'; state: EmailState; failed: FailedCheck[] };

export interface ReviewView {
  approvalsRequired: number;
  approvals: string[];
  decisions: { decisionId: string; action: ReviewAction; reviewer: string }[];
  remindedAt: string | null;
  slaEscalated: boolean;
  /** Who took the email over (`takeover`), if anyone. */
  owner?: string | null;
  /** The SLA deadlines of this review (ISO), while it waits. */
  remindAt?: string | null;
  escalateAt?: string | null;
  /** The customer's follow-ups this review took in; each one reset the approvals given before it. */
  followUps?: FollowUpView[];
  /** The last edit the checks blocked, until an edit is taken. */
  blockedEdit?: { decisionId: string; reviewer: string; failed: FailedCheck[] } | null;
  /** The edit to be sent was sent over failed checks: by whom, which, why. */
  overriddenChecks?: { by: string; checks: string[]; reason: string } | null;
}

/**
 * A customer's reply to this email, arrived while it is still open: the starter signals it here instead of starting
 * a workflow of its own (README "Threading"). The same follow-up signalled again counts once (by emailKey).
 */
export interface CustomerFollowUp {
  emailKey: string;
  rawId: string;
  mailbox: string;
  source: string;
}

/** A follow-up as the review sees it: keys and triage labels only (its text is in Postgres). */
export interface FollowUpView {
  emailKey: string;
  /** `reading` until its triage is recorded; decisions to send wait for it. */
  status: 'reading' | 'read';
  /** How the follow-up alone would be routed; `escalate` escalates this email. */
  route: Route | null;
  intent: string | null;
  reasons: string[];
}

export interface EmailWorkflowView {
  emailKey: string;
  state: EmailState;
  stateReason: string | null;
  route: Route | null;
  routeReasons: string[];
  intent: string | null;
  confidence: number | null;
  review: ReviewView | null;
  sentMessageId: string | null;
}

export interface EmailWorkflowResult {
  state: EmailState;
  route: Route | null;
  reason: string | null;
  sentMessageId: string | null;
}

/** A reviewer's decision, fire-and-forget (CLI: `temporal workflow signal --name reviewDecision`). */
export const reviewDecisionSignal = defineSignal<[ReviewDecision]>('reviewDecision');
/** The same decision when the caller needs the answer (web tool, CLI `temporal workflow update execute`). */
export const decideUpdate = defineUpdate<DecisionOutcome, [ReviewDecision]>('decide');
export const stateQuery = defineQuery<EmailWorkflowView>('state');
/** Sent by the starter (see CustomerFollowUp). */
export const customerFollowUpSignal = defineSignal<[CustomerFollowUp]>('customerFollowUp');

export const routeSearchAttribute = defineSearchAttributeKey('Route', SearchAttributeType.KEYWORD);
export const intentSearchAttribute = defineSearchAttributeKey('Intent', SearchAttributeType.KEYWORD);
export const stateSearchAttribute = defineSearchAttributeKey('EmailState', SearchAttributeType.KEYWORD);

/**
 * Retention (retentionWorkflow): run daily by the Temporal Schedule RETENTION_SCHEDULE_ID, which the worker creates
 * or updates at start (services/src/worker/retention-schedule.ts). It anchors the audit log's days, purges the texts
 * of finished emails older than `bodyRetentionDays`, and removes audit rows older than `auditRetentionDays`.
 */
export const RETENTION_SCHEDULE_ID = 'replique-retention';
/** The gated rollout's evaluator (rolloutWorkflow), every few minutes (services/src/worker/rollout-schedule.ts). */
export const ROLLOUT_SCHEDULE_ID = 'replique-rollout-gate';
export const RETENTION_WORKFLOW_ID = 'replique-retention';

export interface RetentionInput {
  bodyRetentionDays: number;
  auditRetentionDays: number;
  /** Emails (and audit chains) per activity call. */
  batchSize: number;
}

export interface RetentionResult {
  anchoredDays: string[];
  /** Texts of emails created before this time were purged. */
  bodiesBefore: string;
  emailsPurged: number;
  rawsPurged: number;
  /** Audit rows of days before this one were removed. */
  auditBeforeDay: string;
  auditRowsPruned: number;
  /** False when a run stopped at its batch limit: the next run goes on. */
  complete: boolean;
}
