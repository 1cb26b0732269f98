/**
 * A thank-you note: a warm acknowledgement, the order when there is one (delivered: when; refunded: how much; on its way
 * on time: carrier, tracking number and estimate), and nothing offered.
 */
import type { ReplyContext } from '../reply-context';
import { daysLate } from '../shop-format';
import { FactSheet, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const shop = ctx.policies.shop_name;
  const paragraphs = [pick(ctx.lang,
    `Merci beaucoup pour votre message, qui fait très plaisir à toute l'équipe ${shop}.`,
    `Thank you very much for your kind message: it means a lot to the whole ${shop} team.`)];
  const order = ctx.order;
  if (order && order.status === 'delivered' && order.delivered_at) {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const on = f.date('delivered_at', order.delivered_at);
    paragraphs.push(pick(ctx.lang,
      `Nous sommes ravis que votre commande ${n}, livrée le ${on}, vous plaise.`,
      `We are delighted that you are happy with your order ${n}, delivered on ${on}.`));
  } else if (order && order.status === 'shipped' && order.tracking_number && order.carrier && order.estimated_delivery
    && daysLate(order, ctx.today) === 0) {
    // A parcel still on its way, on time: where it is, in one line (a late one is a delivery question, not a thank-you).
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const carrier = f.text('carrier', order.carrier);
    const tracking = f.text('tracking_number', order.tracking_number);
    const est = f.date('estimated_delivery', order.estimated_delivery);
    paragraphs.push(pick(ctx.lang,
      `Votre commande ${n} est en route avec ${carrier} (numéro de suivi ${tracking}) ; le transporteur estime la livraison au ${est}.`,
      `Your order ${n} is on its way with ${carrier} (tracking number ${tracking}); the carrier's estimated delivery date is ${est}.`));
  } else if (order && order.status === 'refunded' && order.refunded_amount != null) {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const amount = f.amount('refunded_amount', order.refunded_amount);
    paragraphs.push(pick(ctx.lang,
      `Nous sommes heureux que tout soit en ordre pour le remboursement de ${amount} de votre commande ${n}.`,
      `We are glad that everything is in order with the ${amount} refund for your order ${n}.`));
  }
  paragraphs.push(pick(ctx.lang, 'Au plaisir de vous retrouver bientôt !', 'We look forward to seeing you again soon!'));
  return { subject: pick(ctx.lang, 'Merci pour votre message', 'Thank you for your message'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const thanksTemplate: ReplyTemplate = { id: 'thanks', version: '1.1.0', intents: ['thanks'], render };
