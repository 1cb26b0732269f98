/**
 * The activities emailWorkflow calls, as types only. The workflow imports this file with `import type`;
 * `createEmailActivities(deps)` implements it. Inputs and results are small: bodies stay in Postgres.
 */
import type { EmailState, Route } from './domain/types';
import type { EditCheckVerdict, EditedText, EditOverride } from './reply/check-edit';

export interface EmailRef {
  emailKey: string;
}

export type ReadOutcome =
  | { status: 'read'; machine: boolean; machineReasons: string[] }
  | { status: 'quarantined'; reason: string };

/**
 * The type of the non-retryable ApplicationFailure an activity fails with when Postgres refuses its data (SQLSTATE
 * class 22, check and not-null violations: data-error-failures.ts); its one detail is PostgresDataErrorDetails.
 */
export type PostgresDataErrorType = 'PostgresDataError';

/** PII-free: which activity, the SQLSTATE and where Postgres says it happened, never the value. */
export interface PostgresDataErrorDetails {
  activity: string;
  sqlState: string;
  condition: string;
  table: string | null;
  column: string | null;
  constraint: string | null;
  dataType: string | null;
}

export interface StageSummary {
  stage: string;
  /** Short, PII-free facts about the result, for the workflow history and the UI. */
  notes: string[];
}

export interface RouteSummary {
  route: Route;
  reasons: string[];
  confidence: number;
  approvalsRequired: number;
  intent: string | null;
  hasDraft: boolean;
  /** The review SLA this email gets instead of the default (a VIP's, policy `vip.review_sla`); absent: the default. */
  sla?: { remindAfter: string; escalateAfter: string } | null;
}

export interface StateRecord extends EmailRef {
  state: EmailState;
  reason?: string | null;
  route?: Route | null;
  intent?: string | null;
  /** For `waiting_review`: when the review escalates (ISO), so the queue can order by its SLA. */
  reviewDueAt?: string | null;
}

export interface ReviewRecord extends EmailRef {
  decisionId: string;
  action: string;
  reviewer: string;
  /** The edited text, when the reviewer edited the draft. */
  edited?: { subject?: string; body: string } | null;
  note?: string | null;
  /** The failed checks a reviewer sent an edit over, and why. */
  override?: EditOverride | null;
}

/** A reviewer's edited text, to check before the workflow takes the edit (`checkEditedReply`). */
export interface EditCheckRequest extends EmailRef {
  decisionId: string;
  reviewer: string;
  edited: EditedText;
  /** The reviewer's "send anyway": the failed checks they override, by name, and why. */
  override: EditOverride | null;
}

export type EditCheckResult = EditCheckVerdict;

export interface SendRequest extends EmailRef {
  /** `automatic` replies carry Auto-Submitted: auto-replied (RFC 3834); reviewed ones are a person's reply. */
  mode: 'automatic' | 'reviewed';
  approvedBy: string[];
  edited: { subject?: string; body: string } | null;
}

export type SendResult =
  | {
    messageId: string;
    /** False when an earlier attempt had already been accepted by the SMTP server. */
    sentNow: boolean;
  }
  /** An automatic reply not sent: the kill switch is on (the workflow hands the email to a person). */
  | { held: 'automation_paused' };

export interface FollowUpRef extends EmailRef {
  /** The follow-up: its own email key and stored raw message. */
  followUp: { emailKey: string; rawId: string };
}

/** What the triage of a follow-up alone says: PII-free labels, for the review and the gate. */
export interface FollowUpSummary {
  route: Route | null;
  intent: string | null;
  reasons: string[];
}

/** A closed email, to remember for its customer (memory/email-memory.ts). */
export interface RememberRequest extends EmailRef {
  state: EmailState;
}

export interface RememberResult {
  /** Entries written (0: no memory store, or no sender-verified customer). */
  remembered: number;
}

export interface EmailActivities {
  readEmail(input: EmailRef & { rawId: string }): Promise<ReadOutcome>;
  enrichEmail(input: EmailRef): Promise<StageSummary>;
  classifyEmail(input: EmailRef): Promise<StageSummary>;
  retrieveContext(input: EmailRef): Promise<StageSummary>;
  draftReply(input: EmailRef): Promise<StageSummary>;
  checkDraft(input: EmailRef): Promise<StageSummary>;
  routeEmail(input: EmailRef): Promise<RouteSummary>;
  recordState(input: StateRecord): Promise<void>;
  recordReviewDecision(input: ReviewRecord): Promise<void>;
  remindReviewers(input: EmailRef): Promise<void>;
  sendReply(input: SendRequest): Promise<SendResult>;
  /** Triage of a customer's follow-up taken by this email's workflow; its case is saved on its own row. */
  readFollowUp(input: FollowUpRef): Promise<FollowUpSummary>;
  /** The draft's guardrails on a reviewer's edited text; the verdict is audited (who, which checks, overridden). */
  checkEditedReply(input: EditCheckRequest): Promise<EditCheckResult>;
  /** What the closed email leaves in its customer's memory: summary, offers made and refused, preferences, notes. */
  rememberEmail(input: RememberRequest): Promise<RememberResult>;
}
