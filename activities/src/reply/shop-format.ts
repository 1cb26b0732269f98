/**
 * How verified shop values are written in a reply, and the date arithmetic on them. One place, so the
 * templates and the fact-check agree on every form ("25 novembre 2026", "25 November 2026", "49,80 €", "€49.80").
 */
import type { OrderRecord, ShopPolicies } from '../domain/types';

export type ReplyLang = 'fr' | 'en';

export const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DAY_MS = 86_400_000;

function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "25 novembre 2026" / "1er décembre 2026" (fr), "25 November 2026" (en). */
export function formatDate(iso: string, lang: ReplyLang): string {
  const d = parseIsoDate(iso);
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const year = d.getUTCFullYear();
  if (lang === 'fr') return `${day === 1 ? '1er' : day} ${FR_MONTHS[month]} ${year}`;
  return `${day} ${EN_MONTHS[month]} ${year}`;
}

/** "49,80 €" (fr, narrow no-break space avoided for plain-text mail) / "€49.80" (en). EUR only for now; other currencies by code. */
export function formatAmount(amount: number, lang: ReplyLang, currency = 'EUR'): string {
  const fixed = amount.toFixed(2);
  if (currency === 'EUR') return lang === 'fr' ? `${fixed.replace('.', ',')} €` : `€${fixed}`;
  return lang === 'fr' ? `${fixed.replace('.', ',')} ${currency}` : `${currency} ${fixed}`;
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(parseIsoDate(iso).getTime() + days * DAY_MS));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);
}

/** Monday–Friday days after `from` up to and including `to`. */
export function businessDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let t = parseIsoDate(from).getTime() + DAY_MS; t <= parseIsoDate(to).getTime(); t += DAY_MS) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) n += 1;
  }
  return n;
}

/** Days past the estimated delivery: counted to the delivery date when delivered, else to today; 0 when on time or unknown. */
export function daysLate(order: OrderRecord, today: string): number {
  if (!order.estimated_delivery) return 0;
  const end = order.delivered_at ?? today;
  return Math.max(0, daysBetween(order.estimated_delivery, end));
}

/** Last day to send a delivered order back: delivery + return window. Null while not delivered. */
export function returnDeadline(order: OrderRecord, policies: ShopPolicies): string | null {
  return order.delivered_at ? addDays(order.delivered_at, policies.return_window_days) : null;
}

/**
 * The refund processing delay in the reply's language. Shop data writes it once for both ("5 à 7 jours ouvrés /
 * 5-7 business days"); a single-language value is used as is.
 */
export function refundProcessingDays(policies: ShopPolicies, lang: ReplyLang): string {
  const parts = policies.refund_processing_days.split(/\s+\/\s+/);
  if (parts.length < 2) return policies.refund_processing_days.trim();
  const fr = parts.find((p) => /jour|ouvr/i.test(p)) ?? parts[0]!;
  const en = parts.find((p) => /day/i.test(p)) ?? parts[1]!;
  return (lang === 'fr' ? fr : en).trim();
}

/** The upper bound of the processing delay in business days ("5 à 7 jours ouvrés" → 7), or null. */
export function refundProcessingMaxDays(policies: ShopPolicies): number | null {
  const nums = (policies.refund_processing_days.match(/\d+/g) ?? []).map(Number);
  return nums.length ? Math.max(...nums) : null;
}

/** Sum of item lines (unit price × quantity), rounded to cents. */
export function itemsSubtotal(order: OrderRecord): number {
  return roundCents(order.items.reduce((s, it) => s + it.unit_price * it.qty, 0));
}

export function roundCents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** An order status in words: "expédiée" / "shipped". */
const STATUS_WORDS: Record<string, [string, string]> = {
  processing: ['en cours de préparation', 'being prepared'],
  shipped: ['expédiée', 'shipped'],
  delivered: ['livrée', 'delivered'],
  cancelled: ['annulée', 'cancelled'],
  refunded: ['remboursée', 'refunded'],
  returned: ['retournée', 'returned'],
};

export function statusWord(status: string, lang: ReplyLang): string {
  const w = STATUS_WORDS[status];
  return w ? (lang === 'fr' ? w[0] : w[1]) : status;
}
