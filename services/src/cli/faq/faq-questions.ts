/**
 * The questions an FAQ page may carry, by the intent of the inbox-map topics they answer: a customer's generic
 * question (no order, no name), written once per language. Only the question is written here; its answer comes from
 * the shop's data through the reply templates (faq-answers.ts), or the question is left out.
 */
import type { ProductRecord } from '@replique/activities/domain/types';

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

/**
 * The candidate questions for the intents of the map, most frequent intent first; product topics ask the price of the
 * products ordered most (at most `products` of them).
 */
export function faqCandidates(intents: readonly string[], lang: FaqLang, bestSellers: readonly ProductRecord[], products = 3): FaqQuestion[] {
  const out: FaqQuestion[] = [];
  for (const intent of intents) {
    if (intent === 'product_question') out.push(...bestSellers.slice(0, products).map((p) => ({ intent, lang, question: productQuestion(p, lang) })));
    else out.push(...(BANK[intent]?.[lang] ?? []).map((question) => ({ intent, lang, question })));
  }
  return out;
}
