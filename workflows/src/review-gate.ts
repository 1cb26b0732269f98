/**
 * The human decision on one email, as a plain deterministic state machine the workflow owns.
 * Level 1 (review): a reviewer approves, edits, rejects or escalates a prepared draft.
 * Level 2 (escalated): a person owns the email; nothing automatic is sent, but that person may still send a reply.
 * Some drafts (refunds above the shop's threshold) need approvals from two different people.
 * The customer may write again while the email waits: approvals given before that follow-up are reset, nothing can
 * be approved until it is read, and a follow-up that alone would be escalated escalates the email.
 * An edit is taken only once its text passed the draft's guardrails (checked by the workflow before `apply`): a blocked
 * edit changes nothing but what the review shows, and is sent only by an edit that overrides its failed checks.
 */
import type { FollowUpSummary } from '@replique/activities/activity-contracts';
import type { DecisionOutcome, FailedCheck, FollowUpView, ReviewAction, ReviewDecision, ReviewView } from './contracts';

export type ReviewLevel = 'review' | 'escalated';

/** Failed checks an edit was sent over, by whom and why. */
export interface ChecksOverridden {
  by: string;
  checks: string[];
  reason: string;
}

export type ReviewVerdict =
  | { kind: 'send'; approvedBy: string[]; edited: { subject?: string; body: string } | null; overridden: ChecksOverridden | null }
  | { kind: 'reject'; by: string; note: string | null };

const ACTIONS: readonly ReviewAction[] = ['approve', 'edit', 'reject', 'escalate', 'takeover'];

/** Every text a decision carries, as recorded in Postgres (reviewer_actions) and sent. */
function textsOf(decision: ReviewDecision): string[] {
  const texts = [decision.reviewer, decision.decisionId, decision.subject, decision.body, decision.note, decision.override?.reason,
    ...(Array.isArray(decision.override?.checks) ? decision.override.checks : [])];
  return texts.filter((t): t is string => typeof t === 'string');
}

export class ReviewGate {
  private readonly approvals: string[] = [];
  private readonly decisions: { decisionId: string; action: ReviewAction; reviewer: string }[] = [];
  private edited: { subject?: string; body: string } | null = null;
  private overridden: ChecksOverridden | null = null;
  private blockedEdit: { decisionId: string; reviewer: string; failed: FailedCheck[] } | null = null;
  private verdictValue: ReviewVerdict | null = null;
  private remindedAtValue: string | null = null;
  private slaEscalatedValue = false;
  private ownerValue: string | null = null;
  private sla: { remindAt: string; escalateAt: string } | null = null;
  private readonly followUpsValue: FollowUpView[] = [];
  private followUpEscalatedValue = false;
  /** Bumped on every change, so the workflow can wait for "something happened". */
  version = 0;

  constructor(
    private levelValue: ReviewLevel,
    private readonly approvalsRequired: number,
  ) {}

  get level(): ReviewLevel {
    return this.levelValue;
  }

  get verdict(): ReviewVerdict | null {
    return this.verdictValue;
  }

  /** Throws with a message a reviewer can read when the decision cannot be taken; used as the update validator. */
  validate(decision: ReviewDecision): void {
    if (!ACTIONS.includes(decision.action)) throw new Error(`unknown action "${String(decision.action)}"`);
    if (!decision.reviewer?.trim()) throw new Error('a decision needs the reviewer who takes it');
    if (!decision.decisionId?.trim()) throw new Error('a decision needs a decisionId');
    // Postgres refuses NUL in text and jsonb: recording such a decision would be retried forever, so it is refused here.
    if (textsOf(decision).some((text) => text.includes('\u0000'))) throw new Error('the text contains a NUL character (U+0000): remove it');
    if (this.isDuplicate(decision)) return;
    if (this.verdictValue) throw new Error('this email was already handled');
    if ((decision.action === 'approve' || decision.action === 'edit') && this.followUpsValue.some((f) => f.status === 'reading')) {
      throw new Error('the customer just wrote again: read the new message, then decide');
    }
    if (decision.action === 'edit' && !decision.body?.trim()) throw new Error('an edit needs the text to send');
    if (decision.override) {
      if (decision.action !== 'edit') throw new Error('only an edit can be sent over failed checks');
      if (!Array.isArray(decision.override.checks) || decision.override.checks.length === 0) {
        throw new Error('sending anyway names the failed checks it overrides');
      }
      if (!decision.override.reason?.trim()) throw new Error('sending anyway needs a reason');
    }
    if (decision.action === 'escalate' && this.levelValue === 'escalated') throw new Error('already escalated');
    if (decision.action === 'takeover' && this.ownerValue === decision.reviewer) throw new Error('already yours');
    if (decision.action === 'approve' && this.approvals.includes(decision.reviewer)) {
      throw new Error('already approved by this reviewer: a second, different reviewer must approve');
    }
  }

