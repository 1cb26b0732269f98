/**
 * enrichEmail: who wrote (the customer, by sender address or by a claimed identity) and which order the email is
 * about, checked against the shop's data. Facts that cannot be confirmed become flags; nothing is corrected.
 */
import type { CustomerRecord, EmailCase, Enrichment, OrderEvidence, OrderRecord, ShopData } from '../domain/types';
import type { OrderFormat } from '../domain/order-format';
import { productMatcher, type ProductMatcher } from '../reply/product-mentions';
import type { CaseStage } from './pipeline';
import {
  claimedNames, emailsInText, escapeRe, findAmounts, findDates, findOrderNumbers, oneCharAway, signatureName,
  type OrderMention,
} from './entities';
import { fold } from './lexicon';
import {
  byAmount, byDeliveryDate, byLatestOrder, byOnlyOpenOrder, byOrderDate, byOrderState, byOwnNumber, byProducts, bySubjectProducts,
  byTracking, ordersNamedInTitle,
  givesUnknownParcel, NO_EVIDENCE, ownNumbersIn,
  type EvidenceResult,
} from './order-evidence';
import { otherFormatReferences, speaksOfSomeoneElsesOrder } from './order-others';
import { orderReferredByPlace, setsAsideThread, unsettledOrders, type NamedOrder } from './order-topic';

/** Machine kinds that are never "about" an order even when their subject quotes one (auto-replies, lists, spam). */
const NO_ORDER_KINDS = new Set(['auto_reply', 'newsletter', 'spam', 'system', 'receipt', 'abuse_report']);

