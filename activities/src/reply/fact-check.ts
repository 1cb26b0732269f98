/**
 * The fact-check: every order number, amount, date, tracking number, carrier, link, product price and day count
 * written in a draft is extracted from the TEXT and compared with shop data — never with the draft's own `facts`.
 * Each fact is attributed to the order mentioned last before it (or the case's order), so a right value from the wrong
 * order is caught too.
 */
import type { OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import { KNOWN_CARRIERS, trackingUrl } from './carrier-links';
import { productsNamedExactly } from './product-mentions';
import { daysLate, EN_MONTHS, FR_MONTHS, itemsSubtotal, returnDeadline, roundCents } from './shop-format';
import { fold } from './text-fold';

export type FactCheckName = 'fact_mismatch' | 'unverifiable_fact' | 'other_customer_data';

export interface FactIssue {
  check: FactCheckName;
  message: string;
}

export interface FactCheckScope {
  /** The verified sender's customer id; null when the sender is not a known customer. */
  customerId: string | null;
  senderAddress: string | null;
  /** The order the case is about (enrichment), used for facts stated before any order number. */
  orderNumber: string | null;
}

interface Located<T> {
  index: number;
  value: T;
  raw: string;
}

const ORDER_RE = /\b([a-z]{2,5})-(\d{3,})\b/g;
const URL_RE = /https?:\/\/[^\s<>()»"']+[^\s<>()»"'.,;:!?]/g;
const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g;
const AMOUNT_AFTER_RE = /(?<![\d.,])(\d{1,3}(?:[  ]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s?(?:€|eur\b|euros?\b)/g;
const AMOUNT_BEFORE_RE = /(?:€\s?|\beur\s?)(\d+)(?:[.,](\d{1,2}))?(?![\d])/g;
const TRACKING_RE = /\b[a-z0-9]{8,30}\b/g;

const FR_M = FR_MONTHS.map(fold);
const EN_M = EN_MONTHS.map(fold);
/** Abbreviations ("Nov", "déc.", "Sept") map to their month number. */
const ABBREV: Record<string, number> = {
  jan: 1, janv: 1, feb: 2, fev: 2, fevr: 2, mar: 3, apr: 4, avr: 4, jun: 6, jul: 7, juil: 7, aug: 8, sep: 9, sept: 9,
  oct: 10, nov: 11, dec: 12,
};
const MONTH_WORDS = [...FR_M, ...EN_M, ...Object.keys(ABBREV)].sort((a, b) => b.length - a.length).join('|');
const DATE_DMY_WORDS = new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)? (${MONTH_WORDS})\\.?(?:,? (\\d{4}))?\\b`, 'g');
const DATE_MDY_WORDS = new RegExp(`\\b(${[...EN_M, ...Object.keys(ABBREV)].sort((a, b) => b.length - a.length).join('|')})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g');
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DATE_SLASH = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g;

function all<T>(re: RegExp, text: string, map: (m: RegExpExecArray) => T | null): Located<T>[] {
  const out: Located<T>[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = map(m);
    if (v !== null) out.push({ index: m.index, value: v, raw: m[0] });
  }
  return out;
}

/** Replaces spans with spaces, keeping indexes, so later extractors do not read inside them. */
function blank(text: string, spans: { index: number; raw: string }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.index) + ' '.repeat(s.raw.length) + out.slice(s.index + s.raw.length);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates written in the text, as ISO or as "--MM-DD" when no year is written. */
export function extractDates(folded: string): Located<string>[] {
  const monthOf = (name: string) => (FR_M.indexOf(name) >= 0 ? FR_M.indexOf(name) + 1 : EN_M.indexOf(name) >= 0 ? EN_M.indexOf(name) + 1 : ABBREV[name] ?? 0);
  const mk = (y: string | undefined, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y ?? '-'}-${pad(m)}-${pad(d)}` : null);
  return [
    ...all(DATE_DMY_WORDS, folded, (m) => mk(m[3], monthOf(m[2]!), Number(m[1]))),
    ...all(DATE_MDY_WORDS, folded, (m) => mk(m[3], monthOf(m[1]!), Number(m[2]))),
    ...all(DATE_ISO, folded, (m) => mk(m[1], Number(m[2]), Number(m[3]))),
    ...all(DATE_SLASH, folded, (m) => mk(m[3], Number(m[2]), Number(m[1]))),
  ].sort((a, b) => a.index - b.index);
}

/** Euro amounts written in the text ("49,80 €", "€49.80", "49.8 EUR"). */
export function extractAmounts(folded: string): Located<number>[] {
  const parse = (int: string, dec: string | undefined) => Number(`${int.replace(/[  ]/g, '')}.${dec ?? '0'}`);
  const after = all(AMOUNT_AFTER_RE, folded, (m) => parse(m[1]!, m[2]));
  const before = all(AMOUNT_BEFORE_RE, folded, (m) => parse(m[1]!, m[2]));
  const out = [...after];
  for (const b of before) if (!after.some((a) => b.index >= a.index && b.index < a.index + a.raw.length)) out.push(b);
  return out.sort((a, b) => a.index - b.index);
}

function sameDate(written: string, iso: string): boolean {
  return written.startsWith('--') ? iso.slice(4) === written.slice(1) : written === iso;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function orderDates(o: OrderRecord, policies: ShopPolicies): [string, string][] {
  const out: [string, string][] = [['ordered_at', o.ordered_at]];
  for (const k of ['shipped_at', 'estimated_delivery', 'delivered_at', 'return_received_at'] as const) {
    const v = o[k];
    if (typeof v === 'string' && v) out.push([k, v]);
  }
  const deadline = returnDeadline(o, policies);
  if (deadline) out.push(['return_deadline', deadline]);
  return out;
}

/** Amounts an order justifies: total, fee, subtotal, refund, unit prices, and any set of its lines (a partial return). */
function orderAmounts(o: OrderRecord): number[] {
  const out = [o.total, o.shipping_fee, itemsSubtotal(o), roundCents(o.total - o.shipping_fee)];
  if (typeof o.refunded_amount === 'number') out.push(o.refunded_amount);
  for (const it of o.items) out.push(it.unit_price);
  const lines = o.items.slice(0, 10).map((it) => it.unit_price * it.qty);
  for (let mask = 1; mask < 1 << lines.length; mask++) {
    out.push(roundCents(lines.reduce((s, v, i) => (mask & (1 << i) ? s + v : s), 0)));
  }
  return out;
}

/** Sums of 2–4 of the given prices (a basket), and what each leaves to reach the free shipping threshold. */
function basketAmounts(prices: number[], threshold: number): number[] {
  const out: number[] = [];
  const n = Math.min(prices.length, 8);
  for (let mask = 1; mask < 1 << n; mask++) {
    let s = 0;
    let k = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) { s += prices[i]!; k++; }
    if (k >= 2 && k <= 4) out.push(roundCents(s));
    if (k >= 1 && k <= 4 && s < threshold) out.push(roundCents(threshold - s));
  }
  return out;
}

export async function factCheck(text: string, scope: FactCheckScope, shop: ShopData): Promise<FactIssue[]> {
  const issues: FactIssue[] = [];
  const [policies, today, products] = await Promise.all([shop.policies(), shop.today(), shop.products()]);
  const own = scope.customerId ? await shop.ordersOfCustomer(scope.customerId) : [];
  const ownByNumber = new Map(own.map((o) => [o.number.toUpperCase(), o]));
  const skus = new Set(products.map((p) => p.sku.toUpperCase()));
  let t = fold(text);

  // Links: the shop's site, or the tracking page of the order being discussed.
  const urls = all(URL_RE, t, (m) => m[0]);
  // Emails: only the shop's and the sender's own.
  const emails = all(EMAIL_RE, t, (m) => m[0]);
  t = blank(t, [...urls, ...emails]);
  const allowedEmails = new Set([fold(policies.support_address), scope.senderAddress ? fold(scope.senderAddress) : ''].filter(Boolean));
  for (const e of emails) {
    if (!allowedEmails.has(e.value)) issues.push({ check: 'other_customer_data', message: `email address ${e.value} is neither the shop's nor the sender's` });
  }

  // Order numbers, and which order each later fact belongs to.
  const orderMentions = all(ORDER_RE, t, (m) => m[0].toUpperCase()).filter((o) => !skus.has(o.value));
  const knownOrders = new Map<string, OrderRecord | null>();
  for (const m of orderMentions) {
    if (knownOrders.has(m.value)) continue;
    const o = ownByNumber.get(m.value) ?? (await shop.order(m.value));
    knownOrders.set(m.value, o);
    if (!o) issues.push({ check: 'unverifiable_fact', message: `order ${m.value} does not exist` });
    else if (!scope.customerId || o.customer_id !== scope.customerId) {
      issues.push({ check: 'other_customer_data', message: `order ${m.value} does not belong to the sender` });
    }
  }
  t = blank(t, orderMentions);
  const caseOrder = scope.orderNumber ? ownByNumber.get(scope.orderNumber.toUpperCase()) ?? null : null;
  const firstOwned = orderMentions.map((m) => ownByNumber.get(m.value)).find((o) => o !== undefined) ?? null;
  const orderAt = (index: number): OrderRecord | null => {
    let cur: OrderRecord | null = null;
    for (const m of orderMentions) {
      if (m.index > index) break;
      cur = ownByNumber.get(m.value) ?? null;
    }
    return cur ?? firstOwned ?? caseOrder;
  };
  const label = (o: OrderRecord | null) => (o ? `order ${o.number}` : 'no verified order');
  const otherOwn = (o: OrderRecord | null) => own.filter((x) => x !== o);

  for (const u of urls) {
    const url = u.value.replace(/[.,;:!?]+$/, '');
    const site = fold(policies.website ?? '').replace(/\/+$/, '');
    if (site && (url === site || url.startsWith(`${site}/`) || url.startsWith(`${site}?`))) continue;
    const o = orderAt(u.index);
    const expected = o ? trackingUrl(o.carrier, o.tracking_number) : null;
    if (expected && fold(expected) === url) continue;
    if (otherOwn(o).some((x) => { const e = trackingUrl(x.carrier, x.tracking_number); return e !== null && fold(e) === url; })) {
      issues.push({ check: 'fact_mismatch', message: `tracking link ${url} belongs to another order than ${label(o)}` });
    } else {
      issues.push({ check: 'unverifiable_fact', message: `link ${url} is neither the shop's site nor the tracking page of ${label(o)}` });
    }
  }

  // Product names (and the price written right after one).
  const named = productsNamedExactly(text, products);
  for (const n of named) {
    const after = t.slice(n.index + n.name.length, n.index + n.name.length + 40);
    const stop = after.search(/\n|;|\. /);
    const window = stop >= 0 ? after.slice(0, stop) : after;
    const price = extractAmounts(window)[0];
    if (price) {
      const o = orderAt(n.index);
      const line = o?.items.find((it) => it.sku === n.product.sku);
      const ok = near(price.value, n.product.price) || (line !== undefined && (near(price.value, line.unit_price) || near(price.value, roundCents(line.unit_price * line.qty))));
      if (!ok) issues.push({ check: 'fact_mismatch', message: `price ${price.raw.trim()} for ${n.name} does not match the catalogue (${n.product.price})` });
    }
  }
  t = blank(t, named.map((n) => ({ index: n.index, raw: fold(n.name) })));

  // Amounts.
  const namedPrices = [...new Map(named.map((n) => [n.product.sku, n.product.price])).values()];
  const generalAmounts = [
    ...products.map((p: ProductRecord) => p.price),
    policies.free_shipping_threshold,
    ...basketAmounts(namedPrices, policies.free_shipping_threshold),
  ];
  for (const a of extractAmounts(t)) {
    const o = orderAt(a.index);
    if (o && orderAmounts(o).some((x) => near(x, a.value))) continue;
    if (generalAmounts.some((x) => near(x, a.value))) continue;
    const other = otherOwn(o).find((x) => orderAmounts(x).some((v) => near(v, a.value)));
    issues.push(o
      ? { check: 'fact_mismatch', message: `amount ${a.raw.trim()} does not match ${label(o)}${other ? ` (it is an amount of ${other.number})` : ''}` }
      : { check: 'unverifiable_fact', message: `amount ${a.raw.trim()} matches no shop price or policy` });
  }

  // Dates.
  const dates = extractDates(t);
  for (const d of dates) {
    const o = orderAt(d.index);
    if (sameDate(d.value, today)) continue;
    const candidates = o ? orderDates(o, policies) : [];
    if (candidates.some(([, iso]) => sameDate(d.value, iso))) continue;
    issues.push(o
      ? { check: 'fact_mismatch', message: `date "${d.raw}" matches none of ${label(o)}'s dates (${candidates.map(([k, v]) => `${k} ${v}`).join(', ')})` }
      : { check: 'unverifiable_fact', message: `date "${d.raw}" is stated without a verified order` });
  }
  t = blank(t, dates);

  // Tracking numbers: long tokens with digits (and a letter, or very long), not order numbers or SKUs.
  const trackingTokens = all(TRACKING_RE, t, (m) => {
    const tok = m[0];
    const digits = (tok.match(/\d/g) ?? []).length;
    return digits >= 6 && (/[a-z]/.test(tok) || tok.length >= 12) ? tok.toUpperCase() : null;
  });
  for (const tk of trackingTokens) {
    const o = orderAt(tk.index);
    if (o?.tracking_number && o.tracking_number.toUpperCase() === tk.value) continue;
    const ownOther = otherOwn(o).find((x) => x.tracking_number?.toUpperCase() === tk.value);
    if (ownOther) {
      issues.push({ check: 'fact_mismatch', message: `tracking number ${tk.value} is ${ownOther.number}'s, not ${label(o)}'s` });
      continue;
    }
    const foreign = await shop.orderByTracking(tk.value);
    if (foreign) issues.push({ check: 'other_customer_data', message: `tracking number ${tk.value} belongs to another customer's order` });
    else issues.push({ check: o ? 'fact_mismatch' : 'unverifiable_fact', message: `tracking number ${tk.value} does not match ${label(o)}${o?.tracking_number ? ` (${o.tracking_number})` : ''}` });
  }

  // Carriers.
  const carriers = [...new Set([...KNOWN_CARRIERS, ...own.map((o) => o.carrier).filter((c): c is string => !!c)])];
  for (const c of carriers) {
    const re = new RegExp(`\\b${fold(c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
    const acronym = /^[A-Z]{2,4}$/.test(c);
    for (const m of all(re, t, (x) => x[0])) {
      // "UPS" the carrier, not "follow-ups": short acronyms must be written in capitals.
      if (acronym && text.slice(m.index, m.index + c.length) !== c) continue;
      const o = orderAt(m.index);
      if (o?.carrier && fold(o.carrier) === fold(c)) continue;
      issues.push(o
        ? { check: 'fact_mismatch', message: `carrier ${c} is not ${label(o)}'s carrier (${o.carrier ?? 'none'})` }
        : { check: 'unverifiable_fact', message: `carrier ${c} is stated without a verified order` });
      break;
    }
  }

  // Day counts: delay, return window, refund processing.
  const processing = (policies.refund_processing_days.match(/\d+/g) ?? []).map(Number);
  for (const m of all(/\b(\d+) (?:jours?|days?) (?:de retard|late|behind)/g, t, (x) => Number(x[1]))) {
    const o = orderAt(m.index);
    if (!o || daysLate(o, today) !== m.value) {
      issues.push({ check: o ? 'fact_mismatch' : 'unverifiable_fact', message: `"${m.raw}" but ${label(o)} is ${o ? daysLate(o, today) : '?'} day(s) late` });
    }
  }
  for (const m of all(/\b(\d+)(?: |-)(?:jours?|days?|day) (?:suivant|apres|of|after|return)|\breturn (?:period|window) of (\d+)/g, t, (x) => Number(x[1] ?? x[2]))) {
    if (m.value !== policies.return_window_days) issues.push({ check: 'fact_mismatch', message: `return window "${m.raw}" but the shop's is ${policies.return_window_days} days` });
  }
  for (const m of all(/\b(\d+) ?(?:a|-|to) ?(\d+) (?:jours ouvres|business days|working days|jours)/g, t, (x) => [Number(x[1]), Number(x[2])])) {
    const [lo, hi] = m.value;
    if (!(processing.includes(lo!) && processing.includes(hi!))) {
      issues.push({ check: 'fact_mismatch', message: `delay "${m.raw}" but the shop's refund processing is ${policies.refund_processing_days}` });
    }
  }
  return issues;
}
