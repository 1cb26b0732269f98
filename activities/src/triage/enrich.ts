/**
 * enrichEmail: who wrote (the customer, by sender address or by a claimed identity) and which order the email is
 * about, checked against the shop's data. Facts that cannot be confirmed become flags; nothing is corrected.
 */
import type { CustomerRecord, EmailCase, Enrichment, OrderRecord, ShopData } from '../domain/types';
import type { OrderFormat } from '../domain/order-format';
import { productMatcher } from '../reply/product-mentions';
import type { CaseStage } from './pipeline';
import {
  claimedNames, emailsInText, findAmounts, findDates, findOrderNumbers, oneCharAway, signatureName,
  type OrderMention,
} from './entities';

/** Machine kinds that are never "about" an order even when their subject quotes one (auto-replies, lists, spam). */
const NO_ORDER_KINDS = new Set(['auto_reply', 'newsletter', 'spam', 'system', 'receipt', 'abuse_report']);


function splitName(full: string): [string, string] | null {
  const parts = full.replace(/["']/g, '').trim().split(/\s+/);
  if (parts.length < 2) return null;
  return [parts[0]!, parts.slice(1).join(' ')];
}

/** Candidate orders in priority: the new text, then the subject, then quoted history / report text. */
function orderMentions(c: EmailCase, fmt: OrderFormat): OrderMention[] {
  const kind = c.machine.isMachine ? c.machine.kind : null;
  if (kind && NO_ORDER_KINDS.has(kind)) return [];
  const fromClean = findOrderNumbers(c.cleaned.clean, fmt);
  if (fromClean.length) return fromClean;
  const fromSubject = findOrderNumbers(c.parsed.subject, fmt);
  if (fromSubject.length) return fromSubject;
  const fromQuoted = findOrderNumbers(c.cleaned.quoted, fmt);
  if (fromQuoted.length) return fromQuoted;
  return findOrderNumbers(`${c.parsed.text}\n${Object.values(c.parsed.report?.fields ?? {}).join('\n')}`, fmt);
}

interface Claim { customer: CustomerRecord; score: number }

/**
 * A sender that is not a customer may claim to be one: a self-introduction or signature with a customer's name,
 * the customer's address quoted as "my email", an order of theirs. Two pieces of evidence are needed.
 */
async function claimedCustomer(c: EmailCase, shop: ShopData, orders: OrderMention[]): Promise<CustomerRecord | null> {
  const text = `${c.cleaned.clean}\n${c.cleaned.signature}`;
  const sender = c.parsed.from?.address ?? '';
  const scores = new Map<string, Claim>();
  const bump = (cust: CustomerRecord, by: number): void => {
    const cur = scores.get(cust.id) ?? { customer: cust, score: 0 };
    cur.score += by;
    scores.set(cust.id, cur);
  };
  const names = new Set<string>();
  for (const n of claimedNames(text)) names.add(n);
  const sig = signatureName(c.cleaned.clean) ?? signatureName(c.cleaned.signature);
  if (sig) names.add(sig);
  if (c.parsed.from?.name) names.add(c.parsed.from.name);
  const nameHits = new Set<string>();
  for (const n of names) {
    const split = splitName(n);
    if (!split) continue;
    for (const cust of await shop.customersByName(split[0], split[1])) nameHits.add(cust.id);
  }
  for (const id of nameHits) {
    const cust = await shop.customerById(id);
    if (cust) bump(cust, 1);
  }
  for (const e of new Set(emailsInText(text))) {
    if (e === sender) continue;
    const cust = await shop.customerByEmail(e);
    if (cust) bump(cust, 2);
  }
  for (const o of orders) {
    const rec = await shop.order(o.number);
    if (rec && scores.has(rec.customer_id)) bump(scores.get(rec.customer_id)!.customer, 1);
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score < 2) return null;
  if (ranked[1] && ranked[1].score === best.score) return null; // ambiguous namesakes: claim nobody
  return best.customer;
}

function amountMatchesOrder(value: number, order: OrderRecord, products: Map<string, number>): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;
  const candidates = [order.total, order.shipping_fee, order.refunded_amount ?? -1];
  let subtotal = 0;
  for (const it of order.items) {
    candidates.push(it.unit_price, it.unit_price * it.qty);
    subtotal += it.unit_price * it.qty;
    const p = products.get(it.sku);
    if (p !== undefined) candidates.push(p);
  }
  candidates.push(subtotal, order.total - order.shipping_fee);
  return candidates.some((c) => near(c, value));
}

export async function enrich(c: EmailCase, shop: ShopData): Promise<Enrichment> {
  const flags: string[] = [];
  const sender = c.parsed.from?.address?.toLowerCase() ?? '';
  const mentions = orderMentions(c, await shop.orderNumberFormat());

  let customer = sender ? await shop.customerByEmail(sender) : null;
  let customerMatch: Enrichment['customerMatch'] = customer ? 'sender' : 'none';
  if (!customer && !c.machine.isMachine) {
    const claimed = await claimedCustomer(c, shop, mentions);
    if (claimed) {
      customer = claimed;
      customerMatch = 'claimed';
      flags.push('sender_not_customer_address', 'suspected_account_takeover');
    }
  }

  const primary = mentions[0] ?? null;
  let orderFound = false;
  let orderOwnedBySender: boolean | null = null;
  let lookalikeOf: string | null = null;
  let order: OrderRecord | null = null;
  if (primary) {
    order = await shop.order(primary.number);
    orderFound = order !== null;
    const own = customer ? await shop.ordersOfCustomer(customer.id) : [];
    if (!order) flags.push('unknown_order_number');
    else if (customer) {
      orderOwnedBySender = order.customer_id === customer.id;
      if (!orderOwnedBySender) flags.push('order_belongs_to_other_customer');
    } else {
      orderOwnedBySender = false;
      if (!c.machine.isMachine) flags.push('order_owner_unverified');
    }
    if (!order || orderOwnedBySender === false) {
      const near = own.find((o) => oneCharAway(o.number, primary.number));
      if (near) { lookalikeOf = near.number; flags.push('lookalike_order_number'); }
    }
  }
  for (const m of mentions.slice(1)) {
    const rec = await shop.order(m.number);
    if (!rec) flags.push('unknown_secondary_order_number');
    else if (customer && rec.customer_id !== customer.id) flags.push('secondary_order_belongs_to_other_customer');
  }

  const catalogue = await shop.products();
  const amounts = findAmounts(c.cleaned.clean);
  if (order && amounts.length) {
    const products = new Map(catalogue.map((p) => [p.sku, p.price] as [string, number]));
    if (amounts.some((a) => !amountMatchesOrder(a.value, order!, products))) flags.push('amount_mismatch');
  }
  const today = await shop.today();
  const dates = findDates(c.cleaned.clean, today).map((d) => d.iso).filter((d): d is string => d !== null);

  return {
    customerId: customer?.id ?? null,
    customerMatch,
    orderNumber: primary?.number ?? null,
    orderNumbersMentioned: mentions.map((m) => m.number),
    orderFound,
    orderOwnedBySender,
    lookalikeOf,
    vip: customer?.vip ?? false,
    aiOptOut: customer?.ai_opt_out ?? false,
    flags: [...new Set(flags)],
    amountsMentioned: amounts.map((a) => ({ text: a.text, value: a.value, currency: a.currency })),
    datesMentioned: [...new Set(dates)],
    productsMentioned: productMatcher(catalogue).mentioned(c.cleaned.clean).map((p) => p.sku),
  };
}

export const enrichEmail: CaseStage = async (emailCase, deps) => ({
  ...emailCase,
  enrichment: await enrich(emailCase, deps.shop),
});

