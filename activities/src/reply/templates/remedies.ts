/**
 * Damaged or missing items: a draft for a reviewer proposing only the approved remedies the case qualifies for
 * (free express re-shipment, prepaid return label; for a VIP, the shop's VIP-only remedies first). No refund promise,
 * no other gesture. 1.2.0 honours a stated contact preference (contact-preferences.ts) and proposes no offer the
 * customer refused (reply-context.ts).
 */
import type { ReplyContext } from '../reply-context';
import { offerParagraph, orderIssueParagraph } from './order-paragraphs';
import { mentionedLines, productName } from './returns';
import { FactSheet, orderSubject, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { contactPreferenceLine, wantsNoPhone } from './contact-preferences';

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const order = ctx.order;
  const damaged = ctx.intent === 'damaged_item';
  const paragraphs: string[] = [];
  if (!order) {
    paragraphs.push(pick(ctx.lang,
      damaged ? 'Nous sommes désolés que votre article soit arrivé endommagé.' : 'Nous sommes désolés qu\'il manque un article dans votre colis.',
      damaged ? 'We are sorry that your item arrived damaged.' : 'We are sorry that an item is missing from your parcel.'));
    paragraphs.push(orderIssueParagraph(ctx));
    return { subject: pick(ctx.lang, 'Votre commande', 'Your order'), paragraphs, facts: f.facts, display: f.display, offers: [] };
  }
  const n = f.text('order_number', order.number);
  f.text('status', order.status);
  const lines = mentionedLines(ctx, order);
  const key = damaged ? 'damaged_product' : 'missing_product';
  const item = lines.length === 1
    ? pick(ctx.lang, `l'article « ${f.text(key, productName(ctx, lines[0]!.product))} »`, `the ${f.text(key, productName(ctx, lines[0]!.product))}`)
    : pick(ctx.lang, 'un article', 'an item');
  const delivered = order.delivered_at ? pick(ctx.lang, `, livrée le ${f.date('delivered_at', order.delivered_at)}`, `, delivered on ${f.date('delivered_at', order.delivered_at)}`) : '';
  paragraphs.push(damaged
    ? pick(ctx.lang, `Nous sommes désolés : ${item} de votre commande ${n}${delivered}, est arrivé endommagé.`, `We are sorry that ${item} from your order ${n}${delivered}, arrived damaged.`)
    : pick(ctx.lang, `Nous sommes désolés : ${item} manquait dans votre commande ${n}${delivered}.`, `We are sorry that ${item} was missing from your order ${n}${delivered}.`));
  // The standard remedies, and a VIP's priority remedies (shop policy `vip_only`, already judged for this case).
  const vipOnly = new Set(ctx.policies.approved_offers.filter((o) => o.vip_only).map((o) => o.code));
  const offers = ctx.offers.filter((c) => c === 'RENVOI-EXPRESS' || c === 'RETOUR-GRATUIT' || vipOnly.has(c));
  if (offers.length) {
    f.note('offers', offers.join(','));
    paragraphs.push(offerParagraph(ctx, offers, { fr: 'Voici ce que nous vous proposons :', en: 'Here is what we can offer you:' }));
  }
  if (damaged && !ctx.hasAttachments) {
    paragraphs.push(pick(ctx.lang,
      'Pour nous aider, pourriez-vous nous envoyer une photo de l\'article endommagé en réponse à ce message ?',
      'To help us, could you reply with a photo of the damaged item?'));
  }
  paragraphs.push(wantsNoPhone(ctx)
    ? pick(ctx.lang, 'Un conseiller vous confirme la solution par écrit très rapidement.', 'One of our advisers will confirm the solution to you in writing very shortly.')
    : pick(ctx.lang, 'Un conseiller confirme la solution avec vous très rapidement.', 'One of our advisers will confirm the solution with you very shortly.'));
  const contact = contactPreferenceLine(ctx);
  if (contact && !wantsNoPhone(ctx)) paragraphs.push(contact);
  return { subject: orderSubject(ctx, order, 'Votre commande', 'Your order'), paragraphs, facts: f.facts, display: f.display, offers };
}

export const remedyTemplate: ReplyTemplate = { id: 'damaged-missing-item', version: '1.2.0', intents: ['damaged_item', 'missing_item'], render };
