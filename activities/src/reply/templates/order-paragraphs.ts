/**
 * Paragraphs about one verified order, shared by several templates: where the parcel is, how late it is, what an
 * unverifiable order number means for the reply, and the approved offers in words.
 */
import type { OrderRecord } from '../../domain/types';
import { trackingUrl } from '../carrier-links';
import type { ReplyContext } from '../reply-context';
import { daysLate, refundProcessingDays, returnDeadline } from '../shop-format';
import { say } from '../wording/say';
import { FactSheet, pick, plural } from './template-kit';

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
  const n = f.text('tracking_number', order.tracking_number);
  const url = trackingUrl(order.carrier, order.tracking_number);
  if (url) f.note('tracking_url', url);
  const lines = [pick(ctx.lang, `Numéro de suivi : ${n}`, `Tracking number: ${n}`)];
  if (url) lines.push(pick(ctx.lang, `Suivi du colis : ${url}`, `Track your parcel: ${url}`));
  return lines.join('\n');
}

function shippedClause(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string {
  const on = order.shipped_at ? pick(ctx.lang, ` le ${f.date('shipped_at', order.shipped_at)}`, ` on ${f.date('shipped_at', order.shipped_at)}`) : '';
  const carrier = order.carrier ? pick(ctx.lang, ` avec ${f.text('carrier', order.carrier)}`, ` with ${f.text('carrier', order.carrier)}`) : '';
  return pick(ctx.lang, `a été expédiée${on}${carrier}`, `was shipped${on}${carrier}`);
}

/** Where a shipped order stands: on time, slightly late (apology) or late (apology, follow-up with the carrier, offer). */
export function shippedParagraphs(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string[] {
  const n = f.text('order_number', order.number);
  f.text('status', order.status);
  const late = daysLate(order, ctx.today);
  const out: string[] = [];
  if (late === 0) {
    out.push(pick(ctx.lang, `Votre commande ${n} ${shippedClause(ctx, f, order)}.`, `Your order ${n} ${shippedClause(ctx, f, order)}.`));
    const track = trackingLines(ctx, f, order);
    if (track) out.push(track);
    if (order.estimated_delivery) {
      f.date('estimated_delivery', order.estimated_delivery);
      out.push(say(ctx, 'order.on_time_estimate', f));
    }
    return out;
  }
  f.number('days_late', late);
  const est = order.estimated_delivery ? f.date('estimated_delivery', order.estimated_delivery) : '';
  const lateFr = plural(late, 'fr', ['jour', 'jours'], ['day', 'days']);
  const lateEn = plural(late, 'en', ['jour', 'jours'], ['day', 'days']);
  out.push(pick(ctx.lang,
    `Nous sommes désolés : votre commande ${n} devait être livrée le ${est} et elle a aujourd'hui ${lateFr} de retard. Elle ${shippedClause(ctx, f, order)} et le colis est toujours en cours d'acheminement.`,
    `We are sorry: your order ${n} was due on ${est} and is now ${lateEn} late. It ${shippedClause(ctx, f, order)} and the parcel is still in transit.`));
  const track = trackingLines(ctx, f, order);
  if (track) out.push(track);
  const carrier = order.carrier ?? pick(ctx.lang, 'le transporteur', 'the carrier');
  if (late <= 5) {
    out.push(pick(ctx.lang,
      `Si le colis n'est pas arrivé dans les prochains jours, répondez simplement à ce message et nous interviendrons auprès de ${carrier}.`,
      `If the parcel has not arrived in the next few days, simply reply to this message and we will take it up with ${carrier}.`));
  } else {
    out.push(pick(ctx.lang,
      `Nous contactons ${carrier} pour connaître la situation de votre colis et revenons vers vous dès que possible.`,
      `We are contacting ${carrier} to find out where your parcel is and will get back to you as soon as possible.`));
  }
  return out;
}

/** One paragraph on an order in any status (used by status, invoice, thanks…). */
export function statusParagraphs(ctx: ReplyContext, f: FactSheet, order: OrderRecord): string[] {
  const n = f.text('order_number', order.number);
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
      const by = order.carrier ? pick(ctx.lang, ` par ${f.text('carrier', order.carrier)}`, ` by ${f.text('carrier', order.carrier)}`) : '';
      const on = order.delivered_at ? pick(ctx.lang, ` le ${f.date('delivered_at', order.delivered_at)}`, ` on ${f.date('delivered_at', order.delivered_at)}`) : '';
      const tracked = order.tracking_number
        ? pick(ctx.lang, ` (numéro de suivi ${f.text('tracking_number', order.tracking_number)})`, ` (tracking number ${f.text('tracking_number', order.tracking_number)})`)
        : '';
      return [pick(ctx.lang, `Votre commande ${n} a été livrée${on}${by}${tracked}.`, `Your order ${n} was delivered${on}${by}${tracked}.`)];
    }
    case 'cancelled': {
      f.text('status', order.status);
      f.date('ordered_at', order.ordered_at);
      return [say(ctx, 'order.cancelled', f)];
    }
    case 'refunded': {
      f.text('status', order.status);
      const amount = order.refunded_amount != null ? f.amount('refunded_amount', order.refunded_amount) : null;
      return [pick(ctx.lang,
        amount ? `Votre commande ${n} a été remboursée, pour un montant de ${amount}.` : `Votre commande ${n} a été remboursée.`,
        amount ? `Your order ${n} has been refunded, for an amount of ${amount}.` : `Your order ${n} has been refunded.`)];
    }
    case 'returned': {
      f.text('status', order.status);
      const on = order.return_received_at ? f.date('return_received_at', order.return_received_at) : null;
      return [pick(ctx.lang,
        on ? `Nous avons bien reçu le retour de votre commande ${n} le ${on}.` : `Votre commande ${n} nous a été retournée.`,
        on ? `We received the return of your order ${n} on ${on}.` : `Your order ${n} has been returned to us.`)];
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
  const days = f.number('return_window_days', ctx.policies.return_window_days);
  const delivered = f.date('delivered_at', order.delivered_at);
  const until = f.date('return_deadline', deadline);
  if (deadline < ctx.today) {
    return pick(ctx.lang,
      `Le délai de retour de ${days} jours suivant la livraison du ${delivered} a pris fin le ${until}. Un conseiller examine votre demande et revient vers vous.`,
      `The ${days}-day return period after delivery on ${delivered} ended on ${until}. One of our advisers is looking at your request and will get back to you.`);
  }
  return pick(ctx.lang,
    `Vous pouvez nous retourner ${what} dans les ${days} jours suivant la livraison : votre commande ayant été livrée le ${delivered}, vous avez jusqu'au ${until} pour effectuer le retour.`,
    `You can send ${what} back to us within ${days} days of delivery: as your order was delivered on ${delivered}, you have until ${until} to return it.`);
}

export function refundDelaySentence(ctx: ReplyContext, f: FactSheet, amount?: string): string {
  const delay = f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
  return pick(ctx.lang,
    `Une fois l'article reçu et vérifié, nous procédons au remboursement${amount ? ` de ${amount}` : ''} sous ${delay}.`,
    `Once we have received and checked the item, we process the refund${amount ? ` of ${amount}` : ''} within ${delay}.`);
}

/** Approved offers in the shop's own words, with their codes recorded on the draft. */
export function offerParagraph(ctx: ReplyContext, codes: string[], intro: { fr: string; en: string }): string {
  const offers = codes.map((c) => ctx.policies.approved_offers.find((o) => o.code === c)).filter((o) => o !== undefined);
  if (offers.length === 0) return '';
  const lines = offers.map((o) => {
    const desc = ctx.lang === 'fr' ? o.description_fr : o.description_en;
    return o.code === 'GESTE10' ? `- ${desc} (code ${o.code})` : `- ${desc}`;
  });
  return `${pick(ctx.lang, intro.fr, intro.en)}\n${lines.join('\n')}`;
}


