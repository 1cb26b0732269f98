/** Questions about what was charged: the order's breakdown from shop data, for a person to review. Nothing conceded. */
import type { ReplyContext } from '../reply-context';
import { itemsSubtotal } from '../shop-format';
import { orderIssueParagraph } from './order-paragraphs';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [pick(ctx.lang, 'Merci pour votre message au sujet de votre paiement.', 'Thank you for your message about your payment.')];
  if (!order) {
    paragraphs.push(orderIssueParagraph(ctx));
  } else {
    const n = f.text('order_number', order.number);
    const items = f.amount('items_subtotal', itemsSubtotal(order));
    const fee = f.amount('shipping_fee', order.shipping_fee);
    const total = f.amount('total', order.total);
    paragraphs.push(pick(ctx.lang,
      `Voici le détail de votre commande ${n} : articles ${items}, frais de livraison ${fee}, soit un total de ${total}.`,
      `Here is the breakdown of your order ${n}: items ${items}, delivery ${fee}, making a total of ${total}.`));
    const threshold = f.amount('free_shipping_threshold', ctx.policies.free_shipping_threshold);
    paragraphs.push(pick(ctx.lang, `La livraison est offerte dès ${threshold} d'achat.`, `Delivery is free on orders from ${threshold}.`));
  }
  paragraphs.push(pick(ctx.lang, 'Un conseiller vérifie votre paiement et revient vers vous.', 'One of our advisers is checking your payment and will get back to you.'));
  return { subject: orderSubject(ctx, order, 'Votre paiement', 'Your payment'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const orderAmountsTemplate: ReplyTemplate = { id: 'order-amounts', version: '1.0.0', intents: ['payment_issue'], render };
