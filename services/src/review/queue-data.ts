/**
 * What the queue shows: the waiting emails Postgres mirrors, each completed by its workflow's own view (approvals
 * so far, SLA deadlines, owner) and by its live claim, in priority order (queue-priority.ts). A workflow that does not
 * answer quickly is shown from the mirror alone rather than holding the page.
 *
 * The order is computed here, in TypeScript, over the bounded page Postgres returns (the longest-waiting 200): the
 * SLA deadline is the workflow's (it owns the timers, and a VIP's SLA is shorter), and the page already asks every
 * row's workflow for its view, so one pure function orders what the reviewer sees, with no SQL copy of the formula
 * to drift from it. Past 200 waiting emails the page says how many more wait (the oldest are the ones kept).
 */
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { listWaitingEmails, type QueueFilter, type QueueItem } from '@replique/activities/adapters/pg/review-queue';
import { liveClaims, type ClaimRow } from '@replique/activities/adapters/pg/review-claims';
import { isVerifiedVip } from '@replique/activities/domain/vip';
import { DEFAULT_REVIEW_SLA, reviewSlaMs, type EmailWorkflowView } from '@replique/workflows/contracts';
import { workflowView } from './deliver-decision';
import { similarKeyOf } from './batch-groups';
import { byPriority, queuePriority, type Priority } from './queue-priority';

export interface QueueRow extends QueueItem {
  view: EmailWorkflowView | null;
  claim: ClaimRow | null;
  /** Emails with the same intent and template can be approved together. */
  similarKey: string | null;
  /** The row's place in the queue, and why (queue-priority.ts). */
  priority: Priority;
  /** When a level-1 review escalates: the workflow's deadline, else estimated from the default SLA. */
  dueAt: Date | null;
  /** True when dueAt is an estimate (the workflow did not answer in time). */
  dueAtEstimated: boolean;
}

const VIEW_TIMEOUT_MS = 2_000;

export async function loadQueue(deps: { db: Queryable; client: Client; now?: () => number }, filter: QueueFilter): Promise<QueueRow[]> {
  const items = await listWaitingEmails(deps.db, filter);
  const [views, claims] = await Promise.all([
    Promise.all(items.map((item) => viewWithin(deps.client, item.emailKey, VIEW_TIMEOUT_MS))),
    liveClaims(deps.db, items.map((i) => i.emailKey)),
  ]);
  const now = deps.now?.() ?? Date.now();
  return items.map((item, i): QueueRow => {
    const view = views[i] ?? null;
    const { dueAt, estimated } = slaDeadline(item, view);
    const classification = item.emailCase?.classification ?? null;
    const priority = queuePriority({
      level: item.state === 'escalated' ? 2 : 1,
      dueAt,
      urgency: classification?.urgency ?? null,
      sentiment: classification?.sentiment ?? null,
      vip: isVerifiedVip(item.emailCase),
    }, now);
    return {
      ...item,
      view,
      claim: claims.get(item.emailKey) ?? null,
      similarKey: similarKeyOf(item),
      priority,
      dueAt,
      dueAtEstimated: estimated,
    };
  }).sort((a, b) => byPriority({ ...a, waitingSince: a.updatedAt }, { ...b, waitingSince: b.updatedAt }));
}

const DEFAULT_ESCALATE_MS = reviewSlaMs(DEFAULT_REVIEW_SLA).escalateMs;

/**
 * A level-1 review's escalation deadline: the workflow's own (its `state` query), else the default SLA counted from
 * when the email entered `waiting_review` (an estimate: a VIP's shorter SLA is known to the workflow only).
 */
function slaDeadline(item: QueueItem, view: EmailWorkflowView | null): { dueAt: Date | null; estimated: boolean } {
  if (item.state !== 'waiting_review') return { dueAt: null, estimated: false };
  const own = view?.review?.escalateAt;
  if (own) return { dueAt: new Date(own), estimated: false };
  if (view?.review) return { dueAt: null, estimated: false };
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
