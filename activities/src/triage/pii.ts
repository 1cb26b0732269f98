/**
 * Personal data in an email's text: found by general rules (formats, checksums, context words), reported with the
 * value exactly as written, and masked with reversible tokens («PHONE_1») before any text reaches a model.
 */
import type { PiiFinding, PiiType } from '../domain/types';
import { findAddresses } from './pii-addresses';
import { findNames } from './pii-names';

export interface PiiContext {
  senderAddress: string | null;
  shopAddress: string | null;
  senderName: string | null;
  /** Names that are not third parties (the shop's name, its team, the writer's customer record). */
  ownNames?: string[];
  /** Full names of the shop's customers written in the text, other than the writer (third parties by record). */
  knownPeople?: string[];
}

interface Span { type: PiiType; start: number; end: number; value: string }


// ---------- checksums ----------

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** French social-security number (NIR): 13 digits + 2-digit key = 97 - (number mod 97); Corsica 2A/2B. */
export function nirValid(nir: string): boolean {
  const s = nir.replace(/[\s.-]+/g, '').toUpperCase();
  const m = /^([12378]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$/.exec(s);
  if (!m) return false;
  const body = m[1]!.replace('2A', '19').replace('2B', '18');
  const key = Number(m[2]);
  const mod = Number(BigInt(body) % 97n);
  return 97 - mod === key;
}

const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;

/**
 * IBANs as written, checksum or not: country, check digits, groups of four spaced or not, 15 to 34 characters (a hex
 * message id or a VAT number is shorter). What reads bank details (a takeover's payout, a draft that must not carry
 * one) takes these; `findPii` keeps only the IBANs whose checksum holds, since it masks spans.
 */
export function ibanShapes(text: string): string[] {
  return [...text.matchAll(IBAN_CANDIDATE)].map((m) => m[0]).filter((m) => m.replace(/ /g, '').length >= 15);
}

// ---------- finders ----------

function findIbans(text: string): Span[] {
  const out: Span[] = [];
  // in capitals or, as some type it, in lower case ("fr76 3000 6000 …"); an IBAN has 15 characters at least
  const re = /\b(?:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}|[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{1,4}){3,8})/g;
  for (const m of text.matchAll(re)) {
    // try the longest prefix (whole groups) that passes mod-97
    const parts = m[0].split(/(?<=[A-Z0-9])(?= )/);
    for (let n = parts.length; n >= 1; n--) {
      const value = parts.slice(0, n).join('');
      if (value.replace(/ /g, '').length >= 15 && ibanValid(value)) { out.push({ type: 'iban', start: m.index!, end: m.index! + value.length, value }); break; }
    }
  }
  return out;
}

function findCards(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/(?<![\w+])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      out.push({ type: 'card', start: m.index!, end: m.index! + m[0].length, value: m[0] });
    }
  }
  return out;
}

