/**
 * What the queue shows: the waiting emails Postgres mirrors, each completed by its workflow's own view (approvals
 * so far, SLA deadlines, owner) and by its live claim. A workflow that does not answer quickly is shown from the
 * mirror alone rather than holding the page.
 */
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { listWaitingEmails, type QueueFilter, type QueueItem } from '@replique/activities/adapters/pg/review-queue';
import { liveClaims, type ClaimRow } from '@replique/activities/adapters/pg/review-claims';
import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { workflowView } from './deliver-decision';

export interface QueueRow extends QueueItem {
  view: EmailWorkflowView | null;
  claim: ClaimRow | null;
  /** Emails with the same intent and template can be approved together. */
  similarKey: string | null;
}

const VIEW_TIMEOUT_MS = 2_000;

export async function loadQueue(deps: { db: Queryable; client: Client }, filter: QueueFilter): Promise<QueueRow[]> {
  const items = await listWaitingEmails(deps.db, filter);
  const [views, claims] = await Promise.all([
    Promise.all(items.map((item) => viewWithin(deps.client, item.emailKey, VIEW_TIMEOUT_MS))),
    liveClaims(deps.db, items.map((i) => i.emailKey)),
  ]);
  return items.map((item, i) => ({
    ...item,
    view: views[i] ?? null,
    claim: claims.get(item.emailKey) ?? null,
    similarKey: item.state === 'waiting_review' && item.draft ? `${item.intent ?? 'unknown'} · ${item.draft.templateId}` : null,
  }));
}

export async function viewWithin(client: Client, emailKey: string, ms: number): Promise<EmailWorkflowView | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([workflowView(client, emailKey).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
