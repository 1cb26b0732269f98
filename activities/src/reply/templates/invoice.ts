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
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

const NO_INVOICE: Record<NoInvoiceReason, [string, string]> = {
  not_delivered_yet: [
    "La facture est établie à la livraison de la commande : un conseiller vous la transmettra dès qu'elle sera disponible.",
    'The invoice is issued once the order is delivered: one of our advisers will send it to you as soon as it is available.',
  ],
  credit_note_needed: [
    "Pour cette commande, un conseiller vous transmet la facture et l'avoir correspondant dans les meilleurs délais.",
    'For this order, one of our advisers will send you the invoice and the matching credit note shortly.',
  ],
  totals_do_not_add_up: [
    'Un conseiller vous transmet la facture de cette commande dans les meilleurs délais.',
    'One of our advisers will send you the invoice for this order shortly.',
  ],
  unknown_product: [
    'Un conseiller vous transmet la facture de cette commande dans les meilleurs délais.',
    'One of our advisers will send you the invoice for this order shortly.',
  ],
};

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  const subject = orderSubject(ctx, order, 'Votre facture', 'Your invoice');
  if (!order || !ctx.customer) {
    paragraphs.push(pick(ctx.lang, 'Merci pour votre demande de facture.', 'Thank you for your invoice request.'));
    paragraphs.push(orderIssueParagraph(ctx));
    return { subject, paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  const invoice = invoiceFor(order, ctx.customer, ctx.catalogue, ctx.policies, ctx.lang);
  if (!invoice.ok) {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    f.note('no_invoice_reason', invoice.reason);
    paragraphs.push(pick(ctx.lang, ...NO_INVOICE[invoice.reason]));
    return { subject, paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  const n = f.text('order_number', order.number);
  f.text('status', order.status);
  f.text('currency', order.currency);
  const placed = f.date('ordered_at', order.ordered_at);
  const delivered = f.date('delivered_at', order.delivered_at!);
  const total = f.amount('total', order.total);
  f.text('attachment', invoice.attachment.filename);
  paragraphs.push(pick(ctx.lang,
    `Veuillez trouver ci-joint la facture (PDF) de votre commande ${n}, passée le ${placed} et livrée le ${delivered}, d'un montant total de ${total}.`,
    `Please find attached the invoice (PDF) for your order ${n}, placed on ${placed} and delivered on ${delivered}, for a total of ${total}.`));
  return { subject, paragraphs, facts: f.facts, display: f.display, offers: [], attachments: [invoice.attachment] };
}

export const invoiceTemplate: ReplyTemplate = { id: 'invoice-copy', version: '1.3.0', intents: ['invoice_request'], render };
