/**
 * Order status and delivery delay: where the parcel is, from verified order data only; never a promised date.
 * 1.1.0: an order in preparation is stated with its date and total, a delivered one with its tracking number, a
 * cancelled one with its date.
 */
import type { ReplyContext } from '../reply-context';
import { carrierOrUnnamed, offerParagraph, orderIssueParagraph, statusParagraphs } from './order-paragraphs';
import { say } from '../wording/say';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext, templateIntent: 'order_status' | 'delivery_delay'): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  let offers: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, 'order_status.no_order'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    if (templateIntent === 'delivery_delay' && order.status === 'delivered') {
      paragraphs.push(say(ctx, 'order_status.not_received_check', f, { transporteur: carrierOrUnnamed(ctx, order) }));
    }
    // The voucher answers a customer still waiting, or one who complains about the delay; not a plain status question
    // about a parcel that has since arrived.
    const waitingOrComplaining = order.status === 'shipped' || templateIntent === 'delivery_delay';
    offers = waitingOrComplaining ? ctx.offers.filter((c) => c === 'GESTE10') : [];
    if (offers.length) {
      f.note('offer', offers[0]!);
      paragraphs.push(offerParagraph(ctx, offers, say(ctx, 'order_status.delay_offer_intro', f)));
    }
  }
  const subject = orderSubject(ctx, order, 'order.subject_no_order');
  return { subject, paragraphs, facts: f.facts, display: f.display, offers };
}

export const orderStatusTemplate: ReplyTemplate = {
  id: 'order-status',
  version: '1.1.0',
  intents: ['order_status'],
  render: (ctx) => render(ctx, 'order_status'),
};

export const deliveryDelayTemplate: ReplyTemplate = {
  id: 'delivery-delay',
  version: '1.1.0',
  intents: ['delivery_delay'],
  render: (ctx) => render(ctx, 'delivery_delay'),
};
