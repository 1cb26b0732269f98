/**
 * Catalogue questions: the price of every product asked about, complementary products (from product data), the free
 * shipping threshold and whether the products asked about reach it. A product the customer says is theirs ("j'ai la
 * poêle", "the pan I bought", "my kettle") is the one whose complements they ask about: it gets no price and is not
 * counted in the basket. A product they are only considering gets its price and is counted.
 * Gift-card questions are catalogue questions about the shop's gift cards.
 * 1.1.0 prices a product considered together with its complements, counts it in the basket, and lists a pair of
 * mutually complementary products once.
 */
import type { ProductRecord } from '../../domain/types';
import { productMatcher, saidSeveral, saidToOwn } from '../product-mentions';
import type { ReplyContext } from '../reply-context';
import { roundCents } from '../shop-format';
import { fold } from '../text-fold';
import { holdingTemplate } from './holding';
import { statusParagraphs } from './order-paragraphs';
import { orderStatusTemplate } from './order-status';
import { FactSheet, orderSubject, type ReplyTemplate, type TemplateOutput } from './template-kit';
import { say } from '../wording/say';

const COMPLEMENT_WORDS = /\b(va avec|vont avec|aller avec|compatible\w*|complement\w*|accessoire\w*|conseill\w*|recommand\w*|goes? with|go together|accessor\w*|recommend\w*|suggest\w*|pair\w* with|to use with|should i use)\b/;
/** Asking what several products come to: "combien pour les deux", "what's the total", "if I order both". */
const TOTAL_WORDS = /\b(les deux|tous les deux|toutes les deux|ensemble|en tout|au total|total|combien pour|both|together|altogether|in total|how much for)\b/;
/** "Does the lid fit the pan?", "le moulin est-il adapté à la cafetière ?" */
const FIT_WORDS = /\b(fits?|adaptee?s?|prevue? pour|irai(t|ent) avec|match\w*|go(es)? (well )?(with|together)|going (well )?together)\b/;
const SHIPPING_WORDS = /\b(livraison|livre|frais de port|port gratuit|expedition|shipping|delivery|deliver|postage|free)\b/;

const COUNT_FR: Record<number, string> = { 2: 'deux', 3: 'trois', 4: 'quatre' };
const COUNT_EN: Record<number, string> = { 2: 'two', 3: 'three', 4: 'four' };

