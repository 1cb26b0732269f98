/** Invoice copy: for a delivered order the invoice is attached (the sender attaches the file named in `facts.attach_invoice`). */
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
    f.text('attach_invoice', order.number);
    const delivered = f.date('delivered_at', order.delivered_at);
    const total = f.amount('total', order.total);
    paragraphs.push(pick(ctx.lang,
      `Veuillez trouver ci-joint la facture de votre commande ${n}, livrée le ${delivered}, d'un montant total de ${total}.`,
      `Please find attached the invoice for your order ${n}, delivered on ${delivered}, for a total of ${total}.`));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(pick(ctx.lang,
      'Un conseiller vous transmet la facture de cette commande dans les meilleurs délais.',
      'One of our advisers will send you the invoice for this order shortly.'));
  }
  return { subject: orderSubject(ctx, order, 'Votre facture', 'Your invoice'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const invoiceTemplate: ReplyTemplate = { id: 'invoice-copy', version: '1.0.0', intents: ['invoice_request'], render };
