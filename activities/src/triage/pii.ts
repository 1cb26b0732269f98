/**
 * Personal data in an email's text: found by general rules (formats, checksums, context words), reported with the
 * value exactly as written, and masked with reversible tokens («PHONE_1») before any text reaches a model.
 */
import type { PiiFinding, PiiType } from '../domain/types';

export interface PiiContext {
  senderAddress: string | null;
  shopAddress: string | null;
  senderName: string | null;
  /** Names that are not third parties (the shop's name, its team). */
  ownNames?: string[];
}

interface Span { type: PiiType; start: number; end: number; value: string }

const L = '\\p{L}';
const LU = '\\p{Lu}';

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

// ---------- finders ----------

function findIbans(text: string): Span[] {
  const out: Span[] = [];
  const re = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}/g;
  for (const m of text.matchAll(re)) {
    // try the longest prefix (whole groups) that passes mod-97
    const parts = m[0].split(/(?<=[A-Z0-9])(?= )/);
    for (let n = parts.length; n >= 1; n--) {
      const value = parts.slice(0, n).join('');
      if (ibanValid(value)) { out.push({ type: 'iban', start: m.index!, end: m.index! + value.length, value }); break; }
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

function findPhones(text: string): Span[] {
  const out: Span[] = [];
  const re = /(?<![\w+/.,-])(?:\+|00)?\(?\d[\d .()\u00a0-]{7,20}\d(?![\w/])/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const value = raw.replace(/[ .-]+$/, '');
    const digits = value.replace(/\D/g, '');
    const intl = /^(?:\+|00)/.test(value);
    let ok = false;
    if (intl) ok = digits.length >= 10 && digits.length <= 15;
    else if (/^\(?0/.test(value)) ok = digits.length === 10 || digits.length === 11;
    if (!ok) continue;
    // separators must look like a phone: groups of 2-5 digits
    const groups = value.replace(/[()]/g, ' ').split(/[ .\u00a0-]+/).filter(Boolean);
    if (groups.some((g) => g.replace(/\D/g, '').length > 6 && !(groups.length === 1))) {
      if (groups.length > 1) continue;
    }
    if (/^\d{4}[-.]\d{2}[-.]\d{2}$/.test(value)) continue; // ISO date
    out.push({ type: 'phone', start: m.index!, end: m.index! + value.length, value });
  }
  return out;
}

const ROLE_LOCAL = /^(?:no-?reply|do-?not-?reply|donotreply|postmaster|mailer-daemon|bounces?|abuse|info|contact|support|sales|hello|admin|news|newsletter|notifications?|service|team|help|billing|orders?|webmaster|marketing|press|privacy|dpo|rgpd|gdpr)$|(?:^|[-_.+])(?:leave|unsubscribe|bounces?|request|owner|subscribe|noreply|no-reply)(?:$|[-_.+])/i;

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
  return out;
}

// ----- postal addresses -----

const FR_STREET = "(?:rue|avenue|av\\.|boulevard|bd|allée|allee|impasse|place|chemin|route|quai|cours|square|passage|voie|sentier|résidence|residence|lotissement|hameau|lieu-dit|chaussée|faubourg|parvis|esplanade|promenade|rond-point|mail|cité|villa|montée|traverse)";
const UK_STREET = '(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Gardens|Place|Crescent|Terrace|Court|Square|Grove|Hill|Row|Mews|Walk|Park|Parade|Rise|View|Green|Yard|Works|Wharf|Quay|Gate|Broadway|Circus)';
const FR_STREET_RE = new RegExp(`^\\s*\\d{1,4}(?:\\s?(?:bis|ter|b|t))?,?\\s+${FR_STREET}\\b`, 'iu');
const UK_STREET_RE = new RegExp(`^\\s*\\d{1,4}[A-Za-z]?,?\\s+(?:${LU}[${L}'’-]*\\s+){0,3}${UK_STREET}\\b`, 'u');
const COMPLEMENT_RE = /^\s*(?:r[ée]sidence|b[âa]t(?:iment)?\.?|appt\.?|appartement|apt\.?|escalier|esc\.|[ée]tage|lieu-dit|bp\s*\d|cs\s*\d|flat|unit|apartment|suite|studio|floor|building|house)\b/iu;
const FR_POSTCODE_CITY = new RegExp(`(?<!\\d)(?:F-)?\\d{5}\\s+${LU}[${L}'’-]+(?:[ -]+(?:${LU}[${L}'’-]+|sur|sous|en|le|la|les|de|du|d'|Cedex(?:\\s\\d{1,2})?))*`, 'gu');
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/g;

/** Address start inside one line segment: "Unit 4", "Flat 2B", a house number followed by a capitalised word. */
function segmentStart(seg: string, fr: boolean): number | null {
  const starts: number[] = [];
  const unit = /\b(?:Flat|Unit|Apartment|Apt\.?|Suite|Studio)\s+\w+/g;
  for (const m of seg.matchAll(unit)) starts.push(m.index!);
  const num = fr
    ? new RegExp(`(?<![\\w-])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+${FR_STREET}\\b`, 'giu')
    : new RegExp(`(?<![\\w-])\\d{1,4}[A-Za-z]?,?\\s+${LU}`, 'gu');
  for (const m of seg.matchAll(num)) starts.push(m.index!);
  if (!starts.length) return null;
  return Math.min(...starts);
}

const looksAddressSegment = (seg: string): boolean =>
  new RegExp(`^\\s*(?:\\d{1,4}[A-Za-z]?\\s+)?(?:${LU}[${L}'’.-]*|de|du|des|la|le|les|of|the|bât\\.?|appt|[A-Z0-9]{1,3})(?:\\s+(?:${LU}[${L}'’.-]*|de|du|des|la|le|les|of|the|sur|[A-Z0-9]{1,4}|\\d{1,4}))*\\s*$`, 'u').test(seg);

function expandAddress(text: string, lineStart: number, anchorEnd: number, fr: boolean): Span | null {
  const line = text.slice(lineStart, anchorEnd);
  // walk back over comma-separated segments on the anchor line
  const segs = line.split(/(?<=,)\s*/);
  let startInLine: number | null = null;
  let offset = line.length;
  let sawStreet = false;
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i]!;
    offset -= seg.length;
    while (offset > 0 && /\s/.test(line[offset - 1]!)) offset--;
    const segOffset = line.indexOf(seg, offset);
    const isLast = i === segs.length - 1;
    if (isLast) {
      const s = segmentStart(seg, fr);
      if (s !== null && s < seg.length && (fr ? FR_STREET_RE.test(seg.slice(s)) : UK_STREET_RE.test(seg.slice(s)) || /^(?:Flat|Unit)/.test(seg.slice(s)))) {
        startInLine = segOffset + s; sawStreet = true;
        break;
      }
      startInLine = segOffset + (seg.length - seg.trimStart().length);
      continue;
    }
    const s = segmentStart(seg, fr);
    const clean = seg.replace(/,\s*$/, '');
    if (s !== null && (s === 0 || !looksAddressSegment(clean))) {
      startInLine = segOffset + s; sawStreet = true;
      // "Unit 4," before a numbered street continues: keep walking only through complements
      const prev = segs[i - 1];
      if (prev !== undefined && COMPLEMENT_RE.test(prev.trim()) && /^\s*(?:Flat|Unit|Apartment|Suite|Studio)\b/.test(prev)) {
        startInLine = line.indexOf(prev, 0);
      }
      if (s > 0) break;
      continue;
    }
    if (sawStreet ? COMPLEMENT_RE.test(clean) : looksAddressSegment(clean) || COMPLEMENT_RE.test(clean)) {
      startInLine = segOffset + (seg.length - seg.trimStart().length);
      continue;
    }
    break;
  }
  let start = lineStart + (startInLine ?? 0);
  // the postcode line alone ("69007 Lyon", "BA11 1DW"): take the street (and complements) from the lines above
  if (!sawStreet) {
    const before = text.slice(0, lineStart).replace(/\n$/, '');
    const lines = before.split('\n');
    let taken = 0;
    let gotStreet = false;
    for (let i = lines.length - 1; i >= 0 && taken < 4; i--) {
      const ln = lines[i]!;
      if (!ln.trim()) break;
      const isStreet = fr ? FR_STREET_RE.test(ln) : UK_STREET_RE.test(ln) || /^\s*\d{1,4}[A-Za-z]?\s+\p{Lu}/u.test(ln);
      if ((isStreet || COMPLEMENT_RE.test(ln)) && !gotStreet) { gotStreet = true; taken++; start -= ln.length + 1; continue; }
      if (gotStreet && COMPLEMENT_RE.test(ln)) { taken++; start -= ln.length + 1; continue; }
      if (!gotStreet && !fr && taken === 0 && looksAddressSegment(ln) && ln.trim().split(/\s+/).length <= 3) {
        // a town line above a postcode-only line
        taken++; start -= ln.length + 1; continue;
      }
      break;
    }
    if (!gotStreet) return null;
  }
  const value = text.slice(start, anchorEnd).replace(/^[\s,]+/, '');
  start = anchorEnd - value.length;
  return { type: 'address', start, end: anchorEnd, value };
}

