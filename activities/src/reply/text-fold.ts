/**
 * Text normalisation shared by matching code (product mentions, forbidden commitments, fact extraction):
 * accents and case folded, typographic apostrophes and spaces made plain.
 */

/** Lower-case, strip diacritics, normalise apostrophes, dashes and non-breaking spaces. Keeps string length stable enough for display-free matching. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase();
}

const STOPWORDS = new Set([
  // fr
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'd', 'l', 'et', 'ou', 'a', 'au', 'aux', 'en', 'pour', 'par', 'sur',
  'avec', 'sans', 'dans', 'ce', 'cet', 'cette', 'ces', 'mon', 'ma', 'mes', 'votre', 'vos', 'notre', 'nos', 'je', 'j',
  'vous', 'nous', 'il', 'elle', 'est', 'qui', 'que', 'qu', 'se', 's', 'y', 'ne', 'pas', 'plus', 'tres', 'si', 'quand',
  'puis', 'peux', 'pouvez', 'comment', 'quel', 'quelle', 'faut', 'il', 'me', 'm', 'moi', 'bonjour', 'merci',
  // en
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'for', 'in', 'on', 'with', 'without', 'by', 'at', 'my', 'your', 'our',
  'i', 'we', 'you', 'it', 'is', 'are', 'be', 'this', 'that', 'these', 'those', 'from', 'as', 'do', 'does', 'can',
  'could', 'how', 'when', 'what', 'which', 'will', 'would', 'me', 'if', 'hello', 'hi', 'thanks', 'please',
]);

/** Word tokens of folded text (letters and digits), stopwords removed when asked. */
export function words(text: string, dropStopwords = false): string[] {
  const out = fold(text).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return dropStopwords ? out.filter((w) => !STOPWORDS.has(w)) : out;
}

/** A crude FR/EN stem: plural and a few frequent endings removed, so "théières" ≈ "theiere", "scales" ≈ "scale". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && /(s|x)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /e$/.test(w)) w = w.slice(0, -1);
  return w;
}

