/**
 * Pure extraction of the entities a support email refers to: order numbers, amounts, dates, the identity a writer
 * claims. No shop lookups here (see enrich.ts).
 */

import { DEFAULT_ORDER_FORMAT, type OrderFormat } from '../domain/order-format';

export interface OrderMention {
  written: string; // exactly as in the text
  number: string; // canonical shop form, e.g. CMD-10234
  index: number;
}

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Order numbers in the text, in order of appearance, deduplicated. Tolerates case, spaces and separators
 * ("cmd 10234", "CMD–10234", "CMD#10234") and bare numbers after an order word ("commande n° 10234", "order #10234").
 */
export function findOrderNumbers(text: string, fmt: OrderFormat = DEFAULT_ORDER_FORMAT): OrderMention[] {
  const d = fmt.digits;
  const prefixed = new RegExp(
    `(?<![A-Za-z0-9])${escapeRe(fmt.prefix)}\\s{0,2}[-–—_#.:/]?\\s{0,2}(\\d(?:\\s?\\d){${d - 1}})(?!\\d)`, 'gi');
  const bare = new RegExp(
    `(?:commande|order|cde|cmd|n°|no\\.|num[ée]ro|number|#)\\s*(?:n°|no\\.?|num[ée]ro|number|#)?\\s*[:#]?\\s*(\\d{${d}})(?!\\d)`,
    'gi');
  const out: OrderMention[] = [];
  const seen = new Set<string>();
  const add = (written: string, digits: string, index: number): void => {
    const number = `${fmt.prefix}-${digits.replace(/\s/g, '')}`;
    if (seen.has(number)) return;
    seen.add(number);
    out.push({ written, number, index });
  };
  for (const m of text.matchAll(prefixed)) add(m[0], m[1]!, m.index!);
  for (const m of text.matchAll(bare)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    if (out.some((o) => start >= o.index && start < o.index + o.written.length)) continue;
    add(m[1]!, m[1]!, start);
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Parcel tracking numbers a text may quote: one token of 8 to 30 letters and digits with at least six digits, not an
 * order number ("XY243155936", "6A123231891", "1Z761174663", "JD436775340", "00340434161234567890"). Only candidates:
 * the shop data says whether one is a real parcel. Upper case, in order of appearance, deduplicated, at most `max`.
 */
export function findTrackingNumbers(text: string, max = 6): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])[A-Za-z0-9]{8,30}(?![A-Za-z0-9]|-\d)/g)) {
    const token = m[0].toUpperCase();
    if ((token.match(/\d/g)?.length ?? 0) < 6 || out.includes(token)) continue;
    out.push(token);
    if (out.length >= max) break;
  }
  return out;
}

/** Edit distance ≤ 1 by one substitution or one swap of adjacent characters (same length). */
export function oneCharAway(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  if (diff.length === 2 && diff[1] === diff[0]! + 1) {
    return a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  return false;
}

export interface AmountMention {
  text: string;
  value: number;
  currency: 'EUR' | 'GBP' | 'USD' | null;
}

const CUR: Record<string, AmountMention['currency']> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', gbp: 'GBP', '$': 'USD', usd: 'USD',
};

function toNumber(s: string): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  // "1.234,56" / "1,234.56" / "27,80" / "50.70"
  const m = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return Number.NaN;
  return Number(`${m[1]!.replace(/[.,]/g, '')}.${m[2] ?? '0'}`);
}

/** Money amounts with a currency sign or word ("€50.70", "27,80 €", "189 euros", "£12"). */
export function findAmounts(text: string): AmountMention[] {
  const num = '(\\d{1,3}(?:[ \\u00a0\\u202f.,]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)';
  const re = new RegExp(
    `(?:([€£$])\\s?${num})|(?:${num}\\s?(€|£|\\$|eur\\b|euros?\\b|gbp\\b|usd\\b))`, 'gi');
  const out: AmountMention[] = [];
  for (const m of text.matchAll(re)) {
    const sym = (m[1] ?? m[4] ?? '').toLowerCase();
    const value = toNumber(m[2] ?? m[3] ?? '');
    if (Number.isNaN(value)) continue;
    out.push({ text: m[0].trim(), value, currency: CUR[sym] ?? null });
  }
  return out;
}

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const MONTH_INDEX = new Map<string, number>([
  ...FR_MONTHS.map((m, i) => [fold(m), i + 1] as [string, number]),
  ...EN_MONTHS.map((m, i) => [m, i + 1] as [string, number]),
  ...EN_MONTHS.map((m, i) => [m.slice(0, 3), i + 1] as [string, number]),
]);

export interface DateMention {
  text: string;
  /** ISO date when the year is known or taken from `today`; null when the text is only a weekday etc. */
  iso: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Calendar dates written in the text (numeric or with a month name, FR/EN). Years default to today's year. */
export function findDates(text: string, today: string): DateMention[] {
  const year = Number(today.slice(0, 4));
  const months = [...MONTH_INDEX.keys()].join('|');
  const re = new RegExp(
    `(?<!\\d)(\\d{1,2})[/.](\\d{1,2})(?:[/.]((?:19|20)?\\d{2}))?(?![\\d/])|((?:19|20)\\d{2})-(\\d{2})-(\\d{2})|` +
    `(?<!\\d)(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${months})\\.?(?:\\s+((?:19|20)\\d{2}))?|` +
    `\\b(${months})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?`, 'gi');
  const out: DateMention[] = [];
  for (const m of fold(text).matchAll(re)) {
    let d: number, mo: number, y: number;
    if (m[1]) { d = +m[1]; mo = +m[2]!; y = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : year; }
    else if (m[4]) { y = +m[4]; mo = +m[5]!; d = +m[6]!; }
    else if (m[7]) { d = +m[7]; mo = MONTH_INDEX.get(m[8]!) ?? 0; y = m[9] ? +m[9] : year; }
    else { mo = MONTH_INDEX.get(m[10]!) ?? 0; d = +m[11]!; y = m[12] ? +m[12] : year; }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    out.push({ text: text.slice(m.index!, m.index! + m[0].length), iso: `${y}-${pad(mo)}-${pad(d)}` });
  }
  return out;
}

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s\\p{Lu}[\\p{L}'’-]+){1,2}";
const SELF_INTRO = new RegExp(
  `(?:\\b(?:[Tt]his is|[Ii] am|[Ii]'m|[Mm]y name is|[Ii]t's)|(?<!\\p{L})(?:[Jj]e suis|[Jj]e m'appelle|[Cc]'est|[Mm]oi,?))\\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|M\\.|Mme|Mlle|Madame|Monsieur)\\.?\\s+)?(${NAME})`,
  'gu');

/** Names the writer gives as their own identity: "This is Emily Smith", "je suis Jeanne Roux". */
export function claimedNames(text: string): string[] {
  return [...text.matchAll(SELF_INTRO)].map((m) => m[1]!.trim());
}

/** E-mail addresses the writer presents as theirs ("my usual email (x@y)", "mon adresse x@y"). */
export function emailsInText(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)]
    .map((m) => m[0].toLowerCase());
}

/** A short last line that looks like a signed name ("Emily", "Jeanne Roux"). */
export function signatureName(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines[lines.length - 1];
  if (!last) return null;
  return new RegExp(`^${NAME}$`, 'u').test(last) ? last : null;
}
