/**
 * Order status and delivery delay: where the parcel is, from verified order data only; never a promised date.
 * 1.1.0: an order in preparation is stated with its date and total, a delivered one with its tracking number, a
 * cancelled one with its date.
 */
import type { ReplyContext } from '../reply-context';
import { offerParagraph, orderIssueParagraph, statusParagraphs } from './order-paragraphs';
import { say } from '../wording/say';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

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
      const carrier = order.carrier ?? pick(ctx.lang, 'le transporteur', 'the carrier');
      paragraphs.push(pick(ctx.lang,
        `Si vous n'avez pas reçu le colis, répondez simplement à ce message : un conseiller vérifiera la livraison avec ${carrier}.`,
        `If you have not received the parcel, simply reply to this message: one of our advisers will check the delivery with ${carrier}.`));
    }
    // The voucher answers a customer still waiting, or one who complains about the delay; not a plain status question
    // about a parcel that has since arrived.
    const waitingOrComplaining = order.status === 'shipped' || templateIntent === 'delivery_delay';
    offers = waitingOrComplaining ? ctx.offers.filter((c) => c === 'GESTE10') : [];
    if (offers.length) {
      f.note('offer', offers[0]!);
      const intro = say(ctx, 'order_status.delay_offer_intro', f);
      paragraphs.push(offerParagraph(ctx, offers, { fr: intro, en: intro }));
    }
  }
  const subject = orderSubject(ctx, order, 'Votre commande', 'Your order');
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
