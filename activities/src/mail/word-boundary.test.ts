import { unicodeWords, unicodeWordsTest } from './word-boundary';

const PATTERNS = [
  /\b(?:i|we) (?:came across|found|noticed)\b[^.!?\n]{0,20}(?:\byour\b|\b[a-z0-9-]+\.[a-z]{2,}\b)/i,
  /\bje suis tombée? sur votre\b|\b(?:j['’]ai|nous avons) (?:découvert|remarqué) votre (?:site|boutique)\b/i,
  /\b(?:[Ii]['’]m|I am|[Jj]e suis) \p{Lu}[\p{L}-]+,? (?:from|de|chez) \p{Lu}/u,
  /^\s*(?:unsubscribe|se désinscrire)\b/im,
  /\bn°\s?\d{1,4}\b(?![-\d])|\bissue (?:#|no\.? ?)?\d+\b/i,
  /\bété\b|impayée\b/i,
];
const TEXTS = [
  'I came across your shop yesterday', 'We found maison-lumen.example while browsing', 'we noticed yourself',
  'Je suis tombée sur votre boutique', "J'ai découvert votre site", 'nous avons remarqué votre boutiquex',
  "I'm Anna, from Growthly", 'Je suis Éloïse de Créa', 'je suis anna de x',
  'Bonjour\n  Se désinscrire de la lettre', 'unsubscribed', 'N°12 de la lettre', 'n°12-3', 'In issue #4',
  'cet été', 'étété', 'facture impayée.', 'impayéee', '', 'plain text with nothing in it', 'Iam from',
];

test('the fast test answers exactly as the Unicode-word pattern, on matches and near misses', () => {
  for (const re of PATTERNS) {
    const test = unicodeWordsTest(re);
    const full = unicodeWords(re);
    for (const text of TEXTS) expect({ re: re.source, text, got: test(text) }).toEqual({ re: re.source, text, got: full.test(text) });
  }
  expect(TEXTS.filter(unicodeWordsTest(PATTERNS[5]!))).toEqual(['cet été', 'facture impayée.']);
});

test('a stateful pattern is refused', () => {
  expect(() => unicodeWordsTest(/\bété\b/giu)).toThrow(/keeps state/);
});
