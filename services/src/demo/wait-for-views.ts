/**
 * Polls the state query of each email's workflow until every one satisfies `done` (or the time is up): the demo's
 * way of waiting for the pipeline. A follow-up another workflow took in (`threaded`) is found in that workflow's view.
 */
import type { Client } from '@temporalio/client';
import { FINAL_EMAIL_STATES } from '@replique/activities/domain/types';
import { stateQuery, workflowIdForEmailKey, type EmailWorkflowView } from '@replique/workflows/contracts';
import { threadedViews } from './threaded-views';

export interface WaitOptions {
  done: (view: EmailWorkflowView) => boolean;
  timeoutMs: number;
  /** Called every few seconds with how many are done. */
  progress?: (done: number, total: number) => void;
}

export async function waitForViews(client: Client, emailKeys: string[], options: WaitOptions): Promise<Map<string, EmailWorkflowView>> {
  const views = new Map<string, EmailWorkflowView>();
  const deadline = Date.now() + options.timeoutMs;
  let lastReport = Date.now();
  for (;;) {
    for (const emailKey of emailKeys) {
      const known = views.get(emailKey);
      // Done and final: never asked again. Waiting emails are asked again (a follow-up may join them).
      if (known && FINAL_EMAIL_STATES.includes(known.state) && options.done(known)) continue;
      try {
        views.set(emailKey, await client.workflow.getHandle(workflowIdForEmailKey(emailKey)).query(stateQuery));
      } catch {
        // not started yet
      }
    }
    for (const [emailKey, view] of threadedViews(emailKeys, views)) views.set(emailKey, view);
    const done = emailKeys.filter((k) => views.has(k) && options.done(views.get(k)!)).length;
    if (done === emailKeys.length || Date.now() > deadline) return views;
    if (Date.now() - lastReport > 5_000) {
      options.progress?.(done, emailKeys.length);
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
