/** A thank-you note: a warm acknowledgement, the delivered order when there is one, and nothing offered. */
import type { ReplyContext } from '../reply-context';
import { FactSheet, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const shop = ctx.policies.shop_name;
  const paragraphs = [pick(ctx.lang,
    `Merci beaucoup pour votre message, qui fait très plaisir à toute l'équipe ${shop}.`,
    `Thank you very much for your kind message: it means a lot to the whole ${shop} team.`)];
  const order = ctx.order;
  if (order && order.status === 'delivered' && order.delivered_at) {
    const n = f.text('order_number', order.number);
    f.text('status', order.status);
    const on = f.date('delivered_at', order.delivered_at);
    paragraphs.push(pick(ctx.lang,
      `Nous sommes ravis que votre commande ${n}, livrée le ${on}, vous plaise.`,
      `We are delighted that you are happy with your order ${n}, delivered on ${on}.`));
  }
  paragraphs.push(pick(ctx.lang, 'Au plaisir de vous retrouver bientôt !', 'We look forward to seeing you again soon!'));
  return { subject: pick(ctx.lang, 'Merci pour votre message', 'Thank you for your message'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const thanksTemplate: ReplyTemplate = { id: 'thanks', version: '1.0.0', intents: ['thanks'], render };
