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

/** Characters a scan, a phone keyboard or a hurried hand puts for a digit: O for 0, I/l/| for 1. */
const DIGIT_LOOKALIKES: Record<string, string> = { o: '0', O: '0', I: '1', l: '1', '|': '1' };

/**
 * Order numbers in the text, in order of appearance, deduplicated. Tolerates case, spaces and separators
 * ("cmd 10234", "CMD–10234", "CMD#10234"), one look-alike character in the digits after the prefix ("CMD-1O234",
 * "CMD-l0234": read as the digit it stands for) and bare numbers after an order word ("commande n° 10234",
 * "order #10234").
 */
/**
 * A generic number word ("n°", "#", "number", "numéro") after the name of something that is no order: a ticket, a case
 * ("dossier", "demande"), a customer or member account, a parcel or tracking, a phone, a company or tax number, a flat
 * ("ticket #48213", "dossier n° 20417", "a case number (No. 55120)"). Read over the accent-folded words before the number word.
 */
const OTHER_NUMBERED = /\b(?:ticket|tickets|dossier|case|demande|request|incident|reclamation|claim|client|cliente|customer|compte|account|membre|member|adherent|fidelite|loyalty|carte|card|colis|parcel|suivi|tracking|envoi|shipment|consignment|telephone|phone|tel|portable|mobile|siret|siren|tva|vat|appartement|apartment|apt|flat|batiment|contrat|contract|sinistre|transaction|rma|avoir)\.?\s*(?:(?:de|du|d'|of|the|votre|your|mon|my|ma)\s*)?(?:(?:n°|no\.?|numero|number|nr\.?)\s*)?(?:[:(\[-]\s*)?(?:n°|no\.?|numero|number|#|nr\.?)?\s*$/;

/**
 * A thing with a number of its own named in the clause before a number, and no order word after it: "le code de retrait
 * que j'ai reçu par SMS (10466)", "the case reference the lady gave me, 20871", "RMA 55310". The number is that
 * thing's (a locker code, a case, a return), not the digits of an order.
 */
const NUMBERED_THING = /\b(?:code|codes|pin|ticket|tickets|dossier|case|incident|reclamation|claim|rma|sms|telephone|phone|tel|transaction|contrat|contract|sinistre|casier|locker|consigne)\b/g;
const ORDER_WORD = /\b(?:commande|commandes|order|orders|cmd|achat|purchase)\b/;

export function numberedAsOtherThing(text: string, index: number): boolean {
  const before = fold(text.slice(Math.max(0, index - 60), index));
  if (OTHER_NUMBERED.test(before.slice(-40))) return true;
  const clause = before.split(/[.!?;\n]/).at(-1) ?? '';
  const things = [...clause.matchAll(NUMBERED_THING)];
  if (!things.length) return false;
  const last = things.at(-1)!;
  return !ORDER_WORD.test(clause.slice(last.index! + last[0].length));
}

export function findOrderNumbers(text: string, fmt: OrderFormat = DEFAULT_ORDER_FORMAT): OrderMention[] {
  const d = fmt.digits;
  const prefixed = new RegExp(
    `(?<![A-Za-z0-9])${escapeRe(fmt.prefix)}\\s{0,2}[-–—_#.:/]?\\s{0,2}([0-9OIl|](?:\\s?[0-9OIl|]){${d - 1}})(?!\\d)`, 'gi');
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
  for (const m of text.matchAll(prefixed)) {
    const chars = m[1]!.replace(/\s/g, '');
    const lookalikes = chars.replace(/\d/g, '').length;
    if (lookalikes) {
      // one look-alike at most, in an unbroken run that no letter follows ("CMD-1O234", never "cmd 1023 ok")
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
      if (lookalikes > 1 || /\s/.test(m[1]!) || !/^[0-9OoIl|]+$/.test(chars) || /\p{L}/u.test(after)) continue;
    }
    add(m[0], [...chars].map((ch) => DIGIT_LOOKALIKES[ch] ?? ch).join(''), m.index!);
  }
  // the prefix with one digit too few or too many ("CMD-1037", "CMD-103377"): a mistyped number, kept as written so
  // that it is checked (unknown, look-alike) rather than read as no number at all
  const misTyped = new RegExp(`(?<![A-Za-z0-9])${escapeRe(fmt.prefix)}[ \\t]?[-–—_#.:/]?[ \\t]?(\\d{${d - 1}}|\\d{${d + 1}})(?![\\d.,]?\\d)`, 'gi');
  for (const m of text.matchAll(misTyped)) {
    if (out.some((o) => m.index! >= o.index && m.index! < o.index + o.written.length)) continue;
    add(m[0], m[1]!, m.index!);
  }
  for (const m of text.matchAll(bare)) {
    const start = m.index! + m[0].lastIndexOf(m[1]!);
    if (out.some((o) => start >= o.index && start < o.index + o.written.length)) continue;
    const generic = !/^(?:commande|order|cde|cmd)/i.test(m[0]);
    if (generic && OTHER_NUMBERED.test(fold(text.slice(Math.max(0, m.index! - 40), m.index!)))) continue;
    add(m[1]!, m[1]!, start);
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Parcel tracking numbers a text may quote: one token of 8 to 30 letters and digits with at least six digits, not an
 * order number ("XY243155936", "6A123231891", "1Z761174663", "JD436775340", "00340434161234567890"); then the same
 * written in groups, as people copy them from a label or read them out ("XY 749 831 159", "1Z-529-393-986"), joined
 * when they hold eight digits or more.
 * Only candidates: the shop data says whether one is a real parcel. Upper case, single tokens first, in order of
 * appearance, deduplicated, at most `max`.
 */
export function findTrackingNumbers(text: string, max = 6): string[] {
  const out: string[] = [];
  const add = (token: string): boolean => {
    if (token.length < 8 || token.length > 30 || (token.match(/\d/g)?.length ?? 0) < 6 || out.includes(token)) return false;
    out.push(token);
    return out.length >= max;
  };
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])[A-Za-z0-9]{8,30}(?![A-Za-z0-9]|-\d)/g)) {
    if (add(m[0].toUpperCase())) return out;
  }
  // every group holds a digit, but a carrier's capital prefix ("XY 749 831 159"): words around a number never join it
  const grouped = /(?<![A-Za-z0-9-])(?:[A-Z]{1,3}|[A-Za-z0-9]{0,5}\d[A-Za-z0-9]{0,5})(?:[ .-](?=[A-Za-z]{0,11}\d)[A-Za-z0-9]{2,12}){1,6}(?![A-Za-z0-9]|[ .-]\d)/g;
  for (const m of text.matchAll(grouped)) {
    const token = m[0].replace(/[ .-]/g, '').toUpperCase();
    // eight digits at least: an order number with its prefix apart ("CMD 102945") is not joined into a parcel number
    if ((token.match(/\d/g)?.length ?? 0) >= 8 && add(token)) return out;
  }
  return out;
}

