/** Returns and refunds: the return window and deadline, refund delays and amounts, all from shop data. No free label here. */
import type { OrderRecord, ProductRecord } from '../../domain/types';
import { productMatcher, saidToOwn } from '../product-mentions';
import type { ReplyContext } from '../reply-context';
import { businessDaysBetween, refundProcessingDays, refundProcessingMaxDays, roundCents } from '../shop-format';
import { orderIssueParagraph, refundDelaySentence, returnWindowSentence, statusParagraphs } from './order-paragraphs';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

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
  if (lines.length === 1) {
    const name = f.text('product', productName(ctx, lines[0]!.product));
    return pick(ctx.lang, `l'article « ${name} »`, `the ${name}`);
  }
  return pick(ctx.lang, 'les articles de votre commande', 'the items from your order');
}

/**
 * The return policy in general, for a question asked without a verified order. With `withPrice`, a product the
 * customer is thinking of buying (one they neither have from the shop nor say is theirs) is named with its price:
 * the policy applies to it like to any item.
 */
function generalPolicy(ctx: ReplyContext, f: FactSheet, withPrice = false): string[] {
  const days = f.number('return_window_days', ctx.policies.return_window_days);
  const matcher = productMatcher(ctx.catalogue);
  const considered = withPrice ? ctx.concerned.filter((p) => !ctx.ownedSkus.has(p.sku) && !saidToOwn(ctx.customerText, p, matcher)) : [];
  const about = considered.length === 1 ? considered[0]! : null;
  const included = about ? ` ${pick(ctx.lang,
    `y compris « ${f.text('product', productName(ctx, about))} » (${f.amount('price', about.price)})`,
    `the ${f.text('product', productName(ctx, about))} (${f.amount('price', about.price)}) included`)}` : '';
  return [
    pick(ctx.lang,
      `Vous disposez de ${days} jours après la livraison pour nous retourner un article${included ? `,${included}` : ''}.`,
      `You have ${days} days after delivery to return an item to us${included ? `,${included}` : ''}.`),
    refundDelaySentence(ctx, f),
  ];
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
    paragraphs.push(pick(ctx.lang,
      'Si vous décidez de nous retourner l\'article, répondez simplement à ce message : nous vous indiquerons la marche à suivre.',
      'If you decide to send it back, simply reply to this message and we will tell you how to proceed.'));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(...generalPolicy(ctx, f));
  }
  return { subject: orderSubject(ctx, order, 'Votre question sur les retours', 'Your question about returns'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function refundRequest(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang, 'Nous avons bien reçu votre demande de remboursement.', 'We have received your refund request.'));
    paragraphs.push(...generalPolicy(ctx, f));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'delivered') {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const lines = mentionedLines(ctx, order);
    paragraphs.push(pick(ctx.lang, `Nous avons bien reçu votre demande de remboursement pour votre commande ${n}.`, `We have received your refund request for your order ${n}.`));
    const window = returnWindowSentence(ctx, f, order, whatToReturn(ctx, f, lines));
    if (window) paragraphs.push(window);
    const amount = lines.length > 0 ? f.amount('refund_amount', roundCents(lines.reduce((s, l) => s + l.amount, 0))) : undefined;
    paragraphs.push(refundDelaySentence(ctx, f, amount));
    paragraphs.push(pick(ctx.lang,
      'Nous vous envoyons par e-mail la marche à suivre pour le retour.',
      'We will email you the instructions for the return.'));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    if (order.status !== 'refunded') {
      paragraphs.push(pick(ctx.lang, 'Un conseiller examine votre demande de remboursement et revient vers vous.', 'One of our advisers is looking at your refund request and will get back to you.'));
    }
  }
  return { subject: orderSubject(ctx, order, 'Votre demande de remboursement', 'Your refund request'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function refundStatus(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang, 'Merci pour votre message au sujet de votre remboursement.', 'Thank you for your message about your refund.'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const delay = () => f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
    if (order.status === 'refunded' && order.refunded_amount != null) {
      const amount = f.amount('refunded_amount', order.refunded_amount);
      paragraphs.push(pick(ctx.lang,
        `Le remboursement de votre commande ${n}, d'un montant de ${amount}, a bien été effectué de notre côté.`,
        `The refund of ${amount} for your order ${n} has been processed on our side.`));
      paragraphs.push(pick(ctx.lang,
        `Il faut compter ${delay()} pour que le montant apparaisse sur votre compte, selon les délais de votre banque.`,
        `Refunds usually take ${delay()} to appear on your account, depending on your bank.`));
    } else if (order.status === 'returned' && order.return_received_at) {
      const received = f.date('return_received_at', order.return_received_at);
      paragraphs.push(pick(ctx.lang,
        `Nous avons bien reçu le retour de votre commande ${n} le ${received}. Le remboursement est traité sous ${delay()} après la réception du retour.`,
        `We received the return of your order ${n} on ${received}. Refunds are processed within ${delay()} of receiving the return.`));
      const max = refundProcessingMaxDays(ctx.policies);
      if (max !== null && businessDaysBetween(order.return_received_at, ctx.today) > max) {
        f.note('refund_overdue', true);
        paragraphs.push(pick(ctx.lang,
          'Ce délai est dépassé : nous vérifions le traitement de votre remboursement et revenons vers vous au plus vite. Veuillez nous excuser pour cette attente.',
          'This period has passed: we are checking your refund and will get back to you as soon as possible. We apologise for the wait.'));
      }
    } else if (order.status === 'delivered' && order.delivered_at) {
      // Nothing sent back yet, as far as the shop knows: how long the customer has to return it, and how long the
      // refund then takes, answer a refund-delay question asked before a return.
      paragraphs.push(pick(ctx.lang,
        `Aucun remboursement n'est enregistré à ce jour pour votre commande ${n} : nous n'en avons pas reçu de retour.`,
        `No refund has been recorded for your order ${n} so far: we have not received a return for it.`));
      const window = returnWindowSentence(ctx, f, order, whatToReturn(ctx, f, mentionedLines(ctx, order)));
      if (window) paragraphs.push(window);
      paragraphs.push(refundDelaySentence(ctx, f));
      paragraphs.push(pick(ctx.lang,
        'Si vous nous avez déjà renvoyé un article, répondez simplement à ce message : un conseiller vérifiera sa réception et reviendra vers vous.',
        'If you have already sent an item back, simply reply to this message: one of our advisers will check that we received it and get back to you.'));
    } else {
      paragraphs.push(...statusParagraphs(ctx, f, order));
      paragraphs.push(pick(ctx.lang,
        'Aucun remboursement n\'est enregistré à ce jour pour cette commande ; un conseiller vérifie votre demande et revient vers vous.',
        'No refund has been recorded for this order so far; one of our advisers is checking your request and will get back to you.'));
    }
  }
  return { subject: orderSubject(ctx, order, 'Votre remboursement', 'Your refund'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const returnPolicyTemplate: ReplyTemplate = { id: 'return-policy', version: '1.1.0', intents: ['return_request'], render: returnPolicy };
export const refundRequestTemplate: ReplyTemplate = { id: 'refund-request', version: '1.0.0', intents: ['refund_request'], render: refundRequest };
export const refundStatusTemplate: ReplyTemplate = { id: 'refund-status', version: '1.1.0', intents: ['refund_status'], render: refundStatus };