function findNirs(text: string): Span[] {
  const out: Span[] = [];
  const re = /(?<![\w+])[12378][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\w])/g;
  for (const m of text.matchAll(re)) {
    if (nirValid(m[0])) out.push({ type: 'nir', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return out;
}

const PHONE_CONTEXT = /(?:t[ée]l(?:[ée]phone)?|phone|mobile|mob|portable|cell|gsm|num[ée]ro|number|call|ring|text|appel(?:er|ez|le[rz]?)?|joindre|reach|whatsapp|fax|m[óo]vil|tel[ée]fono|cellulare|handy)\b[^\n\d]{0,25}$/iu;

function findPhones(text: string): Span[] {
  const out: Span[] = [];
  // a country code may stand in brackets: "(+44) 161 496 0734"
  const re = /(?<![\w+/.,-])(?:\(\+(?=\d)|(?:\+|00)?\(?)\d[\d .()\u00a0-]{7,20}\d(?![\w/])/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const value = raw.replace(/[ .-]+$/, '');
    const digits = value.replace(/\D/g, '');
    const intl = /^\(?(?:\+|00)/.test(value);
    let ok = false;
    if (intl) ok = digits.length >= 10 && digits.length <= 15;
    else if (/^\(?0/.test(value)) {
      // Belgian and Austrian landlines have nine digits with the trunk 0 ("04 223 17 85", "02 512 34 56")
      ok = (digits.length >= 10 && digits.length <= 12) || (digits.length === 9 && /^0\d{1,2}[ .]\d{2,3}[ .]\d{2}[ .]\d{2}$/.test(value));
    }
    // no trunk 0 (US "(555) 123-4567", ES "612 34 56 78", IT "333 123 4567"): only where the words say phone
    else ok = digits.length >= 9 && digits.length <= 11 && /[ .()-]/.test(value) && PHONE_CONTEXT.test(text.slice(Math.max(0, m.index! - 40), m.index!));
    if (!ok) continue;
    // separators must look like a phone: groups of 2-5 digits
    const groups = value.replace(/[()]/g, ' ').split(/[ .\u00a0-]+/).filter(Boolean);
    if (groups.some((g) => g.replace(/\D/g, '').length > 8 && !(groups.length === 1))) {
      if (groups.length > 1) continue;
    }
    if (/^\d{4}[-.]\d{2}[-.]\d{2}$/.test(value)) continue; // ISO date
    // an extension belongs to the number: "020 7946 0321 ext. 44", "+1 (416) 555-0199 x 2231", "514 555-0147 poste 12"
    const ext = EXTENSION.exec(text.slice(m.index! + value.length));
    const full = ext ? value + ext[0] : value;
    out.push({ type: 'phone', start: m.index!, end: m.index! + full.length, value: full });
  }
  // the area code set off by a slash, as German and Austrian numbers are written: "0171/4433210", "030/1234 5678"
  for (const m of text.matchAll(/(?<![\w+/.,-])0\d{2,4}\/[ ]?\d{3,8}(?:[ -]\d{2,5})?(?![\w/])/g)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 12) out.push({ type: 'phone', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return [...out, ...findSpokenPhones(text)];
}

const EXTENSION = /^,?[ \t]*(?:ext\.?|extn\.?|extension|x|poste|p\.|apparecchio|int\.|durchwahl|toestel|tst\.)[ \t]*\d{1,5}(?![\w])/i;

/**
 * Digits said in words, one by one or in pairs as French speakers give them: "zero seven seven zero zero, nine double
 * one, two three four", "zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit".
 */
const ONE_DIGIT = 'zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|zéro|un|deux|trois|quatre|cinq|sept|huit|neuf';
const FR_TEEN = 'dix|onze|douze|treize|quatorze|quinze|seize';
const FR_PAIR = `(?:(?:soixante|quatre-vingts?)-dix(?:-(?:sept|huit|neuf))?|(?:vingt|trente|quarante|cinquante|soixante)(?:-et-un|-et-onze|[- ]et[- ]un|-(?:${FR_TEEN}|un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|quatre-vingts?(?:-(?:${FR_TEEN}|un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|dix-(?:sept|huit|neuf)|${FR_TEEN})`;
const EN_PAIR = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
const SPOKEN_TOKEN = `(?:${FR_PAIR}|${EN_PAIR}|double|triple|${ONE_DIGIT})`;
const SPOKEN_RUN = new RegExp(`(?<![\\p{L}-])${SPOKEN_TOKEN}(?:[ \\t]*[,-]?[ \\t]+${SPOKEN_TOKEN})+(?![\\p{L}-])`, 'giu');
const SPOKEN_ONE = new RegExp(`^(?:${ONE_DIGIT})$`, 'iu');

function findSpokenPhones(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SPOKEN_RUN)) {
    const value = m[0];
    let digits = 0;
    for (const w of value.toLowerCase().matchAll(new RegExp(SPOKEN_TOKEN, 'giu'))) {
      if (w[0] === 'double') digits += 1;
      else if (w[0] === 'triple') digits += 2;
      else digits += SPOKEN_ONE.test(w[0]) ? 1 : 2;
    }
    // a phone is nine digits or more, and the words around it say so ("call me on", "mon numéro")
    if (digits < 9 || !PHONE_CONTEXT.test(text.slice(Math.max(0, m.index! - 40), m.index!).replace(/,\s*$/, ''))) continue;
    out.push({ type: 'phone', start: m.index!, end: m.index! + value.length, value });
  }
  return out;
}

const ROLE_LOCAL = /^(?:no-?reply|do-?not-?reply|donotreply|postmaster|mailer-daemon|bounces?|abuse|info|contact|support|sales|hello|admin|news|newsletter|notifications?|service|team|help|billing|orders?|webmaster|marketing|press|privacy|dpo|rgpd|gdpr)$|(?:^|[-_.+])(?:leave|unsubscribe|bounces?|request|owner|subscribe|noreply|no-reply)(?:$|[-_.+])/i;

/** Spelled out with bare words, in lower case as addresses are: "anna dot kowalski at gmail dot com", "jo point martin arobase free point fr". */
const SPELLED_EMAIL = /(?<![\w.+-])[a-z0-9_%+-]+(?:[ \t]+(?:dot|point)[ \t]+[a-z0-9_%+-]+)*[ \t]+(?:at|arobase)[ \t]+[a-z0-9-]+(?:[ \t]+(?:dot|point)[ \t]+[a-z0-9-]+)*[ \t]+(?:dot|point)[ \t]+(?:com|net|org|fr|be|ch|de|uk|co|nl|es|it|pt|ie|ca|eu|io|info)(?![\w-])/g;

/** Written with a bare "at" and real dots: "p.jones88 at outlook.com", "(hollis at brandtayala.co.uk)". */
const AT_WORD_EMAIL = /(?<![\w.+@-])([A-Za-z0-9._%+-]*[A-Za-z0-9])[ \t]+at[ \t]+[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@-]|\.[A-Za-z0-9])/g;
/** Words that announce an e-mail address right before it: "her e-mail is …", "son mail : …". */
const EMAIL_CONTEXT = /(?<![\p{L}-])(?:e-?mail|mail|courriel|address|adresse|contact|write to|écri(?:re|vez)(?:-lui)? à|reach (?:him|her|them|me) (?:on|at))(?:[ \t]+(?:address|adresse))?[ \t]*(?:is|est|:|=|-)?[ \t]*$/iu;

function findEmails(text: string, ctx: PiiContext): Span[] {
  const out: Span[] = [];
  const sender = ctx.senderAddress?.toLowerCase() ?? null;
  const shop = ctx.shopAddress?.toLowerCase() ?? null;
  const shopDomain = shop?.split('@')[1] ?? null;
  const re = /(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;
  for (const m of text.matchAll(re)) {
    const value = m[0];
    const low = value.toLowerCase();
    const [local = '', domain = ''] = low.split('@');
    if (low === sender || low === shop) continue;
    if (shopDomain && (domain === shopDomain || domain.endsWith(`.${shopDomain}`))) continue;
    if (ROLE_LOCAL.test(local)) continue;
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/(?:mailto:|cid:|https?:\/\/\S*)$/i.test(before) && !/mailto:$/i.test(before)) continue;
    if (/[0-9a-f]{12,}/i.test(local)) continue; // message ids, tracking tokens
    out.push({ type: 'email', start: m.index!, end: m.index! + value.length, value });
  }
  // written to dodge robots: "jo.martin (at) gmail.com", "jo.martin[at]gmail[dot]com", "jo.martin arobase free.fr"
  const dodged = /(?<![\w.+-])[A-Za-z0-9._%+-]+[ \t]*(?:\([ \t]*(?:at|arobase)[ \t]*\)|\[[ \t]*(?:at|arobase)[ \t]*\]|[ \t]arobase[ \t])[ \t]*[A-Za-z0-9-]+(?:(?:\.|[ \t]*[([][ \t]*(?:dot|point)[ \t]*[)\]][ \t]*)[A-Za-z0-9-]+)*(?:\.|[ \t]*[([][ \t]*(?:dot|point)[ \t]*[)\]][ \t]*)[A-Za-z]{2,}(?![\w-])/gi;
  for (const m of text.matchAll(AT_WORD_EMAIL)) {
    const local = m[1]!;
    if (ROLE_LOCAL.test(local)) continue;
    // "I placed order CMD-10672 at maison-lumen.fr": a reference (letters, a dash, digits) placed at a site, no handle
    if (/^[A-Z]{2,5}-\d{3,}$/.test(local)) continue;
    // "look at amazon.co.uk" is no address: the local part reads as a handle, or the words or brackets around say e-mail
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    const bracketed = /[(<[][ \t]*$/.test(before) && /^[ \t]*[)>\]]/.test(text.slice(m.index! + m[0].length));
    if (!/[._%+\d-]/.test(local) && !bracketed && !EMAIL_CONTEXT.test(before)) continue;
    out.push({ type: 'email', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  for (const m of [...text.matchAll(dodged), ...text.matchAll(SPELLED_EMAIL)]) {
    const local = m[0].split(/[ \t([]/)[0]!.toLowerCase();
    if (ROLE_LOCAL.test(local)) continue;
    out.push({ type: 'email', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return out;
}

// ----- dates of birth -----

const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_RE = new RegExp(
  `(?<!\\d)(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:(?:19|20)\\d{2}|\\d{2})|(?:19|20)\\d{2}(?:-\\d{2}-|\\.\\d{2}\\.|/\\d{2}/)\\d{2}|\\d{1,2}(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})(?!\\d)`,
  'giu');
const BIRTH_CONTEXT = /(?:(?<!\p{L})n[ée]e?s?(?:\(e\))?(?!\p{L})(?:\s+le)?|date\s+de\s+naissance|naissance|\bdob\b|d\.o\.b|date\s+of\s+birth|\bborn\b|birth\s*date|birthdate|anniversaire|date\s+d['’]anniversaire)/iu;

/** Days and years written in words: "the fourth of July 1979", "twenty-first of June, 1961", "douze mars mille neuf cent soixante-huit". */
const EN_UNITS = 'one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const EN_DAY = `(?:(?:twenty|thirty)(?:[- ](?:${EN_UNITS}))?|twentieth|thirtieth|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|${EN_UNITS})`;
const FR_UNITS = 'un|deux|trois|quatre|cinq|six|sept|huit|neuf';
const FR_DAY = `(?:premier|1er|(?:vingt|trente)(?:(?:-et-|\\s+et\\s+)un|-(?:${FR_UNITS}))?|dix(?:-(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|${FR_UNITS})`;
const EN_YEAR = `(?:nineteen|twenty)(?:[- ](?:hundred|oh[- ](?:${EN_UNITS})|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${EN_UNITS}))?))`;
const FR_YEAR = `(?:mil(?:le)?\\s+neuf\\s+cents?|deux\\s+mille)(?:[\\s-]+(?:et|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|octante|nonante))*`;
const YEAR = `(?:(?:19|20)\\d{2}|${EN_YEAR}|${FR_YEAR})`;
/** A day in figures, as often mixed with a year in words: "the 9th of March, nineteen sixty-one", "le 3 mars mil neuf cent…". */
const DIGIT_DAY = '\\d{1,2}(?:st|nd|rd|th|er)?';
const WORD_DATE_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:${EN_DAY}|${DIGIT_DAY})\\s+(?:of\\s+)?(?:${MONTHS}),?\\s+${YEAR}|(?:${FR_DAY}|${DIGIT_DAY})\\s+(?:${MONTHS})\\s+${YEAR}|(?:${MONTHS})\\s+(?:the\\s+)?(?:${EN_DAY}|${DIGIT_DAY}),?\\s+${YEAR})(?![\\p{L}\\d])`,
  'giu');

function findDobs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of [...text.matchAll(DATE_RE), ...text.matchAll(WORD_DATE_RE)]) {
    const window = text.slice(Math.max(0, m.index! - 45), m.index!);
    const before = window.slice(Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('!'), window.lastIndexOf('?')) + 1);
    if (BIRTH_CONTEXT.test(before)) out.push({ type: 'dob', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return out;
}

// ---------- public API ----------

/** Every PII value in the text, exactly as written, deduplicated, in text order. */
export function findPii(text: string, ctx: PiiContext): PiiFinding[] {
  const overlaps = (a: Span, list: Span[]): boolean => list.some((b) => a.start < b.end && b.start < a.end);
  const ibans = findIbans(text);
  const strong = [...ibans, ...findCards(text).filter((c) => !overlaps(c, ibans)), ...findNirs(text)];
  const dobs = findDobs(text);
  const phones = findPhones(text).filter((p) => !overlaps(p, strong) && !overlaps(p, dobs));
  const emails = findEmails(text, ctx);
  const addresses: Span[] = findAddresses(text).map((a) => ({ ...a, type: 'address' as const })).filter((a) => !overlaps(a, emails));
  const names: Span[] = findNames(text, {
    ownNames: [ctx.senderName ?? '', ...(ctx.ownNames ?? [])].filter(Boolean),
    senderLocalPart: ctx.senderAddress?.split('@')[0] ?? null,
    knownPeople: ctx.knownPeople,
    addresses,
  }).map((n) => ({ ...n, type: 'name' as const })).filter((n) => !overlaps(n, addresses) && !overlaps(n, emails));
  const all = [...strong, ...dobs, ...phones, ...emails, ...addresses, ...names].sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: PiiFinding[] = [];
  for (const s of all) {
    const key = `${s.type}\u0000${s.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: s.type, value: s.value });
  }
  return out;
}

export interface MaskResult {
  masked: string;
  /** token («PHONE_1») → original value */
  tokens: Record<string, string>;
}

/** Replaces every occurrence of each finding with a stable token; the same value always gets the same token. */
export function maskPii(text: string, findings: PiiFinding[]): MaskResult {
  const tokens: Record<string, string> = {};
  const counters = new Map<string, number>();
  const byValue = new Map<string, string>();
  for (const f of findings) {
    if (!f.value || byValue.has(f.value)) continue;
    const label = f.type.toUpperCase();
    const n = (counters.get(label) ?? 0) + 1;
    counters.set(label, n);
    const token = `«${label}_${n}»`;
    byValue.set(f.value, token);
    tokens[token] = f.value;
  }
  let masked = text;
  const values = [...byValue.keys()].sort((a, b) => b.length - a.length);
  for (const v of values) masked = masked.split(v).join(byValue.get(v)!);
  return { masked, tokens };
}

/** Puts the original values back in place of the tokens. */
export function unmaskPii(text: string, tokens: Record<string, string>): string {
  return text.replace(/«[A-Z]+_\d+»/g, (t) => tokens[t] ?? t);
}
