/**
 * Actions on an order (cancel, change the delivery address): a draft acknowledging the request with the order's
 * verified state, for a person to confirm. The new address the customer wrote is never repeated.
 */
import type { ReplyContext } from '../reply-context';
import { refundProcessingDays, returnDeadline } from '../shop-format';
import { carrierOrUnnamed, orderIssueParagraph, statusParagraphs, trackingLines } from './order-paragraphs';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';

function cancel(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, 'cancel.received'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'processing') {
    f.text('order_number', order.number);
    f.text('status', order.status);
    f.date('ordered_at', order.ordered_at);
    f.amount('total', order.total);
    f.amount('refund_amount', order.total);
    f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
    paragraphs.push(say(ctx, 'cancel.received_for_order', f));
    paragraphs.push(say(ctx, 'cancel.still_processing', f));
  } else if (order.status === 'shipped' || order.status === 'delivered') {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    const deadline = returnDeadline(order, ctx.policies);
    f.number('return_window_days', ctx.policies.return_window_days);
    if (order.status === 'delivered') f.date('return_deadline', deadline!);
    paragraphs.push(say(ctx, order.status === 'shipped' ? 'cancel.already_shipped' : 'cancel.already_delivered', f));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(say(ctx, 'order_action.adviser'));
  }
  return { subject: orderSubject(ctx, order, 'cancel.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function changeAddress(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, 'address.received'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'processing') {
    f.text('order_number', order.number);
    f.text('status', order.status);
    paragraphs.push(say(ctx, 'address.processing', f));
  } else if (order.status === 'shipped') {
    f.text('order_number', order.number);
    f.text('status', order.status);
    if (order.carrier) f.text('carrier', order.carrier);
    paragraphs.push(say(ctx, 'address.shipped', f, { transporteur: carrierOrUnnamed(ctx, order) }));
    const track = trackingLines(ctx, f, order);
    if (track) paragraphs.push(track);
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(say(ctx, 'order_action.adviser'));
  }
  return { subject: orderSubject(ctx, order, 'address.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const cancelOrderTemplate: ReplyTemplate = { id: 'cancel-order', version: '1.0.0', intents: ['cancel_order'], render: cancel };
export const changeAddressTemplate: ReplyTemplate = { id: 'change-address', version: '1.0.0', intents: ['change_address'], render: changeAddress };
