/**
 * A customer's follow-ups (replies in the same thread) signalled to an email's workflow while it is open:
 *  - while the email is still being analysed: an automatic reply is held and a person reviews both (`customer_follow_up`);
 *  - while it waits for a person: the review takes it in (approvals reset, read, maybe escalated; see ReviewGate);
 *  - once a verdict exists, or when the email ends without a review (suppressed, quarantined, sent automatically):
 *    it is not lost but started as an emailWorkflow of its own (a child the parent abandons), with the ID it would
 *    have had, so a later delivery of the same follow-up is still a duplicate.
 */
import {
  ActivityFailure,
  ParentClosePolicy,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { EmailActivities } from '@replique/activities/activity-contracts';
import { workflowIdForEmailKey, type CustomerFollowUp, type EmailWorkflowInput } from './contracts';
import type { ReviewGate } from './review-gate';
import type { emailWorkflow } from './email-workflow';
import { decisionStage } from './activity-options';

const stages = proxyActivities<EmailActivities>(decisionStage);

/** The follow-ups one run received, each once (a redelivered signal changes nothing). */
export class FollowUpInbox {
  private readonly received: CustomerFollowUp[] = [];
  private readonly startedOnTheirOwn = new Set<string>();

  constructor(private readonly ownEmailKey: string) {}

  /** Takes a follow-up; false when it was seen before or is not one (a malformed signal is ignored). */
  add(followUp: CustomerFollowUp): boolean {
    if (!/^[0-9a-f]{64}$/.test(followUp?.emailKey ?? '') || !followUp.rawId || followUp.emailKey === this.ownEmailKey) return false;
    if (this.received.some((f) => f.emailKey === followUp.emailKey)) return false;
    this.received.push({ emailKey: followUp.emailKey, rawId: followUp.rawId, mailbox: followUp.mailbox, source: followUp.source });
    return true;
  }

  any(): boolean {
    return this.received.length > 0;
  }

  all(): readonly CustomerFollowUp[] {
    return this.received;
  }

  /** The next follow-up neither taken by the review nor started on its own yet; marks it started. */
  nextToStart(gate: ReviewGate | null): CustomerFollowUp | null {
    const next = this.received.find((f) => !gate?.hasFollowUp(f.emailKey) && !this.startedOnTheirOwn.has(f.emailKey));
    if (next) this.startedOnTheirOwn.add(next.emailKey);
    return next ?? null;
  }
}

/** Reads (triages) the follow-ups the review took in and has not read yet, and tells the gate. */
export async function readFollowUps(emailKey: string, gate: ReviewGate, inbox: FollowUpInbox): Promise<void> {
  for (const followUpKey of gate.unreadFollowUps) {
    const followUp = inbox.all().find((f) => f.emailKey === followUpKey)!;
    try {
      gate.followUpRead(followUpKey, await stages.readFollowUp({ emailKey, followUp: { emailKey: followUpKey, rawId: followUp.rawId } }));
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // Unread after its retries: the reviewers still see that the customer wrote, and a person owns the email.
      gate.followUpRead(followUpKey, { route: 'escalate', intent: null, reasons: ['follow_up_read_failed'] });
    }
  }
}

/** Starts the follow-ups nobody took in as emailWorkflows of their own; returns once each has started. */
export async function startFollowUpsOnTheirOwn(
  input: EmailWorkflowInput, inbox: FollowUpInbox, gate: ReviewGate | null,
): Promise<void> {
  for (let next = inbox.nextToStart(gate); next; next = inbox.nextToStart(gate)) {
    try {
      await startChild<typeof emailWorkflow>('emailWorkflow', {
        workflowId: workflowIdForEmailKey(next.emailKey),
        args: [{ ...next, ...(input.sla ? { sla: input.sla } : {}) }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
