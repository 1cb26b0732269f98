/**
 * What the queue shows: the waiting emails Postgres mirrors, each completed by its workflow's own view (approvals
 * so far, SLA deadlines, owner) and by its live claim, in priority order (queue-priority.ts). A workflow that does not
 * answer quickly is shown from the mirror alone rather than holding the page; one that says it is no longer waiting
 * (decided a moment ago, the mirror not yet updated) is not shown, nor one the review tool decided out of waiting
 * after the mirror's last change (its audited decision), whatever the workflow answered.
 *
 * The order is computed here, in TypeScript, by one pure function (queue-priority.ts) over the bounded page Postgres
 * returns (200 rows, the nearest SLA deadlines first), so there is no SQL copy of the formula to drift from the one
 * the page explains. The inputs are all in the mirror: the SLA deadline the workflow recorded when the wait began
 * (`review_due_at`; a VIP's is shorter), urgency and sentiment from the classifier, VIP from the enrichment. Past
 * 200 waiting emails the page says how many more wait.
 */
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { listWaitingEmails, type QueueFilter, type QueueItem } from '@replique/activities/adapters/pg/review-queue';
import { liveClaims, type ClaimRow } from '@replique/activities/adapters/pg/review-claims';
import { decidedSinceMirror } from '@replique/activities/adapters/pg/decided-states';
import { isVerifiedVip } from '@replique/activities/domain/vip';
import { DEFAULT_REVIEW_SLA, reviewSlaMs, type EmailWorkflowView } from '@replique/workflows/contracts';
import { workflowView } from './deliver-decision';
import { similarKeyOf, topicKeyOf } from './batch-groups';
import { byPriority, queuePriority, type Priority } from './queue-priority';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

export interface PrioritisedItem {
  /** The email's place in the queue, and why (queue-priority.ts). */
  priority: Priority;
  /** When a level-1 review escalates (recorded by the workflow; estimated from the default SLA for older rows). */
  dueAt: Date | null;
  /** True when dueAt is an estimate. */
  dueAtEstimated: boolean;
}

export interface QueueRow extends QueueItem, PrioritisedItem {
  view: EmailWorkflowView | null;
  claim: ClaimRow | null;
  /** Emails with the same intent and template can be approved together. */
  similarKey: string | null;
  /** Emails with the same intent (topic) can be approved or rejected together. */
  topicKey: string | null;
}

const VIEW_TIMEOUT_MS = 2_000;

export async function loadQueue(deps: { db: Queryable; vault: FieldVault; client: Client; now?: () => number }, filter: QueueFilter): Promise<QueueRow[]> {
  const items = inPriorityOrder(await listWaitingEmails(deps.db, deps.vault, filter), deps.now?.() ?? Date.now());
  const keys = items.map((i) => i.emailKey);
  const [views, claims, decided] = await Promise.all([
    Promise.all(keys.map((key) => viewWithin(deps.client, key, VIEW_TIMEOUT_MS))),
    liveClaims(deps.db, keys),
    decidedSinceMirror(deps.db, keys),
  ]);
  return items
    .map((item, i) => ({ ...item, view: views[i] ?? null, claim: claims.get(item.emailKey) ?? null, similarKey: similarKeyOf(item), topicKey: topicKeyOf(item) }))
    .filter((row) => STILL_WAITING.has(row.view?.state ?? 'waiting_review') && STILL_WAITING.has(decided.get(row.emailKey) ?? 'waiting_review'));
}

/**
 * The mirror follows the workflow by an activity: an email decided a moment ago (a batch just rejected) can still read
 * `waiting_review` there, and so can the workflow's state query until its main line has recorded the verdict (the
 * decision's update answers first). Either says the email left waiting, so a decided email leaves the queue at once:
 * the workflow's state, or the review tool's own decision when it is newer than the mirror (decided-states.ts).
 */
const STILL_WAITING: ReadonlySet<string> = new Set(['waiting_review', 'escalated']);

/**
 * Waiting emails with their priority, in queue order. From the Postgres mirror alone (the SLA deadline the workflow
 * recorded), so the queue page and the email page's next/previous agree without asking every workflow.
 */
export function inPriorityOrder<T extends QueueItem>(items: readonly T[], nowMs: number): (T & PrioritisedItem)[] {
  return items.map((item) => {
    const { dueAt, estimated } = slaDeadline(item);
    const classification = item.emailCase?.classification ?? null;
    const priority = queuePriority({
      level: item.state === 'escalated' ? 2 : 1,
      dueAt,
      urgency: classification?.urgency ?? null,
      sentiment: classification?.sentiment ?? null,
      vip: isVerifiedVip(item.emailCase),
    }, nowMs);
    return { ...item, priority, dueAt, dueAtEstimated: estimated };
  }).sort((a, b) => byPriority({ ...a, waitingSince: new Date(a.updatedAt) }, { ...b, waitingSince: new Date(b.updatedAt) }));
}

const DEFAULT_ESCALATE_MS = reviewSlaMs(DEFAULT_REVIEW_SLA).escalateMs;

/**
 * A level-1 review's escalation deadline, as its workflow recorded it; for an email that began waiting before the
 * deadline was recorded, the default SLA counted from when it began (an estimate).
 */
function slaDeadline(item: QueueItem): { dueAt: Date | null; estimated: boolean } {
  if (item.state !== 'waiting_review') return { dueAt: null, estimated: false };
  if (item.reviewDueAt) return { dueAt: new Date(item.reviewDueAt), estimated: false };
  return { dueAt: new Date(new Date(item.updatedAt).getTime() + DEFAULT_ESCALATE_MS), estimated: true };
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
