/**
 * Invoice request: for a delivered order, its billing summary (order, delivery date, total) from verified data, and
 * the way to get the PDF. Nothing in the send path attaches a file, so the reply never says one is attached
 * (1.0.0 did: "veuillez trouver ci-joint", with nothing joined).
 */
import type { ReplyContext } from '../reply-context';
import { orderIssueParagraph, statusParagraphs } from './order-paragraphs';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang, 'Merci pour votre demande de facture.', 'Thank you for your invoice request.'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'delivered' && order.delivered_at) {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    f.text('currency', order.currency);
    const delivered = f.date('delivered_at', order.delivered_at);
    const total = f.amount('total', order.total);
    paragraphs.push(pick(ctx.lang,
      `Voici le récapitulatif de facturation de votre commande ${n}, livrée le ${delivered} : montant total de ${total}.`,
      `Here is the billing summary for your order ${n}, delivered on ${delivered}: a total of ${total}.`));
    paragraphs.push(pick(ctx.lang,
      'Pour recevoir la facture au format PDF, il vous suffit de répondre à ce message.',
      'To receive the invoice as a PDF, simply reply to this message.'));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(pick(ctx.lang,
      'Un conseiller vous transmet la facture de cette commande dans les meilleurs délais.',
      'One of our advisers will send you the invoice for this order shortly.'));
  }
  return { subject: orderSubject(ctx, order, 'Votre facture', 'Your invoice'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const invoiceTemplate: ReplyTemplate = { id: 'invoice-copy', version: '1.1.0', intents: ['invoice_request'], render };
