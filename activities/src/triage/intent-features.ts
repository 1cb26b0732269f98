/**
 * Hashed text features for the trained intent model, shared by training (ml/train-intent-model.ts) and inference
 * (intent-model.ts) so both see exactly the same vector: accent-folded words, word bigrams and character 4-grams,
 * hashed (FNV-1a) into a fixed number of buckets. Order numbers, amounts and masked PII become class tokens, so the
 * model learns "an order number is here", never a particular number.
 */
import { fold } from './lexicon';

export const FEATURE_VERSION = 'words+bigrams+char4/fnv1a/v1';

/** Normalises the text the model sees: folded, PII tokens and numbers replaced by placeholders. */
export function modelTokens(text: string): string[] {
  const t = fold(text)
    .replace(/«([a-z]+)_\d+»/g, ' __$1__ ')
    .replace(/\b[a-z]{2,4}-?\d{4,}\b/g, ' __ordernum__ ')
    .replace(/\d+(?:[.,]\d+)?\s*(?:€|\beur(?:os?)?\b)|[€£$]\s*\d+(?:[.,]\d+)?/g, ' __amount__ ')
    .replace(/\d+/g, ' __num__ ');
  return t.match(/__[a-z]+__|[\p{L}]+(?:'[\p{L}]+)?/gu) ?? [];
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
  const tokens = modelTokens(text);
  const counts = new Map<number, number>();
  const add = (f: string): void => {
    const b = fnv1a(f) % buckets;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
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