/** One substitution, one swap of adjacent characters, or one character more or fewer ("CMD-1037" for CMD-10374). */
export function oneCharAway(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    return false;
  }
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
  const found: Array<AmountMention & { at: number }> = [];
  // the currency sign as the decimal mark, as French writers often put it ("148€80")
  const signAsMark = [...text.matchAll(/(?<![\d.,])(\d{1,6}) ?€(\d{2})(?![\d%]|[.,]\d)/g)];
  for (const m of signAsMark) found.push({ text: m[0], value: Number(`${m[1]}.${m[2]}`), currency: 'EUR', at: m.index! });
  for (const m of text.matchAll(re)) {
    if (signAsMark.some((s) => m.index! >= s.index! && m.index! < s.index! + s[0].length)) continue;
    const sym = (m[1] ?? m[4] ?? '').toLowerCase();
    const value = toNumber(m[2] ?? m[3] ?? '');
    if (Number.isNaN(value)) continue;
    found.push({ text: m[0].trim(), value, currency: CUR[sym] ?? null, at: m.index! });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...a }) => a);
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
  const re = new RegExp(
    `(?<!\\d)(\\d{1,2})[/.](\\d{1,2})(?:[/.]((?:19|20)?\\d{2}))?(?![\\d/])|((?:19|20)\\d{2})-(\\d{2})-(\\d{2})|` +
    `(?<!\\d)(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_WORDS})\\.?(?:\\s+((?:19|20)\\d{2}))?|` +
    `\\b(${MONTH_WORDS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?`, 'gi');
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

/**
 * Months named alone ("ma commande d'octobre", "the order I placed back in August", "in September 2026"), as YYYY-MM:
 * the year written, else the latest such month not after today's. A month with a day ("18 novembre", "May 3") is a
 * date (findDates), and English "may" is a verb more often than a month.
 */
