import type { FaqEntry } from './faq-answers';
import { faqJsonLdProblems, readFaqPage } from './faq-check';
import { renderFaqPage } from './faq-html';

const entry = (question: string, answer: string[], intent = 'return_request'): FaqEntry => ({
  intent, lang: 'fr', question, answer, facts: {}, templateId: 't', templateVersion: '1.0.0',
});
const SHOP = { name: 'Maison <Lumen> & Co', website: 'https://shop.example/' };

test('an FAQ page parses without an error and its FAQPage markup says what the page says', () => {
  const entries = [
    entry('Combien de temps ai-je pour retourner un article ?', ['Vous disposez de 30 jours après la livraison.', 'Remboursement sous 5 à 7 jours ouvrés.']),
    entry('Quel est le prix de « Théière » ?', ['Le produit « Théière » est au prix de 39,00 € </script><!-- & "x".', 'Avec :\n- Thé : 9,90 €'], 'product_question'),
  ];
  const page = renderFaqPage(entries, 'fr', SHOP);
  const read = readFaqPage(page.html);
  expect(read.errors).toEqual([]);
  expect(read.jsonLd).toHaveLength(1);
  expect(faqJsonLdProblems(read.jsonLd[0])).toEqual([]);
  expect(read.jsonLd[0]).toEqual(page.jsonLd);
  const ld = read.jsonLd[0] as { mainEntity: { name: string; acceptedAnswer: { text: string } }[] };
  expect(ld.mainEntity.map((q) => ({ question: q.name, answer: q.acceptedAnswer.text }))).toEqual(read.questions);
  expect(read.questions[1]!.answer).toBe('Le produit « Théière » est au prix de 39,00 € </script><!-- & "x".\nAvec :\n- Thé : 9,90 €');
  expect(read.title).toBe('Questions fréquentes : retours, prix | Maison <Lumen> & Co');
  expect(read.description!.length).toBeLessThanOrEqual(160);
  expect(page.url).toBe('https://shop.example/fr/faq');
  expect(page.html).toContain('<link rel="alternate" hreflang="en" href="https://shop.example/en/faq">');
});

test('the checker names what a malformed page or markup gets wrong', () => {
  expect(readFaqPage('<html><body><p>x</div></body></html>').errors.length).toBeGreaterThan(0);
  expect(faqJsonLdProblems({ '@context': 'http://schema.org', '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'q', acceptedAnswer: { text: '' } }] }))
    .toEqual(['@context is not https://schema.org', 'mainEntity[0].acceptedAnswer is not an Answer', 'mainEntity[0].acceptedAnswer has no text']);
  expect(faqJsonLdProblems({ '@context': 'https://schema.org', '@type': 'WebPage', mainEntity: [] })).toEqual(['@type is not FAQPage', 'mainEntity is not a non-empty list']);
});