function findAddresses(text: string): Span[] {
  const out: Span[] = [];
  const lineStartOf = (i: number): number => text.lastIndexOf('\n', i - 1) + 1;
  for (const m of text.matchAll(FR_POSTCODE_CITY)) {
    const ls = lineStartOf(m.index!);
    const end = m.index! + m[0].length;
    const span = expandAddress(text, ls, end, true);
    if (span) out.push(span);
  }
  for (const m of text.matchAll(UK_POSTCODE)) {
    const ls = lineStartOf(m.index!);
    const span = expandAddress(text, ls, m.index! + m[0].length, false);
    if (span && span.value !== m[0]) out.push(span);
  }
  // street lines with no postcode nearby
  const streetOnly = new RegExp(`(?<![\\w-])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${FR_STREET}\\s+(?:(?:de|du|des|de la|de l'|d')\\s*)?${LU}[${L}'’-]*(?:\\s+(?:${LU}[${L}'’-]*|de|du|des|la|le))*|(?:${LU}[${L}'’-]*\\s+){1,3}${UK_STREET})\\b`, 'gu');
  for (const m of text.matchAll(streetOnly)) {
    const s = m.index!;
    if (out.some((o) => s >= o.start && s < o.end)) continue;
    out.push({ type: 'address', start: s, end: s + m[0].length, value: m[0] });
  }
  return out;
}

