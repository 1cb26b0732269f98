/** Questions about what was charged: the order's breakdown from shop data, for a person to review. Nothing conceded. */
import type { ReplyContext } from '../reply-context';
import { itemsSubtotal } from '../shop-format';
import { orderIssueParagraph } from './order-paragraphs';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [say(ctx, 'payment.opening')];
  if (!order) {
    paragraphs.push(orderIssueParagraph(ctx));
  } else {
    f.text('order_number', order.number);
    f.amount('items_subtotal', itemsSubtotal(order));
    f.amount('shipping_fee', order.shipping_fee);
    f.amount('total', order.total);
    paragraphs.push(say(ctx, 'payment.breakdown', f));
    f.amount('free_shipping_threshold', ctx.policies.free_shipping_threshold);
    paragraphs.push(say(ctx, 'payment.free_shipping', f));
  }
  paragraphs.push(say(ctx, 'payment.adviser'));
  return { subject: orderSubject(ctx, order, 'payment.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const orderAmountsTemplate: ReplyTemplate = { id: 'order-amounts', version: '1.0.0', intents: ['payment_issue'], render };
