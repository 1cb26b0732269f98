/**
 * A reviewer's decision delivered to the email's workflow as the `decide` Temporal update: the workflow validates
 * and owns the state; this answers what happened in terms a page can show (applied, or refused with a reason).
 * Its texts travel sealed with the customer's data key (sealed-text.ts), so an erasure reaches the history too.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { openTextsIn, sealText } from '@replique/activities/adapters/vault/sealed-text';
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
  client: Client, vault: FieldVault, emailKey: string, decision: Omit<ReviewDecision, 'decisionId'> & { decisionId?: string },
): Promise<Delivery> {
  const full: ReviewDecision = await sealDecisionTexts(vault, emailKey, { ...decision, decisionId: decision.decisionId ?? randomUUID() });
  try {
    const outcome = await client.workflow.getHandle(workflowIdForEmailKey(emailKey)).executeUpdate(decideUpdate, { args: [full] });
    return { ok: true, decisionId: full.decisionId, outcome: await openTextsIn(vault, outcome) };
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

/** The decision with its free texts (edited subject and body, note, override reason) as sealed text tokens. */
export async function sealDecisionTexts(vault: FieldVault, emailKey: string, decision: ReviewDecision): Promise<ReviewDecision> {
  const owner = { emailKey };
  const sealed: ReviewDecision = {
    ...decision,
    subject: await sealText(vault, owner, decision.subject),
    body: await sealText(vault, owner, decision.body),
    note: await sealText(vault, owner, decision.note),
    ...(decision.override ? { override: { ...decision.override, reason: await sealText(vault, owner, decision.override.reason) } } : {}),
  };
  for (const field of ['subject', 'body', 'note'] as const) if (sealed[field] === undefined) delete sealed[field];
  return sealed;
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
