/** Polls an email's workflow `state` query until `done(view)`; a workflow not started yet is waited for too. */
import type { Client } from '@temporalio/client';
import { stateQuery, workflowIdForEmailKey, type EmailWorkflowView } from '@replique/workflows/contracts';

export async function waitForWorkflowView(
  client: Client,
  emailKey: string,
  done: (view: EmailWorkflowView) => boolean,
  timeoutMs = 90_000,
): Promise<EmailWorkflowView> {
  const handle = client.workflow.getHandle(workflowIdForEmailKey(emailKey));
  const deadline = Date.now() + timeoutMs;
  let last: EmailWorkflowView | null = null;
  for (;;) {
    try {
      last = await handle.query(stateQuery);
      if (done(last)) return last;
    } catch (error) {
      if (!/not found/i.test(String(error))) throw error;
    }
    if (Date.now() > deadline) throw new Error(`timed out; last view: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
