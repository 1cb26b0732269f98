/**
 * Catalogue questions: prices, complementary products (from product data), the free shipping threshold and whether
 * the products asked about reach it. A product the customer already owns is recognised as the one whose complements
 * they ask about, and is not counted in the basket.
 */
import type { ProductRecord } from '../../domain/types';
import type { ReplyContext } from '../reply-context';
import { roundCents } from '../shop-format';
import { fold } from '../text-fold';
import { FactSheet, pick, type ReplyTemplate, type TemplateOutput } from './template-kit';

const COMPLEMENT_WORDS = /\b(va avec|vont avec|aller avec|compatible\w*|complement\w*|accessoire\w*|conseill\w*|recommand\w*|goes? with|go together|compatible|complement\w*|accessor\w*|recommend\w*|suggest\w*|pair\w* with|to use with|should i use)\b/;
/**
 * The customer already has something ("I've had the machine a week", "my kettle", "j'ai une poêle", "mon robot"): a
 * product named with one of its complements is then the one they own. Without such words they are weighing both.
 */
const OWNERSHIP_WORDS = /\b(?:i(?:'ve| have)? (?:had|got|own|bought|purchased|ordered|received)|i (?:already )?(?:have|own)|my|mine|j'ai|je possede|j'avais|mon|ma|mes|deja)\b/;
/** "Does the lid fit the pan?", "le moulin est-il adapté à la cafetière ?" */
const FIT_WORDS = /\b(fits?|adaptee?s?|prevue? pour|irai(t|ent) avec|match\w*|go(es)? (well )?(with|together)|going (well )?together)\b/;
const SHIPPING_WORDS = /\b(livraison|livre|frais de port|port gratuit|expedition|shipping|delivery|deliver|postage|free)\b/;

function name(ctx: ReplyContext, p: ProductRecord): string {
  return ctx.lang === 'fr' ? p.name_fr : p.name_en;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function render(ctx: ReplyContext): TemplateOutput {
  const f = new FactSheet(ctx.lang);
  const paragraphs: string[] = [];
  const bySku = new Map(ctx.catalogue.map((p) => [p.sku, p]));
  const mentioned = ctx.mentioned;
  const mentionedSkus = new Set(mentioned.map((p) => p.sku));
  // A product is the customer's "base" when they name one of its complements, or ask what goes with it.
  const asksComplements = COMPLEMENT_WORDS.test(fold(ctx.customerText));
  const owns = OWNERSHIP_WORDS.test(fold(ctx.customerText));
  const bases = mentioned.filter((p) => owns && p.complementary.some((s) => mentionedSkus.has(s)))
    .concat(asksComplements && mentioned.length === 1 && mentioned[0]!.complementary.length > 0 ? [mentioned[0]!] : []);
  const asked = mentioned.filter((p) => !bases.includes(p));
  const listed = new Set<string>();
  const line = (p: ProductRecord) =>
    `- ${f.text(`product_${p.sku}`, name(ctx, p))}${pick(ctx.lang, ' : ', ': ')}${f.amount(`price_${p.sku}`, p.price)}`;
  for (const base of bases) {
    const complements = base.complementary.map((s) => bySku.get(s)).filter((p): p is ProductRecord => p !== undefined);
    const baseName = lowerFirst(name(ctx, base));
    f.note('complementary_to', base.sku);
    paragraphs.push(`${pick(ctx.lang,
      `Pour votre ${baseName}, nous proposons ${complements.length > 1 ? 'les produits complémentaires suivants' : 'le produit complémentaire suivant'} :`,
      `For your ${baseName}, we offer ${complements.length > 1 ? 'these complementary products' : 'this complementary product'}:`)}\n${complements.map((p) => { listed.add(p.sku); return line(p); }).join('\n')}`);
  }
  const rest = asked.filter((p) => !listed.has(p.sku));
  if (rest.length === 1 && bases.length === 0) {
    const p = rest[0]!;
    const n = f.text('product', name(ctx, p));
    paragraphs.push(pick(ctx.lang, `Le produit « ${n} » est au prix de ${f.amount('price', p.price)}.`, `The ${n} costs ${f.amount('price', p.price)}.`));
    listed.add(p.sku);
  } else if (rest.length > 0) {
    paragraphs.push(`${pick(ctx.lang, 'Voici les prix des articles qui vous intéressent :', 'Here are the prices of the items you asked about:')}\n${rest.map((p) => { listed.add(p.sku); return line(p); }).join('\n')}`);
  }

  // "Do they go together?" about two products priced above: the catalogue says whether one complements the other
  if (asksComplements || FIT_WORDS.test(fold(ctx.customerText))) {
    for (const base of asked) {
      for (const complement of asked.filter((p) => base.complementary.includes(p.sku))) {
        f.note('complementary_to', base.sku);
        paragraphs.push(pick(ctx.lang,
          `Le produit « ${name(ctx, complement)} » fait partie des produits complémentaires de « ${name(ctx, base)} ».`,
          `The ${name(ctx, complement)} is one of the complementary products for the ${name(ctx, base)}.`));
      }
    }
  }

  const threshold = f.amount('free_shipping_threshold', ctx.policies.free_shipping_threshold);
  const asksShipping = SHIPPING_WORDS.test(fold(ctx.customerText));
  if (asked.length >= 2 || (asked.length >= 1 && asksShipping)) {
    const sum = roundCents(asked.reduce((s, p) => s + p.price, 0));
    const total = f.amount('basket_total', sum);
    const free = sum >= ctx.policies.free_shipping_threshold;
    f.note('free_shipping', free);
    const together = asked.length >= 2 ? pick(ctx.lang, `Ensemble, ces articles font ${total}`, `Together these items come to ${total}`) : pick(ctx.lang, `Cet article coûte ${total}`, `This item comes to ${total}`);
    paragraphs.push(free
      ? pick(ctx.lang, `La livraison est offerte dès ${threshold} d'achat. ${together} : vous atteignez ce seuil, la livraison vous serait donc offerte.`,
        `Delivery is free on orders from ${threshold}. ${together}, which reaches that threshold, so delivery would be free.`)
      : pick(ctx.lang, `La livraison est offerte dès ${threshold} d'achat. ${together} : il manque ${f.amount('missing_for_free_shipping', roundCents(ctx.policies.free_shipping_threshold - sum))} pour atteindre ce seuil.`,
        `Delivery is free on orders from ${threshold}. ${together}, which is ${f.amount('missing_for_free_shipping', roundCents(ctx.policies.free_shipping_threshold - sum))} short of that threshold.`));
  } else {
    paragraphs.push(pick(ctx.lang, `Pour information, la livraison est offerte dès ${threshold} d'achat.`, `For your information, delivery is free on orders from ${threshold}.`));
  }
  if (mentioned.length === 0) {
    paragraphs.unshift(pick(ctx.lang,
      'Merci pour votre question. Un conseiller vous répond en détail dans les meilleurs délais.',
      'Thank you for your question. One of our advisers will answer it in detail shortly.'));
  }
  return { subject: pick(ctx.lang, 'Votre question sur nos produits', 'Your question about our products'), paragraphs, facts: f.facts, display: f.display, offers: [] };
}

export const productInfoTemplate: ReplyTemplate = { id: 'product-info', version: '1.0.0', intents: ['product_question'], render };
