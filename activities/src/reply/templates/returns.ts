/** Returns and refunds: the return window and deadline, refund delays and amounts, all from shop data. No free label here. */
import type { OrderRecord, ProductRecord } from '../../domain/types';
import { productMatcher, saidToOwn } from '../product-mentions';
import type { ReplyContext } from '../reply-context';
import { businessDaysBetween, refundProcessingDays, refundProcessingMaxDays, roundCents } from '../shop-format';
import { orderIssueParagraph, refundDelaySentence, returnWindowSentence, statusParagraphs } from './order-paragraphs';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';

/** Order lines the request is about ("le blender"), with their amount (unit price × quantity). */
export function mentionedLines(ctx: ReplyContext, order: OrderRecord): { product: ProductRecord; amount: number }[] {
  return ctx.concerned
    .map((p) => ({ product: p, line: order.items.find((it) => it.sku === p.sku) }))
    .filter((x) => x.line !== undefined)
    .map((x) => ({ product: x.product, amount: roundCents(x.line!.unit_price * x.line!.qty) }));
}

export function productName(ctx: ReplyContext, p: ProductRecord): string {
  return ctx.lang === 'fr' ? p.name_fr : p.name_en;
}

function whatToReturn(ctx: ReplyContext, f: FactSheet, lines: { product: ProductRecord }[]): string {
  if (lines.length === 1) return say(ctx, 'item.named', f, { produit: f.text('product', productName(ctx, lines[0]!.product)) });
  return say(ctx, 'returns.items_of_order');
}

/**
 * The return policy in general, for a question asked without a verified order. With `withPrice`, a product the
 * customer is thinking of buying (one they neither have from the shop nor say is theirs) is named with its price:
 * the policy applies to it like to any item.
 */
function generalPolicy(ctx: ReplyContext, f: FactSheet, withPrice = false): string[] {
  f.number('return_window_days', ctx.policies.return_window_days);
  const matcher = productMatcher(ctx.catalogue);
  const considered = withPrice ? ctx.concerned.filter((p) => !ctx.ownedSkus.has(p.sku) && !saidToOwn(ctx.customerText, p, matcher)) : [];
  const about = considered.length === 1 ? considered[0]! : null;
  const product = about ? { produit: f.text('product', productName(ctx, about)), prix: f.amount('price', about.price) } : { produit: null, prix: null };
  return [say(ctx, 'returns.general_window', f, product), refundDelaySentence(ctx, f)];
}

function returnPolicy(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    // A question asked before buying: no order number at all.
    paragraphs.push(...generalPolicy(ctx, f, ctx.orderIssue === 'no_order_number'));
    if (ctx.orderIssue !== 'no_order_number') paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'delivered') {
    f.text('order_number', order.number);
    f.text('status', order.status);
    const lines = mentionedLines(ctx, order);
    const window = returnWindowSentence(ctx, f, order, whatToReturn(ctx, f, lines));
    if (window) paragraphs.push(window);
    paragraphs.push(refundDelaySentence(ctx, f));
    paragraphs.push(say(ctx, 'returns.how_to_proceed'));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(...generalPolicy(ctx, f));
  }
  return { subject: orderSubject(ctx, order, 'returns.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function refundRequest(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, 'refund_request.received'));
    paragraphs.push(...generalPolicy(ctx, f));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'delivered') {
    f.text('order_number', order.number);
    f.text('status', order.status);
    const lines = mentionedLines(ctx, order);
    paragraphs.push(say(ctx, 'refund_request.received_for_order', f));
    const window = returnWindowSentence(ctx, f, order, whatToReturn(ctx, f, lines));
    if (window) paragraphs.push(window);
    const amount = lines.length > 0 ? f.amount('refund_amount', roundCents(lines.reduce((s, l) => s + l.amount, 0))) : undefined;
    paragraphs.push(refundDelaySentence(ctx, f, amount));
    paragraphs.push(say(ctx, 'refund_request.return_instructions'));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    if (order.status !== 'refunded') {
      paragraphs.push(say(ctx, 'refund_request.adviser'));
    }
  }
  return { subject: orderSubject(ctx, order, 'refund_request.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function refundStatus(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, 'refund_status.no_order'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else {
    f.text('order_number', order.number);
    f.text('status', order.status);
    const delay = () => f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
    if (order.status === 'refunded' && order.refunded_amount != null) {
      f.amount('refunded_amount', order.refunded_amount);
      paragraphs.push(say(ctx, 'refund_status.refunded', f));
      delay();
      paragraphs.push(say(ctx, 'refund_status.bank_delay', f));
    } else if (order.status === 'returned' && order.return_received_at) {
      f.date('return_received_at', order.return_received_at);
      delay();
      paragraphs.push(say(ctx, 'refund_status.return_received', f));
      const max = refundProcessingMaxDays(ctx.policies);
      if (max !== null && businessDaysBetween(order.return_received_at, ctx.today) > max) {
        f.note('refund_overdue', true);
        paragraphs.push(say(ctx, 'refund_status.overdue'));
      }
    } else if (order.status === 'delivered' && order.delivered_at) {
      // Nothing sent back yet, as far as the shop knows: how long the customer has to return it, and how long the
      // refund then takes, answer a refund-delay question asked before a return.
      paragraphs.push(say(ctx, 'refund_status.no_return_yet', f));
      const window = returnWindowSentence(ctx, f, order, whatToReturn(ctx, f, mentionedLines(ctx, order)));
      if (window) paragraphs.push(window);
      paragraphs.push(refundDelaySentence(ctx, f));
      paragraphs.push(say(ctx, 'refund_status.already_sent_back'));
    } else {
      paragraphs.push(...statusParagraphs(ctx, f, order));
      paragraphs.push(say(ctx, 'refund_status.none_recorded'));
    }
  }
  return { subject: orderSubject(ctx, order, 'refund_status.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const returnPolicyTemplate: ReplyTemplate = { id: 'return-policy', version: '1.1.0', intents: ['return_request'], render: returnPolicy };
export const refundRequestTemplate: ReplyTemplate = { id: 'refund-request', version: '1.0.0', intents: ['refund_request'], render: refundRequest };
export const refundStatusTemplate: ReplyTemplate = { id: 'refund-status', version: '1.1.0', intents: ['refund_status'], render: refundStatus };