function splitName(full: string): [string, string] | null {
  const parts = full.replace(/["']/g, '').trim().split(/\s+/);
  if (parts.length < 2) return null;
  return [parts[0]!, parts.slice(1).join(' ')];
}

type WrittenIn = 'clean' | 'subject' | 'quoted' | 'text';

/** Order numbers the mail writes, from the first place that has any: the new text, the subject, quoted history / report. */
interface WrittenOrders { mentions: OrderMention[]; source: WrittenIn | null }

function writtenOrders(c: EmailCase, fmt: OrderFormat): WrittenOrders {
  const kind = c.machine.isMachine ? c.machine.kind : null;
  if (kind && NO_ORDER_KINDS.has(kind)) return { mentions: [], source: null };
  const fromClean = findOrderNumbers(c.cleaned.clean, fmt);
  if (fromClean.length) return { mentions: subjectFirst(fromClean, c.parsed.subject, fmt), source: 'clean' };
  const fromSubject = findOrderNumbers(c.parsed.subject, fmt);
  if (fromSubject.length) return { mentions: fromSubject, source: 'subject' };
  const fromQuoted = findOrderNumbers(c.cleaned.quoted, fmt);
  if (fromQuoted.length) return { mentions: fromQuoted, source: 'quoted' };
  const rest = findOrderNumbers(fullText(c), fmt);
  return { mentions: rest, source: rest.length ? 'text' : null };
}

/** Everything a machine notice says: the decoded text, the fields of its report, the subject of a returned message. */
function fullText(c: EmailCase): string {
  const report = c.parsed.report;
  return `${c.parsed.subject}\n${c.parsed.text}\n${Object.values(report?.fields ?? {}).join('\n')}\n${report?.originalSubject ?? ''}`;
}

/** Several orders in the new text and one of them in the subject: the subject says which one the mail is about. */
function subjectFirst(mentions: OrderMention[], subject: string, fmt: OrderFormat): OrderMention[] {
  if (mentions.length < 2) return mentions;
  const inSubject = findOrderNumbers(subject, fmt).filter((s) => mentions.some((m) => m.number === s.number));
  if (inSubject.length !== 1) return mentions;
  const first = mentions.find((m) => m.number === inSubject[0]!.number)!;
  return [first, ...mentions.filter((m) => m !== first)];
}

type OrderFoundBy = 'written' | OrderEvidence;

interface OrderFinding {
  number: string | null;
  by: OrderFoundBy | null;
  /** Orders that fit equally when nothing chose between them (number is then null). */
  candidates: string[];
  /** The orders the new text names, as written or as the digits of one of the writer's own orders. */
  namedInNewText?: string[];
  /** Why the writer's own orders were no evidence: the mail is about someone else's or another shop's order. */
  notTheirs?: 'order_of_someone_else' | 'foreign_order_reference' | 'tracking_number_not_ours';
}

/**
 * The order the mail is about, strongest evidence first: a number in the new text; the digits of one of the customer's
 * orders written without the prefix, a tracking number or the products of one of their orders in the new text; a
 * number in the subject or quoted history; a tracking number there, an amount or the order date of one order, the
 * products the subject names (a thread's title), the delivery day of one order, the customer's only open order.
 * Machine notices are never about an order they merely quote, but a carrier's or ticket
 * system's notice names its parcel, and a bounce returns a message that may name its order (by number, or by the
 * products of one of the bounced recipient's orders).
 */
async function findOrder(c: EmailCase, shop: ShopData, customer: CustomerRecord | null, written: WrittenOrders,
  matcher: ProductMatcher, today: string, fmt: OrderFormat): Promise<OrderFinding> {
  const found = (number: string, by: OrderFoundBy): OrderFinding => ({ number, by, candidates: [] });
  const kind = c.machine.isMachine ? c.machine.kind : null;
  if (kind && NO_ORDER_KINDS.has(kind)) {
    const t = await byTracking(fullText(c), shop);
    return t.order ? found(t.order.number, 'tracking_number') : { number: null, by: null, candidates: [] };
  }
  const clean = c.cleaned.clean;
  const writersOrders = customer && !kind ? await shop.ordersOfCustomer(customer.id) : [];
  if (written.source === 'clean') return topicOfNewText(clean, written.mentions, writersOrders);
  // an order reference in another format: one of the writer's own orders by its digits ("order ref. ML-10818"), or
  // another shop's; an order someone else placed ("my mother ordered …", "addressed to my neighbour … isn't mine").
  // Then the writer's own orders are no evidence: their goods or only open order would be another order's data.
  // The writer's own order is taken by its digits only from what they wrote (subject, new text), and as a reference
  // in another format it is no invoice's evidence (route.ts): "KC-10594" may be another shop's number that shares them.
  const references = otherFormatReferences(`${c.parsed.subject}\n${clean}\n${c.cleaned.quoted}`, writersOrders, fmt);
  const ownReferences = otherFormatReferences(`${c.parsed.subject}\n${clean}`, writersOrders, fmt).own;
  if (ownReferences.length === 1) return found(ownReferences[0]!.number, 'other_format_digits');
  // a parcel number that is none of the shop's parcels: another shop's or carrier's parcel is the one asked after
  const notTheirs = references.foreign.length ? 'foreign_order_reference' as const
    : speaksOfSomeoneElsesOrder(clean) ? 'order_of_someone_else' as const
      : await givesUnknownParcel(clean, shop) ? 'tracking_number_not_ours' as const : undefined;
  const ownOrders = notTheirs ? [] : writersOrders;
  const withReason = (f: OrderFinding): OrderFinding => (notTheirs && !f.number ? { ...f, notTheirs } : f);
  return withReason(await orderFromEvidence(c, shop, written, matcher, today, ownOrders, kind));
}

async function orderFromEvidence(c: EmailCase, shop: ShopData, written: WrittenOrders, matcher: ProductMatcher,
  today: string, ownOrders: OrderRecord[], kind: string | null): Promise<OrderFinding> {
  const found = (number: string, by: OrderFoundBy): OrderFinding => ({ number, by, candidates: [] });
  const clean = c.cleaned.clean;
  // a reply in a thread whose new text says it is about something else ("not the scale one below", "autre sujet que
  // celui d'en dessous"): the orders the subject or quoted history name are no evidence, and none is taken as written
  const threadAside = written.mentions.length > 0 && setsAsideThread(clean);
  const own = threadAside ? ownOrders.filter((o) => !written.mentions.some((m) => m.number === o.number)) : ownOrders;
  const fromThread = threadAside ? [] : written.mentions;
  const setAside = ownOrders.filter((o) => !own.includes(o));

  let candidates: OrderRecord[] = [];
  const pick = (r: EvidenceResult): EvidenceResult | null => {
    if (!r.order && r.candidates.length && !candidates.length) candidates = r.candidates;
    return r.order ? r : null;
  };
  const strong = pick(byOwnNumber(clean, own)) ?? pick(await byTracking(clean, shop))
    ?? pick(byProducts(clean, own, matcher, today, fromThread.map((m) => m.number)));
  if (strong) return found(strong.order!.number, strong.by!);
  if (fromThread.length) return found(fromThread[0]!.number, 'written');
  // the digits of one of the writer's orders in the subject, in a form the order pattern does not read ("commande 10.603")
  const subjectDigits = threadAside ? null : pick(byOwnNumber(c.parsed.subject, own));
  if (subjectDigits) return found(subjectDigits.order!.number, subjectDigits.by!);

  const quotedTracking = threadAside ? null : pick(await byTracking(`${c.parsed.subject}\n${c.cleaned.quoted}`, shop));
  if (quotedTracking && (!candidates.length || candidates.some((o) => o.number === quotedTracking.order!.number))) {
    return found(quotedTracking.order!.number, 'tracking_number');
  }
  if (!candidates.length) {
    const weak = (threadAside ? null : pick(bySubjectProducts(c.parsed.subject, clean, own, matcher)))
      ?? pick(byAmount(clean, own, matcher, today)) ?? pick(byOrderDate(clean, own, today))
      ?? pick(byDeliveryDate(clean, own, today)) ?? pick(byOnlyOpenOrder(clean, own, matcher, today, setAside));
    if (weak) return found(weak.order!.number, weak.by!);
    // the weakest: the state the writer describes, or "my last order"; only when nothing above found several
    const described = candidates.length ? null : pick(byOrderState(clean, own, matcher, today)) ?? pick(byLatestOrder(clean, own));
    if (described) return found(described.order!.number, described.by!);
  }
  if (kind === 'bounce') {
    const returned = pick(await bouncedReplyOrder(c, shop, matcher));
    if (returned) return found(returned.order!.number, returned.by!);
  }
  return { number: null, by: null, candidates: candidates.map((o) => o.number) };
}

/**
 * Orders written in the new text: the one it refers to by place after naming them ("la seconde", "the latter"); else
 * the first (or the one the subject also names), unless the text says that one is settled ("the refund on CMD-10640
 * came through fine", "la 10551 est bien arrivée") and not another — a number, or the digits of one of the writer's
 * own orders ("la facture de la 10555"): then the first of those is the topic.
 */
function topicOfNewText(clean: string, mentions: OrderMention[], own: OrderRecord[]): OrderFinding {
  const first = mentions[0]!.number;
  const named: NamedOrder[] = [
    ...mentions.map((m) => ({ number: m.number, index: m.index, length: m.written.length })),
    ...ownNumbersIn(clean, own).filter((h) => !mentions.some((m) => h.index >= m.index && h.index < m.index + m.written.length))
      .map((h) => ({ number: h.order.number, index: h.index, length: h.length })),
  ];
  const open = unsettledOrders(clean, named);
  const number = orderReferredByPlace(clean, named) ?? (!open || open.includes(first) ? first : open[0]!);
  const by: OrderFoundBy = mentions.some((m) => m.number === number) ? 'written' : 'written_without_prefix';
  return { number, by, candidates: [], namedInNewText: [...new Set(named.map((o) => o.number))] };
}

/**
 * A bounce of one of our replies names no order number: the reply it returns was about one of the bounced recipient's
 * orders, the one whose products its subject names ("Re: Kettle overheating"), when exactly one of theirs holds them.
 */
async function bouncedReplyOrder(c: EmailCase, shop: ShopData, matcher: ProductMatcher): Promise<EvidenceResult> {
  const recipient = c.machine.bouncedRecipient ?? c.parsed.report?.recipients[0] ?? null;
  const subject = c.parsed.report?.originalSubject ?? '';
  const customer = recipient && subject ? await shop.customerByEmail(recipient) : null;
  if (!customer) return NO_EVIDENCE;
  const fitting = ordersNamedInTitle(subject, await shop.ordersOfCustomer(customer.id), matcher);
  return fitting.length === 1 ? { order: fitting[0]!, by: 'products', candidates: [] } : NO_EVIDENCE;
}

/** The order's owner named in the mail ("on behalf of Emily Smith", "la commande de M. Garcia", a forwarded From:). */
function namesOwner(c: EmailCase, owner: CustomerRecord): boolean {
  const text = fold(`${c.parsed.subject}\n${c.cleaned.clean}\n${c.cleaned.quoted}\n${c.cleaned.signature}`);
  const first = fold(owner.first_name).trim();
  const last = fold(owner.last_name).trim();
  if (!last) return false;
  const word = (s: string): string => escapeRe(s).replace(/\s+/g, '\\s+');
  const forms = [`${word(first)}\\s+${word(last)}`, `${word(last)}\\s+${word(first)}`,
    `(?:m\\.|mr\\.?|mrs\\.?|ms\\.?|mme|mlle|madame|monsieur|miss|dr\\.?)\\s+${word(last)}`];
  return new RegExp(`(?<![\\p{L}])(?:${forms.join('|')})(?![\\p{L}])`, 'u').test(text)
    || text.includes(owner.email.toLowerCase());
}

interface Claim { customer: CustomerRecord; score: number }

/**
 * A sender that is not a customer may claim to be one: a self-introduction or signature with a customer's name,
 * the customer's address quoted as "my email", an order of theirs (by number, or the products of exactly one of their
 * orders). Two pieces of evidence are needed, and namesakes with equal evidence claim nobody.
 */
async function claimedCustomer(c: EmailCase, shop: ShopData, orders: OrderMention[], matcher: ProductMatcher,
  today: string): Promise<CustomerRecord | null> {
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
  if (!orders.length) {
    for (const claim of [...scores.values()]) {
      if (byProducts(c.cleaned.clean, await shop.ordersOfCustomer(claim.customer.id), matcher, today).order) bump(claim.customer, 1);
    }
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
  const [fmt, catalogue, today] = await Promise.all([shop.orderNumberFormat(), shop.products(), shop.today()]);
  const matcher = productMatcher(catalogue);
  const written = writtenOrders(c, fmt);
  const mentions = written.mentions;

  let customer = sender ? await shop.customerByEmail(sender) : null;
  let customerMatch: Enrichment['customerMatch'] = customer ? 'sender' : 'none';
  if (!customer && !c.machine.isMachine) {
    const claimed = await claimedCustomer(c, shop, mentions, matcher, today);
    if (claimed) {
      customer = claimed;
      customerMatch = 'claimed';
      flags.push('sender_not_customer_address', 'suspected_account_takeover');
    }
  }

  const finding = await findOrder(c, shop, customer, written, matcher, today, fmt);
  const primary = finding.number;
  let orderFound = false;
  let orderOwnedBySender: boolean | null = null;
  let lookalikeOf: string | null = null;
  let order: OrderRecord | null = null;
  if (primary) {
    order = await shop.order(primary);
    orderFound = order !== null;
    if (finding.by && finding.by !== 'written') flags.push(`order_identified_by_${finding.by}`);
    if (order && !customer && !c.machine.isMachine) {
      // someone else writes for the customer whose order this is, and names them: theirs is the customer record,
      // the sender stays unverified
      const owner = await shop.customerById(order.customer_id);
      if (owner && namesOwner(c, owner)) {
        customer = owner;
        customerMatch = 'on_behalf';
        flags.push('sender_not_customer_address');
      }
    }
    const own = customer ? await shop.ordersOfCustomer(customer.id) : [];
    if (!order) flags.push('unknown_order_number');
    else if (customer && customerMatch !== 'on_behalf') {
      orderOwnedBySender = order.customer_id === customer.id;
      if (!orderOwnedBySender) flags.push('order_belongs_to_other_customer');
    } else {
      orderOwnedBySender = false;
      if (!c.machine.isMachine) flags.push('order_owner_unverified');
    }
    if (finding.by === 'written' && (!order || order.customer_id !== customer?.id)) {
      const near = own.find((o) => oneCharAway(o.number, primary));
      if (near) { lookalikeOf = near.number; flags.push('lookalike_order_number'); }
    }
  } else if (finding.candidates.length && !c.machine.isMachine) {
    flags.push('order_ambiguous');
  }
  if (!primary && finding.notTheirs) flags.push(finding.notTheirs);
  for (const m of mentions) {
    if (m.number === primary) continue;
    const rec = await shop.order(m.number);
    if (!rec) flags.push('unknown_secondary_order_number');
    else if (customer && rec.customer_id !== customer.id) flags.push('secondary_order_belongs_to_other_customer');
  }

  // the orders the mail names, with the writer's own orders the new text names by their digits alone ("la facture de
  // la 10555"): two orders named are two whichever way each is written
  const orderNumbersMentioned = [...new Set([...mentions.map((m) => m.number), ...(finding.namedInNewText ?? [])])];

  const amounts = findAmounts(c.cleaned.clean);
  if (order && amounts.length) {
    const products = new Map(catalogue.map((p) => [p.sku, p.price] as [string, number]));
    if (amounts.some((a) => !amountMatchesOrder(a.value, order!, products))) flags.push('amount_mismatch');
  }
  const dates = findDates(c.cleaned.clean, today).map((d) => d.iso).filter((d): d is string => d !== null);

  return {
    customerId: customer?.id ?? null,
    customerMatch,
    orderNumber: primary,
    orderNumbersMentioned,
    ...(finding.by ? { orderFoundBy: finding.by } : {}),
    ...(finding.candidates.length ? { orderCandidates: finding.candidates } : {}),
    orderFound,
    orderOwnedBySender,
    lookalikeOf,
    vip: customer?.vip ?? false,
    aiOptOut: customer?.ai_opt_out ?? false,
    flags: [...new Set(flags)],
    amountsMentioned: amounts.map((a) => ({ text: a.text, value: a.value, currency: a.currency })),
    datesMentioned: [...new Set(dates)],
    productsMentioned: matcher.mentioned(c.cleaned.clean).map((p) => p.sku),
  };
}

export const enrichEmail: CaseStage = async (emailCase, deps) => ({
  ...emailCase,
  enrichment: await enrich(emailCase, deps.shop),
});

