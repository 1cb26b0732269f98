/**
 * Which approved offers a case may carry, and how to recognise offers in a draft. The approved list and its
 * conditions come from shop policy; nothing outside it may be offered.
 *
 * Conditions (shop policy `when`, made executable):
 * - GESTE10: the order is more than 5 days past its estimated delivery, and the customer has not received it in the
 *   365 days before today.
 * - RETOUR-GRATUIT: a defective or damaged item (and a missing one, which the policy text allows).
 * - RENVOI-EXPRESS: a missing or damaged item.
 * - Any other approved offer that lists `intents`: one of those intents.
 * - An offer marked `vip_only` (shop policy): only for a VIP customer, verified by the sender's address; a template
 *   proposes it first to a VIP (README "VIP care": priority remedies that keep the margin, never a bigger discount).
 */
import type { ApprovedOffer, Intent, OrderRecord, ShopData, ShopPolicies } from '../domain/types';
import { daysBetween, daysLate } from './shop-format';
import { fold } from './text-fold';

export const GESTE_MIN_DAYS_LATE = 5;

export interface OfferUse {
  code: string;
  at: string; // ISO date
}

export interface OfferCase {
  intent: Intent | null;
  order: OrderRecord | null;
  today: string;
  /** Offers this customer already received, newest first. */
  history: OfferUse[];
  /** The sender is a verified VIP customer; absent or false: VIP-only offers are refused. */
  vip?: boolean;
}

export interface OfferVerdict {
  code: string;
  allowed: boolean;
  reason: string;
}

const REMEDY_INTENTS: Record<string, Intent[]> = {
  'RETOUR-GRATUIT': ['damaged_item', 'missing_item'],
  'RENVOI-EXPRESS': ['damaged_item', 'missing_item'],
};

export function judgeOffer(code: string, c: OfferCase, policies: ShopPolicies): OfferVerdict {
  const offer = policies.approved_offers.find((o) => o.code === code);
  if (!offer) return { code, allowed: false, reason: `${code} is not an approved offer` };
  if (offer.vip_only && c.vip !== true) return { code, allowed: false, reason: `${code} is reserved for VIP customers` };
  if (code === 'GESTE10') {
    if (!c.order) return { code, allowed: false, reason: 'GESTE10 needs a verified late order' };
    const late = daysLate(c.order, c.today);
    if (late <= GESTE_MIN_DAYS_LATE) return { code, allowed: false, reason: `GESTE10 needs a delay over ${GESTE_MIN_DAYS_LATE} days; this order is ${late} day(s) late` };
    const recent = c.history.find((h) => h.code === code && daysBetween(h.at, c.today) < 365);
    if (recent) return { code, allowed: false, reason: `GESTE10 already granted on ${recent.at} (max once a year)` };
    return { code, allowed: true, reason: `order ${late} days late, no GESTE10 in the last year` };
  }
  const intents = offer.intents ?? REMEDY_INTENTS[code];
  if (intents) {
    const ok = c.intent !== null && intents.includes(c.intent);
    return { code, allowed: ok, reason: ok ? `${code} allowed for ${c.intent}` : `${code} is only for ${intents.join(' / ')}` };
  }
  // An approved offer whose condition has no executable rule yet: a person decides.
  return { code, allowed: false, reason: `${code} has no executable condition; needs a person` };
}

/**
 * Offers a customer's refusals rule out (memory/stated-preferences.ts): the codes they refused, and for a refusal of
 * offers in general ('*'), every commercial gesture (the offers that are no remedy for a damaged or missing item).
 */
export function withoutRefused(codes: string[], refused: readonly string[], policies: ShopPolicies): string[] {
  if (refused.length === 0) return codes;
  const commercial = (code: string) => !REMEDY_INTENTS[code] && !policies.approved_offers.find((o) => o.code === code)?.vip_only;
  return codes.filter((code) => !refused.includes(code) && !(refused.includes('*') && commercial(code)));
}

