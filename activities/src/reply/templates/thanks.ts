/**
 * A thank-you note: a warm acknowledgement, the order when there is one (delivered: when; refunded: how much; on its way
 * on time: carrier, tracking number and estimate), and nothing offered.
 */
import type { ReplyContext } from '../reply-context';
import { daysLate } from '../shop-format';
import { say } from '../wording/say';
import { FactSheet, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const paragraphs = [say(ctx, 'thanks.opening')];
  const order = ctx.order;
  if (order && order.status === 'delivered' && order.delivered_at) {
    f.text('order_number', order.number);
    f.text('status', order.status);
    f.date('delivered_at', order.delivered_at);
    paragraphs.push(say(ctx, 'thanks.delivered', f));
  } else if (order && order.status === 'shipped' && order.tracking_number && order.carrier && order.estimated_delivery
    && daysLate(order, ctx.today) === 0) {
    // A parcel still on its way, on time: where it is, in one line (a late one is a delivery question, not a thank-you).
    f.text('order_number', order.number);
    f.text('status', order.status);
    f.text('carrier', order.carrier);
    f.text('tracking_number', order.tracking_number);
    f.date('estimated_delivery', order.estimated_delivery);
    paragraphs.push(say(ctx, 'thanks.on_its_way', f));
  } else if (order && order.status === 'refunded' && order.refunded_amount != null) {
    f.text('order_number', order.number);
    f.text('status', order.status);
    f.amount('refunded_amount', order.refunded_amount);
    paragraphs.push(say(ctx, 'thanks.refunded', f));
  }
  paragraphs.push(say(ctx, 'thanks.closing'));
  return { subject: say(ctx, 'thanks.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const thanksTemplate: ReplyTemplate = { id: 'thanks', version: '1.1.0', intents: ['thanks'], render };
