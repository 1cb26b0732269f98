/**
 * Everything a reply may state, read from the shop (never from the customer's text): the customer, the order when it
 * is verified as theirs, catalogue products the customer mentions, policies, offers allowed. Templates and the LLM
 * drafter both start from this.
 */
import type { CustomerMemory, CustomerRecord, EmailCase, Intent, OrderRecord, ProductRecord, ShopData, ShopPolicies } from '../domain/types';
import { offerHistory, offersToPropose, withoutRefused, type OfferUse } from './offer-policy';
import { statedPreferences, statedRefusals } from '../memory/stated-preferences';
import { concernedProducts, productMatcher } from './product-mentions';
import type { ReplyLang } from './shop-format';
import type { WordingSnapshot } from './wording/phrase-catalogue';

/** Why no order facts may be stated, when that is the case. */
export type OrderIssue = 'none' | 'no_order_number' | 'unknown_order' | 'not_owned' | 'sender_unverified';

export interface ReplyContext {
  lang: ReplyLang;
  intent: Intent;
  today: string;
  policies: ShopPolicies;
  customer: CustomerRecord | null;
  /** The order the mail is about, only when it exists and belongs to the verified sender. */
  order: OrderRecord | null;
  orderNumberWritten: string | null;
  /** Other orders the customer mentions that are verified as theirs (multi-question mail). */
  otherOrders: OrderRecord[];
  orderIssue: OrderIssue;
  catalogue: ProductRecord[];
  /** The customer's new text (cleaned); read for what is asked, never copied into a reply. */
  customerText: string;
  hasAttachments: boolean;
  /** Catalogue products the customer's new text mentions. */
  mentioned: ProductRecord[];
  /** Of those, the ones the request is about (not the ones the customer is happy with). */
  concerned: ProductRecord[];
  /** SKUs the verified sender already has from the shop (in an order shipped or delivered to them). */
  ownedSkus: ReadonlySet<string>;
  offerHistory: OfferUse[];
  /** Approved offers this case qualifies for and a template should propose (none the customer refused). */
  offers: string[];
  /** The template version in force (wording_versions); absent: the shipped wording. */
  wording?: WordingSnapshot;
  /** What the shop remembers of the verified sender (memory/), or null. */
  memory: CustomerMemory | null;
  /** Preferences the customer stated, before (memory) or in this email, e.g. `no_phone`, `call_evening`. */
  preferences: string[];
  /** Offers the customer refused, before or in this email; '*' for offers in general. */
  refusedOffers: string[];
}

/** Order statuses in which the customer has the items (a refunded or returned order's items went back). */
const OWNED_STATUSES: ReadonlySet<string> = new Set(['shipped', 'delivered']);

/** The reply language: the classifier's, or for mixed mail the customer's record language, else French. */
export function replyLang(lang: string | null | undefined, customer: CustomerRecord | null): ReplyLang {
  if (lang === 'fr' || lang === 'en') return lang;
  const rec = customer?.language?.toLowerCase().slice(0, 2);
  return rec === 'en' ? 'en' : 'fr';
}

export async function buildReplyContext(emailCase: EmailCase, shop: ShopData, wording?: WordingSnapshot): Promise<ReplyContext> {
  const [policies, today, catalogue] = await Promise.all([shop.policies(), shop.today(), shop.products()]);
  const enr = emailCase.enrichment;
  const customer = enr?.customerId ? await shop.customerById(enr.customerId) : null;
  const senderVerified = customer !== null && enr?.customerMatch === 'sender';
  const written = enr?.orderNumber ?? null;

  let order: OrderRecord | null = null;
  let orderIssue: OrderIssue = 'none';
  if (!written) orderIssue = 'no_order_number';
  else {
    const found = await shop.order(written);
    if (!found) orderIssue = 'unknown_order';
    else if (!customer || found.customer_id !== customer.id) orderIssue = 'not_owned';
    else if (!senderVerified) orderIssue = 'sender_unverified';
    else order = found;
  }

  const otherOrders: OrderRecord[] = [];
  if (senderVerified) {
    for (const n of enr?.orderNumbersMentioned ?? []) {
      if (n === written || otherOrders.some((o) => o.number === n)) continue;
      const o = await shop.order(n);
      if (o && o.customer_id === customer!.id) otherOrders.push(o);
    }
  }

  const owned = senderVerified ? await shop.ordersOfCustomer(customer!.id) : [];
  const ownedSkus = new Set(owned.filter((o) => OWNED_STATUSES.has(o.status)).flatMap((o) => o.items.map((it) => it.sku)));

  const intent = emailCase.classification?.intent ?? 'other';
  const matcher = productMatcher(catalogue);
  const history = await offerHistory(shop, senderVerified ? customer!.id : null);
  const offerCase = { intent, order, today, history, vip: senderVerified && customer!.vip };
  // The customer's memory and what they say now: a refused offer is not proposed again, a stated preference is honoured.
  const memory = senderVerified ? emailCase.memory ?? null : null;
  const said = senderVerified ? emailCase.cleaned.clean : '';
  const preferences = [...new Set([...(memory?.preferences ?? []), ...statedPreferences(said).map((p) => p.code)])];
  const refusedOffers = [...new Set([...(memory?.refusedOffers ?? []), ...statedRefusals(said, policies).map((r) => r.code)])];
  return {
    lang: replyLang(emailCase.classification?.lang, customer),
    intent,
    today,
    policies,
    customer: senderVerified ? customer : null,
    order,
    orderNumberWritten: written,
    otherOrders,
    orderIssue,
    catalogue,
    customerText: emailCase.cleaned.clean,
    hasAttachments: emailCase.parsed.attachments.some((a) => !a.inline),
    mentioned: matcher.mentioned(emailCase.cleaned.clean),
    concerned: concernedProducts(emailCase.cleaned.clean, matcher),
    ownedSkus,
    offerHistory: history,
    ...(wording ? { wording } : {}),
    offers: withoutRefused(offersToPropose(offerCase, policies), refusedOffers, policies),
    memory,
    preferences,
    refusedOffers,
  };
}