function name(ctx: ReplyContext, p: ProductRecord): string {
  return ctx.lang === 'fr' ? p.name_fr : p.name_en;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function render(ctx: ReplyContext, mentioned: ProductRecord[] = ctx.mentioned): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const paragraphs: string[] = [];
  const bySku = new Map(ctx.catalogue.map((p) => [p.sku, p]));
  const mentionedSkus = new Set(mentioned.map((p) => p.sku));
  // What the customer writes decides: having bought one before does not stop them asking about another.
  const matcher = productMatcher(ctx.catalogue);
  const owned = (p: ProductRecord) => saidToOwn(ctx.customerText, p, matcher);
  // A product is a "base" when the customer names one of its complements, or asks what goes with it; of two
  // products listed as each other's complements, the one they have (else the first) is the base.
  const asksComplements = COMPLEMENT_WORDS.test(fold(ctx.customerText));
  const ordered = [...mentioned].sort((a, b) => Number(owned(b)) - Number(owned(a)));
  const bases: ProductRecord[] = [];
  const complementOfBase = new Set<string>();
  for (const p of ordered) {
    if (complementOfBase.has(p.sku)) continue;
    const named = p.complementary.filter((s) => mentionedSkus.has(s));
    if (named.length === 0 && !(asksComplements && mentioned.length === 1 && p.complementary.length > 0)) continue;
    bases.push(p);
    for (const s of p.complementary) complementOfBase.add(s);
  }
  const asked = mentioned.filter((p) => !bases.includes(p));
  const considered = bases.filter((p) => !owned(p));
  const listed = new Set<string>();
  const line = (p: ProductRecord) =>
    say(ctx, 'product.line', f, { produit: f.text(`product_${p.sku}`, name(ctx, p)), prix: f.amount(`price_${p.sku}`, p.price) });
  const single = bases.length + asked.length === 1;
  const priceSentence = (p: ProductRecord) => {
    const produit = single ? f.text('product', name(ctx, p)) : f.text(`product_${p.sku}`, name(ctx, p));
    const prix = single ? f.amount('price', p.price) : f.amount(`price_${p.sku}`, p.price);
    listed.add(p.sku);
    return say(ctx, 'product.price', f, { produit, prix });
  };
  for (const base of bases) {
    const complements = base.complementary.map((s) => bySku.get(s)).filter((p): p is ProductRecord => p !== undefined);
    f.note('complementary_to', base.sku);
    const several = complements.length > 1;
    const intro = owned(base)
      ? say(ctx, several ? 'product.for_yours_several' : 'product.for_yours_one', f, { produit: lowerFirst(name(ctx, base)) })
      : `${priceSentence(base)} ${say(ctx, several ? 'product.to_go_with_several' : 'product.to_go_with_one')}`;
    paragraphs.push(`${intro}\n${complements.map((p) => { listed.add(p.sku); return line(p); }).join('\n')}`);
  }
  const rest = asked.filter((p) => !listed.has(p.sku));
  if (rest.length === 1 && bases.length === 0) {
    paragraphs.push(priceSentence(rest[0]!));
  } else if (rest.length > 0) {
    paragraphs.push(`${say(ctx, 'product.prices_intro')}\n${rest.map((p) => { listed.add(p.sku); return line(p); }).join('\n')}`);
  }

  // "Do they go together?" about products the customer names: the catalogue says whether one complements the other
  // ("what goes with it?" is answered by the list above).
  if (FIT_WORDS.test(fold(ctx.customerText))) {
    const stated = new Set<string>();
    for (const a of ordered) {
      for (const b of ordered.filter((p) => a.complementary.includes(p.sku))) {
        if (stated.has(`${b.sku}|${a.sku}`)) continue;
        stated.add(`${a.sku}|${b.sku}`);
        f.note('complementary_to', a.sku);
        paragraphs.push(say(ctx, 'product.complement_of', f, { produit: name(ctx, b), produitprincipal: name(ctx, a) }));
      }
    }
  }

  f.amount('free_shipping_threshold', ctx.policies.free_shipping_threshold);
  const asksShipping = SHIPPING_WORDS.test(fold(ctx.customerText));
  const basket = [...considered, ...asked];
  // Several of one product: the basket depends on how many, which a reply does not guess; the threshold answers it.
  const quantities = basket.some((p) => saidSeveral(ctx.customerText, p, matcher));
  const asksTotal = TOTAL_WORDS.test(fold(ctx.customerText));
  if (!quantities && (asked.length >= 2 || (basket.length >= 2 && asksTotal) || (basket.length >= 1 && asksShipping))) {
    const sum = roundCents(basket.reduce((s, p) => s + p.price, 0));
    f.amount('basket_total', sum);
    const free = sum >= ctx.policies.free_shipping_threshold;
    f.note('free_shipping', free);
    // The listed complements may be more than the products asked about: say how many the sum covers.
    const count = basket.length;
    const panier = count >= 2
      ? say(ctx, 'product.basket_several', f, { nombrearticles: (ctx.lang === 'fr' ? COUNT_FR : COUNT_EN)[count] ?? String(count) })
      : say(ctx, 'product.basket_one', f);
    if (!free) f.amount('missing_for_free_shipping', roundCents(ctx.policies.free_shipping_threshold - sum));
    paragraphs.push(say(ctx, free ? 'product.free_shipping_reached' : 'product.free_shipping_short', f, { panier }));
  } else {
    paragraphs.push(say(ctx, 'product.free_shipping_info', f));
  }
  if (mentioned.length === 0) paragraphs.unshift(say(ctx, 'product.no_product'));
  return { subject: say(ctx, 'product.subject'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const productInfoTemplate: ReplyTemplate = { id: 'product-info', version: '1.1.0', intents: ['product_question'], render: (ctx) => render(ctx) };

/** The shop's gift cards: catalogue products named as such, in either language. */
const GIFT_CARD_NAME = /\b(carte|cheque|bon)s? cadeaux?\b|\bgift (card|voucher|certificate)s?\b/;

function isGiftCard(p: ProductRecord): boolean {
  return GIFT_CARD_NAME.test(fold(p.name_fr)) || GIFT_CARD_NAME.test(fold(p.name_en));
}

/** A card already bought or received: its code, balance, use, loss or refund. Shop data knows none of that. */
const CARD_IN_USE = /\b(codes?|invalid\w*|solde|balance|expir\w*|utilis\w*|use[ds]?|using|redeem\w*|activ\w*|refus\w*|fonctionn\w*|marche pas|work\w*|rembours\w*|refund\w*|perdu\w*|lost)\b/;

/**
 * Gift cards. Buying one is a catalogue question: the shop's gift cards are priced like any product, with whatever
 * else the customer asks about. A card ordered and on its way is an order question: where the order is. A card already
 * bought or received that causes trouble (its code, balance, use) is for a person: the holding reply, with the
 * order's status when there is one.
 */
function renderGiftCard(ctx: ReplyContext): TemplateOutput {
  if (CARD_IN_USE.test(fold(ctx.customerText))) {
    const held = holdingTemplate.render(ctx);
    if (!ctx.order) return held;
    const f = new FactSheet(ctx.lang);
    const status = statusParagraphs(ctx, f, ctx.order);
    return { ...held, subject: orderSubject(ctx, ctx.order, 'holding.subject'), paragraphs: [held.paragraphs[0]!, ...status, ...held.paragraphs.slice(1)], facts: f.facts, display: f.display };
  }
  if (ctx.order) return orderStatusTemplate.render(ctx);
  const cards = ctx.catalogue.filter(isGiftCard);
  const mentioned = [...ctx.mentioned, ...cards.filter((c) => !ctx.mentioned.some((p) => p.sku === c.sku))];
  return render(ctx, mentioned);
}

export const giftCardTemplate: ReplyTemplate = { id: 'gift-card', version: '1.0.0', intents: ['gift_card'], render: renderGiftCard };
