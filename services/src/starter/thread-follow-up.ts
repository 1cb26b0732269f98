/**
 * Threading at the start: an email is linked to its conversation (by Message-ID hashes), and a reply whose
 * conversation still has an open email (analysing, waiting for review, escalated) is signalled to that email's
 * workflow instead of starting its own. The signal comes first and the `threaded` mark after it, so a redelivery
 * after a crash signals again (the workflow counts a follow-up once) rather than losing it.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { InboundRef } from '@replique/activities/domain/inbound-ref';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { linkToConversation } from '@replique/activities/adapters/pg/conversations';
import { markThreaded } from '@replique/activities/adapters/pg/emails';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { customerFollowUpSignal } from '@replique/workflows/contracts';

/** Returns the workflow ID that took the email as a follow-up, or null when it needs a workflow of its own. */
export async function threadFollowUp(deps: { db: Queryable; client: Client }, ref: InboundRef): Promise<string | null> {
  if (ref.messageIdHash === undefined && ref.referenceHashes === undefined) return null; // a ref from before threading
  const referenceHashes = ref.referenceHashes ?? [];
  const link = await linkToConversation(deps.db, {
    emailKey: ref.emailKey, messageIdHash: ref.messageIdHash ?? null, referenceHashes, customerId: null,
  });
  // Only a reply is a follow-up: an original arriving after its reply is answered on its own.
  if (referenceHashes.length === 0 || !link.existingWorkflowId || !link.existingEmailKey) return null;
  try {
    await deps.client.workflow.getHandle(link.existingWorkflowId).signal(customerFollowUpSignal, {
      emailKey: ref.emailKey, rawId: ref.rawId, mailbox: ref.mailbox, source: ref.source,
    });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null; // it closed meanwhile: the reply gets its own workflow
    throw error;
  }
  await markThreaded(deps.db, { emailKey: ref.emailKey, parentKey: link.existingEmailKey, onlyIfReceived: true });
  await appendAudit(deps.db, {
    emailKey: ref.emailKey,
    stage: 'start',
    event: 'threaded',
    data: { workflowId: link.existingWorkflowId, source: ref.source },
    auditKey: `${ref.emailKey}:start:threaded`,
  });
  return link.existingWorkflowId;
}
