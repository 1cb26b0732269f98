/**
 * Hashed text features for the trained models of meaning (the intent head and the risk head), shared by training
 * (ml/train-meaning-model.ts) and inference (intent-model.ts) so both see exactly the same vector: accent-folded
 * words, word bigrams and character 4-grams, hashed (FNV-1a) into a fixed number of buckets. Order numbers, amounts
 * and masked PII become class tokens, so the model learns "an order number is here", never a particular number.
 *
 * Negation scope: the few words after a negator ("not", "never", "pas", "jamais", "aucun", "sans"...) up to the end
 * of the clause also emit a marked feature (`n:word`), so "this is not a complaint" and "this is a complaint" differ
 * in more than one word.
 */
import { fold } from './lexicon';

export const FEATURE_VERSION = 'words+bigrams+char4+negscope/fnv1a/v2';

const NEGATORS = new Set([
  'not', "n't", 'no', 'never', 'nothing', 'without', 'nor', 'neither', "don't", "doesn't", "didn't", "isn't", "won't",
  "wasn't", "aren't", "haven't", "can't", "cannot", 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'rien', 'nullement',
]);
/** Words a negation scope runs over at most (a clause boundary ends it first). */
const SCOPE = 4;

/** Normalises the text the model sees: folded, PII tokens and numbers replaced by placeholders; `__eoc__` ends a clause. */
export function modelTokens(text: string, clauses = false): string[] {
  const t = fold(text)
    .replace(/«([a-z]+)_\d+»/g, ' __$1__ ')
    .replace(/\b[a-z]{2,4}-?\d{4,}\b/g, ' __ordernum__ ')
    .replace(/\d+(?:[.,]\d+)?\s*(?:€|\beur(?:os?)?\b)|[€£$]\s*\d+(?:[.,]\d+)?/g, ' __amount__ ')
    .replace(/\d+/g, ' __num__ ');
  const re = clauses ? /__[a-z]+__|[\p{L}]+(?:'[\p{L}]+)?|[.,;:!?()\n]/gu : /__[a-z]+__|[\p{L}]+(?:'[\p{L}]+)?/gu;
  const out = t.match(re) ?? [];
  return clauses ? out.map((x) => (/^[.,;:!?()\n]$/.test(x) ? '__eoc__' : x)) : out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sparse feature vector: bucket → value, L2-normalised (term counts, sub-linear). */
export function hashedFeatures(text: string, buckets: number): Map<number, number> {
  const all = modelTokens(text, true);
  const counts = new Map<number, number>();
  const add = (f: string): void => {
    const b = fnv1a(f) % buckets;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  let negLeft = 0;
  const tokens: string[] = [];
  for (const w of all) {
    if (w === '__eoc__') { negLeft = 0; continue; }
    if (negLeft > 0) { add(`n:${w}`); negLeft--; }
    if (NEGATORS.has(w) || w.endsWith("n't")) negLeft = SCOPE;
    tokens.push(w);
  }
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    add(`w:${w}`);
    if (i + 1 < tokens.length) add(`b:${w} ${tokens[i + 1]}`);
    if (!w.startsWith('__') && w.length >= 3) {
      const padded = `<${w}>`;
      for (let j = 0; j + 4 <= padded.length; j++) add(`c:${padded.slice(j, j + 4)}`);
    }
  }
  let norm = 0;
  for (const [b, c] of counts) {
    const v = 1 + Math.log(c);
    counts.set(b, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [b, v] of counts) counts.set(b, v / norm);
  return counts;
}
