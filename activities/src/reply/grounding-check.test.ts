import { groundingCheck } from './grounding-check';
import type { TemplateOutput } from './templates/template-kit';

const reference: TemplateOutput = {
  subject: 'Votre commande',
  paragraphs: [],
  facts: {},
  display: { order_number: 'A-1042', tracking_number: '6A123456789', estimated_delivery: '27 novembre 2026' },
  offers: [],
};

const checks = (text: string, lang: 'fr' | 'en' = 'fr') => groundingCheck(text, reference, lang).map((i) => i.check);

test('a draft that states every verified fact in the customer language passes', () => {
  const text = 'Bonjour, votre commande A-1042 est en route : le colis 6A123456789 arrivera le 27 novembre 2026. Cordialement';
  expect(checks(text)).toEqual([]);
});

test('a fact left out, or written differently, is missing', () => {
  const text = 'Bonjour, votre commande A-1042 est en route et arrivera le 27 novembre 2026. Cordialement';
  expect(checks(text)).toEqual(['missing_fact']);
  expect(checks(text.replace('27 novembre 2026', '28 novembre 2026') + ' Suivi : 6A123456789')).toEqual(['missing_fact']);
});

test('an English reply to a French customer is the wrong language, even when it keeps a French word or two', () => {
  const text =
    'Hello, your order A-1042 is on its way: the parcel 6A123456789 will arrive on 27 novembre 2026. ' +
    'We are sorry for the wait and thank you for your patience. Merci pour votre commande et à bientôt !';
  expect(checks(text)).toEqual(['wrong_language']);
});

test('a French reply that names an English product or quotes the customer is still French', () => {
  const text =
    'Bonjour, votre commande A-1042 (le "Cold Brew Kit") est en route : le colis 6A123456789 arrivera le ' +
    '27 novembre 2026. Nous avons bien noté votre remarque "it was late". Cordialement';
  expect(checks(text)).toEqual([]);
});

test('a masking token left in the text is caught', () => {
  const text = 'Bonjour NAME_1, votre commande A-1042 : colis 6A123456789, livraison le 27 novembre 2026.';
  expect(checks(text)).toEqual(['unresolved_placeholder']);
});

test('the order date, and each price of a listed product, are core facts too', () => {
  const processing: TemplateOutput = {
    ...reference,
    display: { order_number: 'A-2077', ordered_at: '3 mars 2026', total: '61,40 €' },
  };
  const issues = (text: string, ref: TemplateOutput) => groundingCheck(text, ref, 'fr').map((i) => i.message);
  expect(issues('Bonjour, votre commande A-2077 de 61,40 € est en préparation. Cordialement', processing))
    .toEqual([expect.stringContaining('ordered_at')]);
  const listing: TemplateOutput = {
    ...reference,
    display: { 'product_SKU-7': 'Râpe fine', 'price_SKU-7': '8,50 €', 'price_SKU-8': '14,00 €' },
  };
  expect(issues('Bonjour, la râpe fine coûte 8,50 € et le zesteur 14,00 €. Cordialement', listing)).toEqual([]);
  expect(issues('Bonjour, la râpe fine coûte 8,50 €. Cordialement', listing)).toEqual([expect.stringContaining('price_SKU-8')]);
});