export function findMonthsAlone(text: string, today: string): string[] {
  const names = [...FR_MONTHS.map(fold), ...EN_MONTHS.map((m) => m.toLowerCase())].filter((m) => m !== 'may').join('|');
  const re = new RegExp(`(?<!\\d\\s*(?:er|st|nd|rd|th)?\\s*)\\b(${names})\\b(?!\\s*\\d{1,2}(?!\\d))(?:\\s+((?:19|20)\\d{2}))?`, 'g');
  const [y, mo] = today.slice(0, 7).split('-').map(Number) as [number, number];
  const out = new Set<string>();
  for (const m of fold(text).matchAll(re)) {
    const month = MONTH_INDEX.get(m[1]!) ?? 0;
    if (!month) continue;
    const year = m[2] ? Number(m[2]) : month <= mo ? y : y - 1;
    out.add(`${year}-${pad(month)}`);
  }
  return [...out];
}

const WEEKDAYS: [RegExp, number][] = [
  [/\b(?:dimanche|sunday)\b/, 0], [/\b(?:lundi|monday)\b/, 1], [/\b(?:mardi|tuesday)\b/, 2],
  [/\b(?:mercredi|wednesday)\b/, 3], [/\b(?:jeudi|thursday)\b/, 4], [/\b(?:vendredi|friday)\b/, 5],
  [/\b(?:samedi|saturday)\b/, 6],
];
const MONTH_WORDS = [...MONTH_INDEX.keys()].join('|');
/** A weekday with its day of the month ("Monday the 2nd", "lundi 16"), not followed by a month (a full date). */
const DATED_WEEKDAYS: [RegExp, number][] = WEEKDAYS.map(([re, day]) =>
  [new RegExp(`${re.source}\\s+(?:the\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\b(?![.,/:h-]?\\d|\\s*(?:${MONTH_WORDS}))`), day]);