  /**
   * Applies a validated decision. A decision seen before (same decisionId) changes nothing. An edit comes with its
   * check's `overridden` checks (empty when the text passed).
   */
  apply(decision: ReviewDecision, checked: { overridden: string[] } = { overridden: [] }): DecisionOutcome {
    if (this.isDuplicate(decision)) return { status: 'duplicate', state: this.state() };
    this.validate(decision);
    this.decisions.push({ decisionId: decision.decisionId, action: decision.action, reviewer: decision.reviewer });
    switch (decision.action) {
      case 'approve':
        this.approvals.push(decision.reviewer);
        break;
      case 'edit':
        // An edit is the editor's approval of new text; earlier approvals were for another text.
        this.edited = { subject: decision.subject, body: decision.body ?? '' };
        this.approvals.splice(0, this.approvals.length, decision.reviewer);
        this.blockedEdit = null;
        this.overridden = checked.overridden.length > 0
          ? { by: decision.reviewer, checks: [...checked.overridden], reason: decision.override?.reason.trim() ?? '' }
          : null;
        break;
      case 'reject':
        this.verdictValue = { kind: 'reject', by: decision.reviewer, note: decision.note ?? null };
        break;
      case 'escalate':
        this.levelValue = 'escalated';
        break;
      case 'takeover':
        this.levelValue = 'escalated';
        this.ownerValue = decision.reviewer;
        break;
    }
    if (!this.verdictValue && this.approvals.length >= this.approvalsRequired) {
      this.verdictValue = { kind: 'send', approvedBy: [...this.approvals], edited: this.edited, overridden: this.overridden };
    }
    this.version++;
    return { status: 'applied', state: this.state(), approvals: [...this.approvals], approvalsRequired: this.approvalsRequired };
  }

  /** An edit whose text failed checks it did not override: nothing is taken; the review shows what failed. */
  editBlocked(decision: ReviewDecision, failed: FailedCheck[]): DecisionOutcome {
    this.blockedEdit = { decisionId: decision.decisionId, reviewer: decision.reviewer, failed: failed.map((f) => ({ ...f })) };
    this.version++;
    return { status: 'blocked', state: this.state(), failed: failed.map((f) => ({ ...f })) };
  }

  /** True when this decision (by decisionId) was already taken. */
  hasTaken(decision: ReviewDecision): boolean {
    return this.isDuplicate(decision);
  }

  /**
   * The customer wrote again (`emailKey` is the follow-up). Before a verdict, the gate takes it: approvals given
   * so far were for a draft that did not know it, so they are reset (an edited text stays, to be approved again).
   * Returns false once there is a verdict: the follow-up must then be answered on its own.
   */
  followUpArrived(emailKey: string): boolean {
    if (this.hasFollowUp(emailKey)) return true;
    if (this.verdictValue) return false;
    this.followUpsValue.push({ emailKey, status: 'reading', route: null, intent: null, reasons: [] });
    this.approvals.splice(0, this.approvals.length);
    this.version++;
    return true;
  }

  /** The follow-up's triage: shown to reviewers; one that alone would be escalated escalates this email. */
  followUpRead(emailKey: string, summary: FollowUpSummary): void {
    const followUp = this.followUpsValue.find((f) => f.emailKey === emailKey);
    if (!followUp || followUp.status === 'read') return;
    Object.assign(followUp, { status: 'read', route: summary.route, intent: summary.intent, reasons: [...summary.reasons] });
    if (summary.route === 'escalate' && this.levelValue === 'review') {
      this.levelValue = 'escalated';
      this.followUpEscalatedValue = true;
    }
    this.version++;
  }

  hasFollowUp(emailKey: string): boolean {
    return this.followUpsValue.some((f) => f.emailKey === emailKey);
  }

  /** How many follow-ups this review took in (a decision prepared before one arrived was made without it). */
  get followUpCount(): number {
    return this.followUpsValue.length;
  }

  /** Follow-ups taken but not read yet. */
  get unreadFollowUps(): string[] {
    return this.followUpsValue.filter((f) => f.status === 'reading').map((f) => f.emailKey);
  }

  get followUpEscalated(): boolean {
    return this.followUpEscalatedValue;
  }

  markReminded(at: string): void {
    this.remindedAtValue = at;
    this.version++;
  }

  escalateForSla(): void {
    this.levelValue = 'escalated';
    this.slaEscalatedValue = true;
    this.version++;
  }

  /** The SLA deadlines, shown by the review tool (set by the workflow when the wait starts). */
  setSla(deadlines: { remindAt: string; escalateAt: string }): void {
    this.sla = deadlines;
  }

  get owner(): string | null {
    return this.ownerValue;
  }

  get reminded(): boolean {
    return this.remindedAtValue !== null;
  }

  view(): ReviewView {
    return {
      approvalsRequired: this.approvalsRequired,
      approvals: [...this.approvals],
      decisions: this.decisions.map((d) => ({ ...d })),
      remindedAt: this.remindedAtValue,
      slaEscalated: this.slaEscalatedValue,
      owner: this.ownerValue,
      remindAt: this.sla?.remindAt ?? null,
      escalateAt: this.sla?.escalateAt ?? null,
      ...(this.followUpsValue.length > 0 ? { followUps: this.followUpsValue.map((f) => ({ ...f, reasons: [...f.reasons] })) } : {}),
      ...(this.blockedEdit ? { blockedEdit: { ...this.blockedEdit, failed: this.blockedEdit.failed.map((f) => ({ ...f })) } } : {}),
      ...(this.overridden ? { overriddenChecks: { ...this.overridden, checks: [...this.overridden.checks] } } : {}),
    };
  }

  private isDuplicate(decision: ReviewDecision): boolean {
    return this.decisions.some((d) => d.decisionId === decision.decisionId);
  }

  private state() {
    if (this.verdictValue?.kind === 'send') return 'sending' as const;
    if (this.verdictValue?.kind === 'reject') return 'rejected' as const;
    return this.levelValue === 'escalated' ? ('escalated' as const) : ('waiting_review' as const);
  }
}
