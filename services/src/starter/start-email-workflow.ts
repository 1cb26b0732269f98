/**
 * One inbound reference → one emailWorkflow. The workflow ID is derived from the email key, and a duplicate start
 * is rejected by Temporal (even after the first run closed), so the same email delivered five times — IMAP
 * re-poll, HTTP retry, Kafka redelivery — gives one workflow. A customer's reply to an email that is still open
 * goes to that email's workflow instead (thread-follow-up.ts).
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { InboundRef } from '@replique/activities/domain/inbound-ref';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { getEmail, registerEmail } from '@replique/activities/adapters/pg/emails';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { FINAL_EMAIL_STATES } from '@replique/activities/domain/types';
import { EMAIL_TASK_QUEUE, stateSearchAttribute, workflowIdForEmailKey } from '@replique/workflows/contracts';
import { emailWorkflow } from '@replique/workflows/email-workflow';
import { threadFollowUp } from './thread-follow-up';

export interface StarterDeps {
  db: Queryable;
  client: Client;
  taskQueue?: string;
}

/** `threaded`: a reply handed to the open workflow of the email it answers (see thread-follow-up.ts). */
export type StartOutcome = 'started' | 'duplicate' | 'threaded';

export async function startEmailWorkflow(deps: StarterDeps, ref: InboundRef): Promise<StartOutcome> {
  const workflowId = workflowIdForEmailKey(ref.emailKey);
  const registered = await registerEmail(deps.db, {
    emailKey: ref.emailKey,
    rawId: ref.rawId,
    mailbox: ref.mailbox,
    messageIdHash: ref.messageIdHash ?? null,
    workflowId,
  });
  if (!registered.inserted) {
    // Seen before. If it already ended, nothing to do, even once Temporal has forgotten the closed run.
    const known = await getEmail(deps.db, ref.emailKey);
    if (known?.state === 'threaded') return 'duplicate';
    if (known && FINAL_EMAIL_STATES.includes(known.state)) {
      await auditStarted(deps.db, ref, workflowId);
      return 'duplicate';
    }
  }
  if (await threadFollowUp(deps, ref)) return 'threaded';
  try {
    await deps.client.workflow.start(emailWorkflow, {
      workflowId,
      taskQueue: deps.taskQueue ?? EMAIL_TASK_QUEUE,
      args: [{ emailKey: ref.emailKey, rawId: ref.rawId, mailbox: ref.mailbox, source: ref.source }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      // The workflow's first state, set with the start: the workflow does not upsert it again (one visibility write
      // fewer per email; email-workflow.ts, ATTRIBUTES_PATCH).
      typedSearchAttributes: [{ key: stateSearchAttribute, value: 'analysing' }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    // A starter that died between the start and its audit row leaves the redelivered message to write it.
    await auditStarted(deps.db, ref, workflowId);
    return 'duplicate';
  }
  await auditStarted(deps.db, ref, workflowId);
  return 'started';
}

/** The `start` row of the email's audit trail; written once (by its audit key), whichever delivery gets here. */
async function auditStarted(db: Queryable, ref: InboundRef, workflowId: string): Promise<void> {
  await appendAudit(db, {
    emailKey: ref.emailKey,
    stage: 'start',
    event: 'workflow_started',
    data: { workflowId, source: ref.source },
    auditKey: `${ref.emailKey}:start`,
  });
}
