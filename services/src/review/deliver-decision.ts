/**
 * A reviewer's decision delivered to the email's workflow as the `decide` Temporal update: the workflow validates
 * and owns the state; this answers what happened in terms a page can show (applied, or refused with a reason).
 */
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import {
  decideUpdate,
  stateQuery,
  workflowIdForEmailKey,
  type DecisionOutcome,
  type EmailWorkflowView,
  type ReviewDecision,
} from '@replique/workflows/contracts';

export type Delivery =
  | { ok: true; decisionId: string; outcome: DecisionOutcome }
  | { ok: false; status: 404 | 409; error: string };

export async function deliverDecision(
  client: Client, emailKey: string, decision: Omit<ReviewDecision, 'decisionId'> & { decisionId?: string },
): Promise<Delivery> {
  const full: ReviewDecision = { ...decision, decisionId: decision.decisionId ?? randomUUID() };
  try {
    const outcome = await client.workflow.getHandle(workflowIdForEmailKey(emailKey)).executeUpdate(decideUpdate, { args: [full] });
    return { ok: true, decisionId: full.decisionId, outcome };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      return { ok: false, status: 409, error: error.cause?.message ?? error.message };
    }
    if (error instanceof WorkflowNotFoundError || isClosedWorkflowError(error)) {
      return { ok: false, status: 409, error: 'this email was already handled' };
    }
    throw error;
  }
}

/** The workflow's own view of the email, or null when it is gone (finished and purged, or never started). */
export async function workflowView(client: Client, emailKey: string): Promise<EmailWorkflowView | null> {
  try {
    return await client.workflow.getHandle(workflowIdForEmailKey(emailKey)).query(stateQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

export function isClosedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed|already completed/i.test(error.message);
}
