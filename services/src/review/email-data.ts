/**
 * Everything the email page shows about one waiting email: the mirror row with draft and case, the workflow's view,
 * the claim, the customer and their orders (CRM in Postgres), earlier mail, what the customer wrote since (follow-ups),
 * and what reviewers did so far.
 */
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { customerHistory, getQueueItem, listWaitingEmails, type HistoryItem, type QueueItem } from '@replique/activities/adapters/pg/review-queue';
import { reviewerActionsOf, type ReviewerActionRow } from '@replique/activities/adapters/pg/reviewer-actions';
import type { ClaimRow } from '@replique/activities/adapters/pg/review-claims';
import { followUpsOf, type FollowUpRow } from '@replique/activities/adapters/pg/emails';
import type { CustomerRecord, OrderRecord } from '@replique/activities/domain/types';
import type { EmailWorkflowView } from '@replique/workflows/contracts';
import { inPriorityOrder, viewWithin } from './queue-data';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { openTextsIn } from '@replique/activities/adapters/vault/sealed-text';
import { loadPdfPreviews, type PdfPreviews } from './pdf-previews';

export interface EmailPageData {
  item: QueueItem;
  view: EmailWorkflowView | null;
  claim: ClaimRow | null;
  customer: CustomerRecord | null;
  orders: OrderRecord[];
  history: HistoryItem[];
  /** What the customer wrote since, in the same thread (follow-ups this email's workflow took in). */
  followUps: FollowUpRow[];
  actions: ReviewerActionRow[];
  /** The text of the first pages of the PDFs attached (pdf-previews.ts), for this request only. */
  pdfPreviews: PdfPreviews;
  previous: string | null;
  next: string | null;
}

export async function loadEmailPage(
  deps: { db: Queryable; vault: FieldVault; client: Client }, emailKey: string, claim: ClaimRow | null,
): Promise<EmailPageData | null> {
  const item = await getQueueItem(deps.db, deps.vault, emailKey);
  if (!item) return null;
  const customerId = item.emailCase?.enrichment?.customerId ?? null;
  const [view, crm, history, followUps, actions, queue, pdfPreviews] = await Promise.all([
    // The last blocked edit's checks may quote its text, sealed in the workflow (sealed-text.ts).
    viewWithin(deps.client, emailKey, 3_000).then((v) => openTextsIn(deps.vault, v)),
    customerAndOrders(deps.db, customerId),
    customerHistory(deps.db, deps.vault, { emailKey, conversationId: item.conversationId, customerId }),
    followUpsOf(deps.db, deps.vault, emailKey),
    reviewerActionsOf(deps.db, deps.vault, emailKey),
    listWaitingEmails(deps.db, deps.vault, { limit: 500 }).then((items) => inPriorityOrder(items, Date.now())),
    loadPdfPreviews(deps, emailKey, item.emailCase?.parsed.attachments ?? []),
  ]);
  // j/k follow the queue's order.
  const at = queue.findIndex((q) => q.emailKey === emailKey);
  return {
    item, view, claim, ...crm, history, followUps, actions, pdfPreviews,
    previous: at > 0 ? queue[at - 1]!.emailKey : null,
    next: at >= 0 && at + 1 < queue.length ? queue[at + 1]!.emailKey : null,
  };
}

async function customerAndOrders(db: Queryable, customerId: string | null) {
  if (!customerId) return { customer: null, orders: [] };
  const shop = new PgShopData(db);
  try {
    const [customer, orders] = await Promise.all([shop.customerById(customerId), shop.ordersOfCustomer(customerId)]);
    return { customer, orders: orders.slice(-10).reverse() };
  } catch {
    // No CRM seeded in this database: the page shows the case file alone.
    return { customer: null, orders: [] };
  }
}