// ----- dates of birth -----

const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_RE = new RegExp(
  `(?<!\\d)(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})(?!\\d)`,
  'giu');
const BIRTH_CONTEXT = /(?:(?<!\p{L})n[ée]e?s?(?:\(e\))?(?!\p{L})(?:\s+le)?|date\s+de\s+naissance|naissance|\bdob\b|d\.o\.b|date\s+of\s+birth|\bborn\b|birth\s*date|birthdate|anniversaire|date\s+d['’]anniversaire)/iu;

function findDobs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const window = text.slice(Math.max(0, m.index! - 45), m.index!);
    const before = window.slice(Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('!'), window.lastIndexOf('?')) + 1);
    if (BIRTH_CONTEXT.test(before)) out.push({ type: 'dob', start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return out;
}

// ----- third-party names -----

const NAME = `${LU}[${L}'’]+(?:-${LU}[${L}'’]+)?(?:\\s${LU}[${L}'’]+(?:-${LU}[${L}'’]+)?){0,2}`;
const RELATIONS = [
  'mum', 'mom', 'mother', 'father', 'dad', 'wife', 'husband', 'partner', 'son', 'daughter', 'sister', 'brother',
  'friend', 'colleague', 'neighbour', 'neighbor', 'boss', 'grandmother', 'grandma', 'grandfather', 'grandad',
  'granny', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'fiancée?', 'girlfriend', 'boyfriend', 'flatmate',
  'mother-in-law', 'father-in-law', 'assistant', 'manager', 'employee', 'client', 'customer',
  'mère', 'maman', 'père', 'papa', 'femme', 'épouse', 'mari', 'époux', 'conjointe?', 'compagne', 'compagnon',
  'fils', 'fille', 'sœur', 'soeur', 'frère', 'amie?', 'collègue', 'voisine?', 'grand-mère', 'grand-père',
  'mamie', 'papi', 'tante', 'oncle', 'cousine?', 'nièce', 'neveu', 'belle-mère', 'beau-père', 'belle-sœur',
  'beau-frère', 'fiancée?', 'patronne?', 'assistante?', 'employée?', 'cliente?', 'locataire', 'propriétaire',
];
/** "word" -> "[Ww]ord", so a pattern can be case-insensitive on its keywords while names still need capitals. */
const anyCase = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`;
const REL_RE = new RegExp(
  `(?<![\\p{L}])(?:${['my', 'our', 'his', 'her', 'mon', 'ma', 'mes', 'notre', 'nos', 'son', 'sa'].map(anyCase).join('|')})\\s+(?:(?:late|dear|old|best|elderly|cher|chère|meilleure?|vieille?)\\s+)?(?:${RELATIONS.join('|')})(?:\\s*[,(]\\s*|\\s+)(?:(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?|Monsieur|Madame)\\s+)?(${NAME})`,
  'gu');
const INTRO_RE = new RegExp(
  `(?<![\\p{L}])(?:${['on behalf of', 'in the name of', 'addressed to', 'c/o', 'named', 'called', 'au nom de', 'de la part de',
    'pour le compte de', 'adressée? à', 'livrée? à', 'destinée? à', "s'appelle", 'nommée?', 'chez'].map(anyCase).join('|')})\\s+(?:(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?|Monsieur|Madame)\\s+)?(${NAME})`,
  'gu');
const ATTRIB_RE = new RegExp(
  `^(?:>\\s*)*(?:On .{3,60}?,\\s*|Le .{3,60}?,\\s*)?(${NAME})\\s*(?:<[^>\\n]+>\\s*)?(?:wrote|a écrit)\\s*:`, 'gmu');
const HEADER_NAME_RE = new RegExp(`^(?:>\\s*)*(?:From|De|To|À|A|Cc)\\s?:\\s*"?(${NAME})"?\\s*<`, 'gmu');
const TITLE_RE = new RegExp(`\\b(?:M\\.|Mme|Mlle|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Monsieur|Madame)\\s+(${NAME})`, 'gu');

const STOP_NAME_WORDS = new Set([
  'the', 'and', 'le', 'la', 'les', 'et', 'merci', 'thanks', 'thank', 'bonjour', 'hello', 'hi', 'dear', 'i', 'je',
  'monsieur', 'madame', 'order', 'commande', 'customer', 'service', 'support', 'team', 'équipe',
]);

const foldName = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function findNames(text: string, ctx: PiiContext): Span[] {
  const out: Span[] = [];
  const own = new Set<string>();
  const addOwn = (n: string | null | undefined): void => {
    if (!n) return;
    const f = foldName(n.replace(/["']/g, ''));
    if (!f) return;
    own.add(f);
    for (const part of f.split(/[\s,]+/)) if (part.length > 1) own.add(part);
  };
  addOwn(ctx.senderName);
  for (const n of ctx.ownNames ?? []) addOwn(n);
  const local = ctx.senderAddress?.split('@')[0] ?? '';
  for (const part of local.split(/[._-]+/)) if (part.length > 1) own.add(foldName(part));
  const isOwn = (name: string): boolean => {
    const f = foldName(name);
    if (own.has(f)) return true;
    const parts = f.split(' ');
    return parts.every((p) => own.has(p));
  };
  const push = (m: RegExpMatchArray, group: string): void => {
    let name = group.trim();
    // cut trailing words that are not part of a name ("Grace Green Placed" cannot happen: NAME needs capitals)
    const words = name.split(/\s+/);
    while (words.length && STOP_NAME_WORDS.has(foldName(words[words.length - 1]!))) words.pop();
    if (!words.length || STOP_NAME_WORDS.has(foldName(words[0]!))) return;
    name = words.join(' ');
    if (isOwn(name)) return;
    const start = m.index! + m[0].indexOf(group);
    out.push({ type: 'name', start, end: start + name.length, value: name });
  };
  for (const re of [REL_RE, INTRO_RE, ATTRIB_RE, HEADER_NAME_RE, TITLE_RE]) {
    for (const m of text.matchAll(re)) if (m[1]) push(m, m[1]);
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
  const addresses = findAddresses(text).filter((a) => !overlaps(a, emails));
  const names = findNames(text, ctx).filter((n) => !overlaps(n, addresses) && !overlaps(n, emails));
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