/** A day said to be to come, near a weekday ("next Monday", "avant jeudi"). */
const TO_COME = /\b(?:next|coming|prochain|d'ici|avant)\b/;
const SMALL_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10,
};
const isoDaysBefore = (today: string, days: number): string =>
  new Date(Date.parse(`${today.slice(0, 10)}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Past days a text names relative to `today` (FR/EN): "hier", "yesterday", "avant-hier", "il y a 3 jours", "two days
 * ago", "aujourd'hui", "ce matin", a weekday ("mardi dernier", "last Tuesday", "on Tuesday": the latest one before
 * today) and a day of the month alone ("la commande du 18": the latest 18th). ISO dates, deduplicated. Meant for what the writer already did (ordered, paid): never a date to come.
 */
export function findPastDays(text: string, today: string): string[] {
  const t = fold(text);
  const out = new Set<string>();
  if (/\b(?:aujourd'hui|aujourd’hui|ce matin|today|this morning)\b/.test(t)) out.add(isoDaysBefore(today, 0));
  if (/\b(?:hier|yesterday)\b/.test(t.replace(/\b(?:avant[- ]hier|day before yesterday)\b/g, ''))) out.add(isoDaysBefore(today, 1));
  if (/\b(?:avant[- ]hier|day before yesterday)\b/.test(t)) out.add(isoDaysBefore(today, 2));
  const words = Object.keys(SMALL_NUMBERS).join('|');
  for (const m of t.matchAll(new RegExp(`\\bil y a (\\d{1,2}|${words}) jours?\\b|\\b(\\d{1,2}|${words}) days? ago\\b`, 'g'))) {
    const n = m[1] ?? m[2]!;
    const days = /^\d+$/.test(n) ? Number(n) : SMALL_NUMBERS[n]!;
    if (days <= 31) out.add(isoDaysBefore(today, days));
  }
  // a day of the month alone ("ma commande du 18", "ordered on the 3rd"): this month's, or last month's when still to come
  const dayAlone = new RegExp(`\\b(?:du|le|on the|on|of the|from the)\\s+(\\d{1,2})(?:er|st|nd|rd|th)?\\b(?![.,/:h-]?\\d|\\s*(?:${MONTH_WORDS}|%|€|\\$|£|eur|euros?|jours?|days?|ans?|years?|x|fois|times|h\\b|heures?|hours?|min))`, 'g');
  const [y, mo, dd] = today.slice(0, 10).split('-').map(Number) as [number, number, number];
  for (const m of t.matchAll(dayAlone)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    const back = day <= dd ? new Date(Date.UTC(y, mo - 1, day)) : new Date(Date.UTC(y, mo - 2, day));
    if (back.getUTCDate() === day) out.add(back.toISOString().slice(0, 10));
  }
  const weekdayToday = new Date(`${today.slice(0, 10)}T00:00:00Z`).getUTCDay();
  // a weekday with its day of the month ("Monday the 2nd", "lundi 16"): the latest past day that is both, in the last
  // three months; the weekday alone then says nothing more
  const dated = new Set<number>();
  const toCome = (m: RegExpExecArray): boolean => TO_COME.test(t.slice(Math.max(0, m.index - 12), m.index + m[0].length + 10));
  for (const [re, day] of DATED_WEEKDAYS) {
    const m = re.exec(t);
    if (!m) continue;
    dated.add(day);
    if (toCome(m)) continue; // "next Monday the 2nd": a day to come
    for (let back = 0; back <= 92; back++) {
      const iso = isoDaysBefore(today, back);
      if (Number(iso.slice(8, 10)) === Number(m[1]) && new Date(`${iso}T00:00:00Z`).getUTCDay() === day) { out.add(iso); break; }
    }
  }
  for (const [re, day] of WEEKDAYS) {
    const m = dated.has(day) ? null : re.exec(t);
    if (!m || toCome(m)) continue; // "next Monday": a day to come

    const back = ((weekdayToday - day + 7) % 7) || 7;
    out.add(isoDaysBefore(today, back));
  }
  return [...out];
}

/** A span of past days, both ends included (ISO dates). */
export interface DayRange { from: string; to: string }

/**
 * Past periods a text names relative to `today` (FR/EN), for what the writer already did (ordered, received): "ce
 * week-end", "last weekend", "over the weekend" (the latest Saturday and Sunday before today); "la semaine dernière",
 * "last week" (Monday to Sunday of the week before); "cette semaine", "earlier this week" (this week's Monday to
 * today); "le mois dernier", "last month" (the calendar month before); "ce mois-ci", "this month". Periods to come
 * ("next week", "la semaine prochaine") are not past and are not read.
 */
export function findPastPeriods(text: string, today: string): DayRange[] {
  const t = fold(text);
  const out: DayRange[] = [];
  const weekday = new Date(`${today.slice(0, 10)}T00:00:00Z`).getUTCDay();
  const sinceMonday = (weekday + 6) % 7;
  if (/\b(?:(?:ce|le) (?:dernier )?week-?end(?: dernier)?|(?:this|last|over the|at the) weekend)\b/.test(t)) {
    const backToSunday = weekday === 0 ? 7 : weekday;
    out.push({ from: isoDaysBefore(today, backToSunday + 1), to: isoDaysBefore(today, backToSunday) });
  }
  if (/\b(?:la semaine derniere|la semaine passee|last week|the week before last)\b/.test(t)) {
    out.push({ from: isoDaysBefore(today, sinceMonday + 7), to: isoDaysBefore(today, sinceMonday + 1) });
  }
  if (/\b(?:cette semaine|en debut de semaine|this week|earlier this week|early this week)\b/.test(t)) {
    out.push({ from: isoDaysBefore(today, sinceMonday), to: today.slice(0, 10) });
  }
  const [y, mo] = today.slice(0, 7).split('-').map(Number) as [number, number];
  const monthRange = (year: number, month: number, last?: string): DayRange => ({
    from: `${year}-${pad(month)}-01`, to: last ?? new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10),
  });
  if (/\b(?:le mois dernier|du mois dernier|le mois passe|last month|last month's)\b/.test(t)) {
    out.push(mo === 1 ? monthRange(y - 1, 12) : monthRange(y, mo - 1));
  }
  if (/\b(?:ce mois-ci|ce mois ci|this month|earlier this month)\b/.test(t)) out.push(monthRange(y, mo, today.slice(0, 10)));
  return out;
}

/** Whether an ISO day (or date-time) falls in one of the ranges. */
export const inRanges = (iso: string, ranges: readonly DayRange[]): boolean =>
  ranges.some((r) => iso.slice(0, 10) >= r.from && iso.slice(0, 10) <= r.to);

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
