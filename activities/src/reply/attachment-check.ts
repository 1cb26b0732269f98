/**
 * Documents a reply carries are checked like its text: an invoice is for an order verified as the sender's, every order
 * number, amount, date and product price it shows is fact-checked against the shop, and its total is the order's.
 * The reply's text and its documents agree: a text that says a file is attached has one, and a document is never
 * sent under a text that does not mention it.
 */
import type { Draft, OrderRecord, ShopData } from '../domain/types';
import { factCheck, type FactCheckScope } from './fact-check';
import { fold } from './text-fold';

export interface AttachmentIssue {
  check: 'attachment_mismatch' | 'fact_mismatch' | 'unverifiable_fact' | 'other_customer_data';
  message: string;
}

const SAYS_ATTACHED = /\b(?:ci-joint\w*|en piece jointe|joint a ce message|attached|attachment)\b/;

export async function attachmentIssues(
  draft: Draft, text: string, verifiedOrders: OrderRecord[], scope: FactCheckScope, shop: ShopData,
): Promise<AttachmentIssue[]> {
  const docs = draft.attachments ?? [];
  const issues: AttachmentIssue[] = [];
  const saysAttached = SAYS_ATTACHED.test(fold(text));
  if (saysAttached && docs.length === 0) issues.push({ check: 'attachment_mismatch', message: 'the text says a file is attached, and none is' });
  if (!saysAttached && docs.length > 0) issues.push({ check: 'attachment_mismatch', message: 'a document is attached that the text does not mention' });
  for (const doc of docs) {
    const order = verifiedOrders.find((o) => o.number === doc.orderNumber);
    if (!order) {
      issues.push({ check: 'attachment_mismatch', message: `${doc.filename} is for ${doc.orderNumber}, not an order verified as the sender's` });
      continue;
    }
    if (Math.abs(doc.total - order.total) >= 0.005) {
      issues.push({ check: 'fact_mismatch', message: `${doc.filename} totals ${doc.total}, the order ${order.total}` });
    }
    for (const issue of await factCheck(`${doc.title}\n${doc.lines.join('\n')}`, { ...scope, orderNumber: order.number }, shop)) {
      issues.push({ check: issue.check, message: `${doc.filename}: ${issue.message}` });
    }
  }
  return issues;
}
