/**
 * The questions an FAQ page may carry, by the intent of the inbox-map topics they answer: a customer's generic
 * question (no order, no name), written once per language. Only the question is written here; its answer comes from
 * the shop's data through the reply templates (faq-answers.ts), or the question is left out.
 */
import type { ProductRecord } from '@replique/activities/domain/types';
import { fold } from '@replique/activities/reply/text-fold';

export type FaqLang = 'fr' | 'en';

export interface FaqQuestion { intent: string; lang: FaqLang; question: string }

const BANK: Record<string, Record<FaqLang, string[]>> = {
  return_request: {
    fr: ['Combien de temps ai-je pour retourner un article ?'],
    en: ['How long do I have to return an item?'],
  },
  refund_status: {
    fr: ['Combien de temps faut-il pour être remboursé après un retour ?'],
    en: ['How long does a refund take after I return an item?'],
  },
  delivery_delay: {
    fr: ['La livraison est-elle gratuite ?'],
    en: ['Is delivery free?'],
  },
  invoice_request: {
    fr: ['Comment obtenir une facture pour ma commande ?'],
    en: ['How can I get an invoice for my order?'],
  },
  order_status: {
    fr: ['Comment suivre ma commande ?'],
    en: ['How can I track my order?'],
  },
};

/** The price question for a catalogue product, as the product topics ask it. */
export const productQuestion = (p: ProductRecord, lang: FaqLang): string =>
  (lang === 'fr' ? `Quel est le prix de « ${p.name_fr} » ?` : `How much is the ${p.name_en}?`);

/** What goes with a product (its `complementary` products in the catalogue). */
export const complementsQuestion = (p: ProductRecord, lang: FaqLang): string =>
  (lang === 'fr' ? `Quels produits vont avec « ${p.name_fr} » ?` : `What goes with the ${p.name_en}?`);

/** Whether buying the product alone reaches the free-delivery threshold. */
export const deliveryQuestion = (p: ProductRecord, lang: FaqLang): string =>
  (lang === 'fr' ? `La livraison est-elle offerte si j'achète « ${p.name_fr} » ?` : `Is delivery free if I buy the ${p.name_en}?`);

const GIFT_CARD = /\b(carte|cheque|bon)s? cadeaux?\b|\bgift (card|voucher|certificate)s?\b/;

/** Whether the shop sells gift cards (a catalogue product named as one). */
export const giftCardQuestion = (lang: FaqLang): string => (lang === 'fr' ? 'Vendez-vous des cartes cadeaux ?' : 'Do you sell gift cards?');

/**
 * A product topic's questions, from the catalogue: for each of the products ordered most (at most `products`), its
 * price, what goes with it (when the catalogue lists complements) and whether it alone ships free; then gift cards,
 * when the catalogue has one.
 */
function productCandidates(lang: FaqLang, bestSellers: readonly ProductRecord[], products: number): string[] {
  const out: string[] = [];
  for (const p of bestSellers.slice(0, products)) {
    out.push(productQuestion(p, lang));
    if (p.complementary.length) out.push(complementsQuestion(p, lang));
    out.push(deliveryQuestion(p, lang));
  }
  if (bestSellers.some((p) => GIFT_CARD.test(fold(p.name_fr)) || GIFT_CARD.test(fold(p.name_en)))) out.push(giftCardQuestion(lang));
  return out;
}

/**
 * The candidate questions for the intents of the map, taken in turns: the first question of each intent (most
 * frequent intent first), then the second of each, and so on, so that a page capped at N questions covers as many
 * topics as it can before it covers one in depth.
 */
export function faqCandidates(intents: readonly string[], lang: FaqLang, bestSellers: readonly ProductRecord[], products = 4): FaqQuestion[] {
  const perIntent = intents.map((intent) => (intent === 'product_question'
    ? productCandidates(lang, bestSellers, products)
    : BANK[intent]?.[lang] ?? []).map((question): FaqQuestion => ({ intent, lang, question })));
  const out: FaqQuestion[] = [];
  for (let turn = 0; perIntent.some((qs) => qs.length > turn); turn++) for (const qs of perIntent) if (qs[turn]) out.push(qs[turn]!);
  return out;
}
