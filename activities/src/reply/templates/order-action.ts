/**
 * Actions on an order (cancel, change the delivery address): a draft acknowledging the request with the order's
 * verified state, for a person to confirm. The new address the customer wrote is never repeated.
 */
import type { ReplyContext } from '../reply-context';
import { refundProcessingDays, returnDeadline } from '../shop-format';
import { orderIssueParagraph, statusParagraphs, trackingLines } from './order-paragraphs';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

function cancel(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang, 'Nous avons bien reçu votre demande d\'annulation.', 'We have received your cancellation request.'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'processing') {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const placed = f.date('ordered_at', order.ordered_at);
    const total = f.amount('total', order.total);
    f.amount('refund_amount', order.total);
    const delay = f.text('refund_processing_days', refundProcessingDays(ctx.policies, ctx.lang));
    paragraphs.push(pick(ctx.lang,
      `Nous avons bien reçu votre demande d'annulation de la commande ${n}, passée le ${placed}, d'un montant de ${total}.`,
      `We have received your request to cancel order ${n}, placed on ${placed}, for a total of ${total}.`));
    paragraphs.push(pick(ctx.lang,
      `Elle est encore en cours de préparation : un conseiller vérifie votre demande et vous confirme l'annulation par e-mail. Une fois l'annulation confirmée, le remboursement de ${total} est traité sous ${delay}.`,
      `It is still being prepared: one of our advisers is checking your request and will confirm the cancellation by email. Once the cancellation is confirmed, the refund of ${total} is processed within ${delay}.`));
  } else if (order.status === 'shipped' || order.status === 'delivered') {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    const deadline = returnDeadline(order, ctx.policies);
    const days = f.number('return_window_days', ctx.policies.return_window_days);
    paragraphs.push(order.status === 'shipped'
      ? pick(ctx.lang,
        `La commande étant déjà expédiée, un conseiller examine votre demande et revient vers vous. Après la livraison, vous pourrez aussi nous retourner les articles dans les ${days} jours.`,
        `As the order has already shipped, one of our advisers is looking at your request and will get back to you. After delivery, you can also return the items within ${days} days.`)
      : pick(ctx.lang,
        `La commande étant déjà livrée, elle ne peut plus être annulée, mais vous pouvez nous retourner les articles jusqu'au ${f.date('return_deadline', deadline!)}. Un conseiller revient vers vous.`,
        `As the order has already been delivered, it can no longer be cancelled, but you can return the items until ${f.date('return_deadline', deadline!)}. One of our advisers will get back to you.`));
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(pick(ctx.lang, 'Un conseiller examine votre demande et revient vers vous.', 'One of our advisers is looking at your request and will get back to you.'));
  }
  return { subject: orderSubject(ctx, order, 'Votre demande d\'annulation', 'Your cancellation request'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

function changeAddress(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang, 'Nous avons bien reçu votre demande de changement d\'adresse.', 'We have received your change of address request.'));
    paragraphs.push(orderIssueParagraph(ctx));
  } else if (order.status === 'processing') {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    paragraphs.push(pick(ctx.lang,
      `Nous avons bien reçu votre demande de modification de l'adresse de livraison de votre commande ${n}. Elle est encore en cours de préparation : un conseiller vérifie que la modification est possible et vous la confirme par e-mail.`,
      `We have received your request to change the delivery address of your order ${n}. It is still being prepared: one of our advisers is checking that the change is possible and will confirm it by email.`));
  } else if (order.status === 'shipped') {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const carrier = order.carrier ? f.text('carrier', order.carrier) : pick(ctx.lang, 'le transporteur', 'the carrier');
    paragraphs.push(pick(ctx.lang,
      `Votre commande ${n} a déjà été confiée à ${carrier}. Un conseiller regarde avec le transporteur ce qui est possible et revient vers vous.`,
      `Your order ${n} has already been handed to ${carrier}. One of our advisers is checking with the carrier what can be done and will get back to you.`));
    const track = trackingLines(ctx, f, order);
    if (track) paragraphs.push(track);
  } else {
    paragraphs.push(...statusParagraphs(ctx, f, order));
    paragraphs.push(pick(ctx.lang, 'Un conseiller examine votre demande et revient vers vous.', 'One of our advisers is looking at your request and will get back to you.'));
  }
  return { subject: orderSubject(ctx, order, 'Votre changement d\'adresse', 'Your change of address'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const cancelOrderTemplate: ReplyTemplate = { id: 'cancel-order', version: '1.0.0', intents: ['cancel_order'], render: cancel };
export const changeAddressTemplate: ReplyTemplate = { id: 'change-address', version: '1.0.0', intents: ['change_address'], render: changeAddress };
