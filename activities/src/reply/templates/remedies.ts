/**
 * Damaged or missing items: a draft for a reviewer proposing only the approved remedies the case qualifies for
 * (free express re-shipment, prepaid return label; for a VIP, the shop's VIP-only remedies first). No refund promise,
 * no other gesture. 1.2.0 honours a stated contact preference (contact-preferences.ts) and proposes no offer the
 * customer refused (reply-context.ts).
 */
import type { ReplyContext } from '../reply-context';
import { offerParagraph, orderIssueParagraph } from './order-paragraphs';
import { mentionedLines, productName } from './returns';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';
import { contactPreferenceLine, wantsNoPhone } from './contact-preferences';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const damaged = ctx.intent === 'damaged_item';
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(say(ctx, damaged ? 'remedy.damaged_no_order' : 'remedy.missing_no_order'));
    paragraphs.push(orderIssueParagraph(ctx));
    return { subject: say(ctx, 'order.subject_no_order'), paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  f.text('order_number', order.number);
  f.text('status', order.status);
  const lines = mentionedLines(ctx, order);
  const key = damaged ? 'damaged_product' : 'missing_product';
  const article = lines.length === 1
    ? say(ctx, 'item.named', f, { produit: f.text(key, productName(ctx, lines[0]!.product)) })
    : say(ctx, 'item.unnamed');
  const datelivraison = order.delivered_at ? f.date('delivered_at', order.delivered_at) : null;
  paragraphs.push(say(ctx, damaged ? 'remedy.damaged' : 'remedy.missing', f, { article, datelivraison }));
  // The standard remedies, and a VIP's priority remedies (shop policy `vip_only`, already judged for this case).
  const vipOnly = new Set(ctx.policies.approved_offers.filter((o) => o.vip_only).map((o) => o.code));
  const offers = ctx.offers.filter((c) => c === 'RENVOI-EXPRESS' || c === 'RETOUR-GRATUIT' || vipOnly.has(c));
  if (offers.length) {
    f.note('offers', offers.join(','));
    paragraphs.push(offerParagraph(ctx, offers, say(ctx, 'remedy.offer_intro')));
  }
  if (damaged && !ctx.hasAttachments) {
    paragraphs.push(say(ctx, 'remedy.ask_photo'));
  }
  paragraphs.push(say(ctx, wantsNoPhone(ctx) ? 'remedy.confirm_in_writing' : 'remedy.confirm'));
  const contact = contactPreferenceLine(ctx);
  if (contact && !wantsNoPhone(ctx)) paragraphs.push(contact);
  return { subject: orderSubject(ctx, order, 'order.subject_no_order'), paragraphs, facts: f.facts, display: f.display, offers };
}

export const remedyTemplate: ReplyTemplate = { id: 'damaged-missing-item', version: '1.2.0', intents: ['damaged_item', 'missing_item'], render };
