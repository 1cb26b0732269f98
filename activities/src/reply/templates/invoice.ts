/**
 * Invoice request. A delivered order's reply carries the invoice as a PDF (reply/invoice-document.ts: built from the
 * verified order, its lines fact-checked like this text) and says so, with the order, delivery date and total. An
 * order with no invoice yet, or one that needs a credit note, gets its status and the way forward, for a person.
 * 1.3.0 names the order date too (the date an accountant files the invoice under);
 * 1.1.0 offered the PDF on request (nothing was attached then); 1.0.0 claimed an attachment that was not there.
 */
import { invoiceFor, type NoInvoiceReason } from '../invoice-document';
import type { ReplyContext } from '../reply-context';
import { orderIssueParagraph, statusParagraphs } from './order-paragraphs';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';
import type { PhraseKey } from '../wording/phrase-catalogue';

const NO_INVOICE: Record<NoInvoiceReason, PhraseKey> = {
  not_delivered_yet: 'invoice.not_delivered_yet',
  credit_note_needed: 'invoice.credit_note_needed',
  totals_do_not_add_up: 'invoice.by_adviser',
  unknown_product: 'invoice.by_adviser',
};

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  const subject = orderSubject(ctx, order, 'invoice.subject');
  if (!order || !ctx.customer) {
    paragraphs.push(say(ctx, 'invoice.no_order'));
    paragraphs.push(orderIssueParagraph(ctx));
    return { subject, paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  const invoice = invoiceFor(order, ctx.customer, ctx.catalogue, ctx.policies, ctx.lang);
  if (!invoice.ok) {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    f.note('no_invoice_reason', invoice.reason);
    paragraphs.push(say(ctx, NO_INVOICE[invoice.reason]));
    return { subject, paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  f.text('order_number', order.number);
  f.text('status', order.status);
  f.text('currency', order.currency);
  f.date('ordered_at', order.ordered_at);
  f.date('delivered_at', order.delivered_at!);
  f.amount('total', order.total);
  f.text('attachment', invoice.attachment.filename);
  paragraphs.push(say(ctx, 'invoice.attached', f));
  return { subject, paragraphs, facts: f.facts, display: f.display, offers: [], attachments: [invoice.attachment] };
}

export const invoiceTemplate: ReplyTemplate = { id: 'invoice-copy', version: '1.3.0', intents: ['invoice_request'], render };