/** The offers a template proposes for this case (a subset of what is allowed: a missing item needs no return label). */
export function offersToPropose(c: OfferCase, policies: ShopPolicies): string[] {
  const wanted: string[] =
    c.intent === 'damaged_item' ? ['RENVOI-EXPRESS', 'RETOUR-GRATUIT']
    : c.intent === 'missing_item' ? ['RENVOI-EXPRESS']
    : c.intent === 'delivery_delay' || c.intent === 'order_status' ? ['GESTE10']
    : [];
  const vipOnly = c.vip === true ? policies.approved_offers.filter((o) => o.vip_only).map((o) => o.code) : [];
  return [...vipOnly, ...wanted].filter((code) => judgeOffer(code, c, policies).allowed);
}

/**
 * Offers already granted to a customer. Shop data has no offer ledger yet; orders may carry the codes applied to them
 * (`offers_applied`, `offer_codes`, `offers`, `voucher_code`, `discount_code`), counted at the order date.
 */
export async function offerHistory(shop: ShopData, customerId: string | null): Promise<OfferUse[]> {
  if (!customerId) return [];
  const orders = await shop.ordersOfCustomer(customerId);
  const uses: OfferUse[] = [];
  for (const o of orders) {
    for (const key of ['offers_applied', 'offer_codes', 'offers', 'voucher_code', 'discount_code', 'offer']) {
      const v = o[key];
      const codes = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
      for (const code of codes) if (typeof code === 'string') uses.push({ code: code.toUpperCase(), at: o.ordered_at });
    }
  }
  return uses.sort((a, b) => b.at.localeCompare(a.at));
}

export interface OfferMention {
  code: string | null; // null: something offer-like that is no approved offer
  text: string;
}

/** Offer-like wording that maps to no approved offer (discounts, promo codes, vouchers of other values, refunds as a gesture). */
const UNAPPROVED_PATTERNS: RegExp[] = [
  /\bcode(s)? promo\w*/, /\bpromo(tional)? code\b/, /\bdiscount( code)?\b/, /\bcoupon\b/, /\bune remise\b/, /\bremise (de |d')?\d/,
  /\breduction de \d/, /\b\d+ ?% (de reduction|off|discount)\b/, /\bstore credit\b/, /\bavoir de \d/, /\bcarte cadeau offerte\b/,
  /\bfree gift\b/, /\bcadeau offert\b/, /\bbon d'achat de \d+ ?(€|eur)/, /\bvoucher (of|worth) (€|eur)?\d/, /\b100 ?%/,
];

function descriptionPatterns(offer: ApprovedOffer): string[] {
  return [offer.description_fr, offer.description_en].map((d) => fold(d).replace(/\s+/g, ' ').trim());
}

/** Extra wordings of the approved offers, so a paraphrase is attributed to the right code. */
const OFFER_PARAPHRASES: Record<string, RegExp[]> = {
  GESTE10: [/\bbon d'achat\b/, /\bvoucher\b/, /\b10 ?%/],
  'RETOUR-GRATUIT': [/\betiquette de retour prepayee\b/, /\bprepaid return label\b/, /\bretour gratuit\b/, /\bfree return\b/],
  'RENVOI-EXPRESS': [/\breexpedi\w* (en )?express\b/, /\b(express )?re-?shipment\b/, /\bexpress (re-?)?ship/, /\brenvoi express\b/],
};

export function findOfferMentions(text: string, policies: ShopPolicies): OfferMention[] {
  const hay = fold(text);
  const found: OfferMention[] = [];
  for (const offer of policies.approved_offers) {
    const code = offer.code.toLowerCase();
    const hit =
      hay.includes(code) ||
      descriptionPatterns(offer).some((d) => hay.includes(d)) ||
      (OFFER_PARAPHRASES[offer.code] ?? []).some((re) => re.test(hay));
    if (hit) found.push({ code: offer.code, text: offer.code });
  }
  for (const re of UNAPPROVED_PATTERNS) {
    const m = re.exec(hay);
    if (m) found.push({ code: null, text: m[0] });
  }
  return found;
}
