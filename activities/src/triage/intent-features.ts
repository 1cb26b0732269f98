/**
 * Hashed text features for the trained models of meaning (the intent head and the risk head), shared by training
 * (ml/train-meaning-model.ts) and inference (intent-model.ts) so both see exactly the same vector: accent-folded
 * words, word bigrams and character 4-grams, hashed (FNV-1a) into a fixed number of buckets. Order numbers, amounts
 * and masked PII become class tokens, so the model learns "an order number is here", never a particular number.
 *
 * Negation scope: the few words after a negator ("not", "never", "pas", "jamais", "aucun", "sans"...) up to the end
 * of the clause also emit a marked feature (`n:word`), so "this is not a complaint" and "this is a complaint" differ
 * in more than one word.
 *
 * Message structure: the text the heads read starts with its subject line, marked by the kind of message it heads
 * (`__subject__` a new message, `__reply__` an answer in a thread, `__forward__` a forwarded message; see
 * `structuredModelText`). The subject's words also emit a feature marked with that kind (`reply:refund`), so the
 * model can learn that a reply's subject names the thread's old topic while a new message's names its request, and
 * that a forward carries someone else's message. The text ends with what the shop's data says of the mail's order
 * (`orderMark`): its parcel late or on time, its return received (v6), or its refund already made.
 */
import { fold } from './lexicon';

export const FEATURE_VERSION = 'words+bigrams+char4+negscope+subject-kind+order-state/fnv1a/v6';

const NEGATORS = new Set([
  'not', "n't", 'no', 'never', 'nothing', 'without', 'nor', 'neither', "don't", "doesn't", "didn't", "isn't", "won't",
  "wasn't", "aren't", "haven't", "can't", "cannot", 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'rien', 'nullement',
  // the same written without the apostrophe (SMS style, hurried writers): "dont", "didnt", "havent"
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'havent', 'hasnt', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'aint',
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

/** The kinds of message a subject line heads, as the marker token that starts the model text. */
export const SUBJECT_KINDS = ['subject', 'reply', 'forward'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
const SUBJECT_MARK = /^__(subject|reply|forward)__[ \t]*/;
const REPLY_PREFIX = /^\s*(?:re|aw|sv|r|réf|ref)\s*:/i;
const FORWARD_PREFIX = /^\s*(?:tr|fw|fwd|wg|transf)\s*:/i;
const PREFIXES = /^(?:\s*(?:re|tr|fw|fwd|aw|wg|sv|réf|ref|transf)\s*:\s*)+/i;

/** The kind of message a subject heads, from its first prefix (Re:, Fwd:, TR:...). */
export function subjectKind(subject: string): SubjectKind {
  if (FORWARD_PREFIX.test(subject)) return 'forward';
  return REPLY_PREFIX.test(subject) ? 'reply' : 'subject';
}

/**
 * What the shop's data says of the mail's order, as the token that ends the model text (none when unknown or
 * uninformative): its parcel past its estimated delivery (`late`) or not yet (`ontime`), or its refund already made
 * (`refunded`: a question about the refund is then a question about a refund the data holds).
 */
export type OrderMark = 'late' | 'ontime' | 'refunded' | 'returned';
const ORDER_MARK = /\n__(?:late|ontime|refunded|returned)__$/;

/**
 * The order's mark from what classify reads of the shop's data. `returned`: the return parcel is recorded as received
 * and no refund yet (what has already happened: talk of the return is then about the money it should bring back).
 */
export function orderMark(daysLate: number | null, refunded: boolean, status: string | null = null): OrderMark | null {
  if (refunded) return 'refunded';
  if (status === 'returned') return 'returned';
  return daysLate === null ? null : daysLate > 0 ? 'late' : 'ontime';
}

/**
 * The text the trained heads read: the marked subject line (without its prefixes), the new text, and what the shop's
 * data says of the order (`orderMark`): "where is my parcel?" is a delay question when the parcel is late, a status
 * question when it is not; "has my refund gone through?" asks about a refund made when the order is refunded.
 */
export function structuredModelText(subject: string, clean: string, mark: OrderMark | null = null): string {
  const s = subject.replace(PREFIXES, '').trim();
  return `${s ? `__${subjectKind(subject)}__ ${s}\n${clean}` : clean}${mark ? `\n__${mark}__` : ''}`;
}

/** The model text without its structure marks (what a person or an LLM reads). */
export const withoutStructureMark = (text: string): string => text.replace(SUBJECT_MARK, '').replace(ORDER_MARK, '');

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
  const kind = SUBJECT_MARK.exec(text)?.[1];
  if (kind) {
    const subjectLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).replace(SUBJECT_MARK, '');
    for (const w of modelTokens(subjectLine)) add(`${kind}:${w}`);
  }
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
