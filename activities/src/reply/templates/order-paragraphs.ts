/**
 * Paragraphs about one verified order, shared by several templates: where the parcel is, how late it is, what an
 * unverifiable order number means for the reply, and the approved offers in words.
 */
import type { OrderRecord } from '../../domain/types';
import { trackingUrl } from '../carrier-links';
import type { ReplyContext } from '../reply-context';
import { daysLate, refundProcessingDays, returnDeadline } from '../shop-format';
import { say, type GivenValues } from '../wording/say';
import type { FactSheet } from './template-kit';

/** Why order facts cannot be given, and what we need from the customer. Never repeats the number they wrote. */
export function orderIssueParagraph(ctx: ReplyContext): string {
  switch (ctx.orderIssue) {
    case 'no_order_number':
      return say(ctx, 'order_issue.no_order_number');
    case 'unknown_order':
      return say(ctx, 'order_issue.unknown_order');
    case 'not_owned':
    case 'sender_unverified':
      return say(ctx, 'order_issue.not_owned');
    default:
      return '';
  }
}

/** "Numéro de suivi : … / Suivi du colis : <link>" lines, when the order has tracking. */
export function trackingLines(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string {
  if (!order.tracking_number) return '';
  f.text('tracking_number', order.tracking_number);
  const url = trackingUrl(order.carrier, order.tracking_number);
  if (url) f.note('tracking_url', url);
  const lines = [say(ctx, 'order.tracking_number', f)];
  if (url) lines.push(say(ctx, 'order.tracking_link', f));
  return lines.join('\n');
}

/** The shipping date and carrier, when the order has them (recorded in this order: date, then carrier). */
function shippedFacts(f: FactSheet, order: OrderRecord): GivenValues {
  return {
    dateexpedition: order.shipped_at ? f.date('shipped_at', order.shipped_at) : null,
    transporteur: order.carrier ? f.text('carrier', order.carrier) : null,
  };
}

/** The carrier's name, or "le transporteur" when the order names none. */
export function carrierOrUnnamed(ctx: ReplyContext, order: OrderRecord): string {
  return order.carrier ?? say(ctx, 'order.carrier_unnamed');
}

/** Where a shipped order stands: on time, slightly late (apology) or late (apology, follow-up with the carrier, offer). */
export function shippedParagraphs(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string[] {
  f.text('order_number', order.number);
  f.text('status', order.status);
  const late = daysLate(order, ctx.today);
  const out: string[] = [];
  if (late === 0) {
    out.push(say(ctx, 'order.shipped_on_time', f, shippedFacts(f, order)));
    const track = trackingLines(ctx, f, order);
    if (track) out.push(track);
    if (order.estimated_delivery) {
      f.date('estimated_delivery', order.estimated_delivery);
      out.push(say(ctx, 'order.on_time_estimate', f));
    }
    return out;
  }
  f.number('days_late', late);
  if (order.estimated_delivery) f.date('estimated_delivery', order.estimated_delivery);
  out.push(say(ctx, 'order.shipped_late', f, shippedFacts(f, order)));
  const track = trackingLines(ctx, f, order);
  if (track) out.push(track);
  const carrier = { transporteur: carrierOrUnnamed(ctx, order) };
  out.push(say(ctx, late <= 5 ? 'order.late_reply_if_not_arrived' : 'order.late_contacting_carrier', f, carrier));
  return out;
}

/** One paragraph on an order in any status (used by status, invoice, thanks…). */
export function statusParagraphs(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string[] {
  f.text('order_number', order.number);
  switch (order.status) {
    case 'processing': {
      f.text('status', order.status);
      f.date('ordered_at', order.ordered_at);
      f.amount('total', order.total);
      return [say(ctx, 'order.processing', f)];
    }
    case 'shipped':
      return shippedParagraphs(ctx, f, order);
    case 'delivered': {
      f.text('status', order.status);
      const given = {
        transporteur: order.carrier ? f.text('carrier', order.carrier) : null,
        datelivraison: order.delivered_at ? f.date('delivered_at', order.delivered_at) : null,
        numerosuivi: order.tracking_number ? f.text('tracking_number', order.tracking_number) : null,
      };
      return [say(ctx, 'order.delivered', f, given)];
    }
    case 'cancelled': {
      f.text('status', order.status);
      f.date('ordered_at', order.ordered_at);
      return [say(ctx, 'order.cancelled', f)];
    }
    case 'refunded': {
      f.text('status', order.status);
      const amount = order.refunded_amount != null ? f.amount('refunded_amount', order.refunded_amount) : null;
      return [say(ctx, 'order.refunded', f, { montantrembourse: amount })];
    }
    case 'returned': {
      f.text('status', order.status);
      if (!order.return_received_at) return [say(ctx, 'order.returned', f)];
      f.date('return_received_at', order.return_received_at);
      return [say(ctx, 'order.return_received', f)];
    }
    default:
      f.text('status', order.status);
      return [say(ctx, 'order.other_status', f)];
  }
}

/** The return window of a delivered order: "jusqu'au 19 décembre 2026 (30 jours après la livraison du …)". */
export function returnWindowSentence(ctx: ReplyContext, f: FactSheet, order: OrderRecord, what: string): string | null {
  const deadline = returnDeadline(order, ctx.policies);
  if (!deadline || !order.delivered_at) return null;
  f.number('return_window_days', ctx.policies.return_window_days);
  f.date('delivered_at', order.delivered_at);
  f.date('return_deadline', deadline);
  if (deadline < ctx.today) return say(ctx, 'returns.window_ended', f);
  return say(ctx, 'returns.window_open', f, { article: what });
}

export function refundDelaySentence(ctx: ReplyContext, f: FactSheet, amount?: string): string {
  f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
  return say(ctx, 'returns.refund_delay', f, { montantremboursement: amount ?? null });
}

/** Approved offers in the shop's own words (policy data), after the template's introduction, with their codes recorded on the draft. */
export function offerParagraph(ctx: ReplyContext, codes: string[], intro: string): string {
  const offers = codes.map((c) => ctx.policies.approved_offers.find((o) => o.code === c)).filter((o) => o !== undefined);
  if (offers.length === 0) return '';
  const lines = offers.map((o) => {
    const desc = ctx.lang === 'fr' ? o.description_fr : o.description_en;
    return o.code === 'GESTE10' ? `- ${desc} (code ${o.code})` : `- ${desc}`;
  });
  return `${intro}\n${lines.join('\n')}`;
}


