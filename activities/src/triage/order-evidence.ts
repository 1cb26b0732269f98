/**
 * Orders named without a number: which order an email is about when its new text gives no order number, read from
 * what the shop's data can confirm — a parcel's tracking number, the products the writer says they ordered or
 * received (among their own orders), an amount or a date of one of those orders, or, for a question about a pending
 * order, the writer's only open order. The evidence must leave exactly one order; when several fit, none is chosen and
 * their numbers go to the reviewer. Pure over the records it is given, except the tracking look-up.
 */
import type { OrderEvidence, OrderRecord, ShopData } from '../domain/types';
import type { ProductMatcher } from '../reply/product-mentions';
import {
  findAmounts, findDates, findMonthsAlone, findPastDays, findPastPeriods, findTrackingNumbers, inRanges, numberedAsOtherThing,
  oneCharAway, type DayRange,
} from './entities';
import { fold, INTENT_CUES } from './lexicon';

export interface EvidenceResult {
  /** The one order the evidence singles out, or null. */
  order: OrderRecord | null;
  by: OrderEvidence | null;
  /** Orders that fit equally well when the evidence cannot choose (then `order` is null), in the shop's order. */
  candidates: OrderRecord[];
}

export const NO_EVIDENCE: EvidenceResult = { order: null, by: null, candidates: [] };

const one = (orders: OrderRecord[], by: OrderEvidence): EvidenceResult => orders.length === 1
  ? { order: orders[0]!, by, candidates: [] }
  : { order: null, by: null, candidates: orders.length > 1 ? orders : [] };

/** Statuses after which an order is no longer waited for: it is not the "open order" a question is about. */
const CLOSED_STATUSES = new Set(['delivered', 'cancelled', 'canceled', 'refunded', 'returned']);
export const isOpenOrder = (o: OrderRecord): boolean => !CLOSED_STATUSES.has(o.status.toLowerCase());

/**
 * The writer speaks of something they ordered, paid for, received or are waiting for: the products they name are
 * theirs, not the catalogue's (FR/EN, accent-folded text).
 */
const OWN_PURCHASE: RegExp[] = [
  /\b(?:commande|achete|paye|recu|livre|expedie|envoye|arrive)e?s?\b/,
  /\b(?:commandes|reception|livraison|colis|paquet|carton|emballage|emballee?s?|arrivee?s?|arrivent|arrivera|arriveront)\b/,
  /\b(?:ordered|order|orders|bought|purchased?|paid for|received|got|arrived|came|turned up|delivered|delivery|shipped|dispatched|sent off|sent out|posted)\b/,
  /\b(?:parcel|package|packaging|packed|packing|box)\b/,
  // the parcel on its way: who carries it, where it is ("le livreur passe quand", "tracking hasn't updated")
  /\b(?:livreur|livreuse|transporteur|facteur|suivi|numero de suivi|en route|en chemin|en transit)\b/,
  /\b(?:courier|driver|postman|postwoman|carrier|tracking|on its way|on the way|in transit|out for delivery)\b/,
  // goods sent back, exchanged or refunded were goods in hand
  /\b(?:retourne|renvoye|rembourse|echange)e?s?\b/,
  /\b(?:returned|sent (?:it |them )?back|refunded|refund for|exchanged)\b/,
];
/**
 * A purchase still to be made or that did not go through ("je voudrais commander", "before I order", "I've been trying
 * to pay for"): the products named are not bought yet.
 */
const PURCHASE_TO_COME: RegExp[] = [
  /\b(?:voudrais|voudrions|souhaite|souhaiterais|aimerais|veux|voulais|compte|pense|envisage|hesite a|avant de)\b.{0,25}\b(?:commander|acheter|offrir|prendre|reserver|recommander|racheter|reprendre)\b/,
  /\b(?:like|love|want|wanted|wish|plan|planning|going|hoping|intend|thinking (?:of|about)|before (?:i|we)|considering)\b.{0,20}\b(?:to )?(?:order|ordering|reorder|reordering|buy|buying|purchase|purchasing|get|getting)\b/,
  /\b(?:essaye|essaie|essayons|tente|tentons|retente|n'arrive pas a|n'arrivons pas a|impossible de|pas pu|echec)\b.{0,25}\b(?:commander|acheter|payer|regler|valider)\b/,
  /\b(?:trying|tried|try|attempted|unable|can't|cannot|couldn't|could not|failed)\b.{0,20}\b(?:to )?(?:order|pay|buy|purchase|check ?out|complete)\b/,
  // a purchase supposed or to come ("si je commande", "if I order", "before I place an order", "anything I order from
  // now on"), or none made yet ("je n'ai encore rien commandé", "I haven't ordered yet")
  /\bsi (?:je |j'|nous |on )(?!ai |avais |avons )(?:\S+ ){0,2}(?:commande|commandons|achete|achetons|prends|passe commande)\b/,
  /\b(?:if|when|once|before|next time) (?:i|we)(?: \S+){0,2} (?:order|buy|purchase|place)\b/,
  /\b(?:order|buy|purchase|commande|achete)\b.{0,20}\b(?:from now on|in future|in the future|a l'avenir|desormais|dorenavant)\b/,
  // orders or deliveries still to come ("so future deliveries go there", "pour mes prochaines commandes")
  /\bfuture (?:orders?|deliveries|purchases|parcels)\b/, /\b(?:prochaines|futures) (?:commandes|livraisons)\b/,
  /\b(?:rien|pas encore|jamais) (?:encore )?(?:commande|achete)\b/, /\b(?:haven't|have not|not yet|never) (?:yet )?(?:ordered|bought|purchased)\b/,
];

/**
 * Goods the writer was given by someone ("my aunt gave me one of your gift cards", "I received a gift card from my
 * godmother", "on m'a offert une théière", "offerte par ma belle-sœur") and says they did not buy themselves: their
 * products name no order of the writer's.
 */
const GIVEN_TO_WRITER: RegExp[] = [
  /\b(?:gave me|given to me|gifted me|sent me (?:one|a|an|some)|got (?:it|them|one|a|an) (?:as a (?:gift|present) )?from (?:my|a|an)|received (?:[\p{L}'-]+ ){0,5}from (?:my|a|an|our)|(?:as )?a (?:gift|present) from)\b/u,
  /\b(?:on m'a offert|m'a offerte?|m'ont offerte?|offerte?s? par|recue?s? en cadeau|recue?s? (?:[\p{L}'-]+ ){0,5}de la part d|cadeau de (?:ma|mon|mes))\b/u,
];
const BOUGHT_BY_WRITER = /\b(?:i|we)(?: have|'ve)? (?:ordered|bought|purchased)\b|\b(?:j'ai|nous avons|on a) (?:\S+ )?(?:commande|achete)\b/;

/**
 * The products the text says were given to the writer, by SKU: named right before the words of giving ("the pepper mill
 * my aunt gave me") or right after them ("gave me one of your gift cards", "on m'a offert une théière").
 */
function givenSkus(text: string, matcher: ProductMatcher): Set<string> {
  const t = fold(text);
  if (BOUGHT_BY_WRITER.test(t)) return new Set();
  const gifts = GIVEN_TO_WRITER.flatMap((re) => [...t.matchAll(new RegExp(re.source, 'gu'))].map((m) => m.index!));
  const near = (span: { start: number; end: number }): boolean => gifts.some((g) => {
    const between = span.end <= g ? t.slice(span.end, g) : t.slice(g, span.start);
    return between.length <= 40 && !/[.!?;\n]/.test(between);
  });
  return new Set(matcher.spans(text).filter(near).map((span) => span.product.sku));
}

/**
 * Goods asked to be added to an order ("could you add a tin of the sencha to it?", "pop a teapot in with this one",
 * "pouvez-vous ajouter un détartrant à ma commande ?"): a purchase to come, not goods of an order. The ask is still
 * about the order they would join.
 */
const TO_ADD: RegExp[] = [
  // "just to add that …" adds to what one says, not to an order
  /\b(?:add|adding|pop|popping|slip)\b(?! (?:that|que|this:|one more thing))(?: [\p{L}'-]+){0,6} (?:to|in|into|in with|with) (?:it|this|that|(?:my|our|the|this|that) (?:order|parcel|package|shipment|box|delivery))\b/gu,
  /\b(?:ajouter|rajouter|ajoutez|rajoutez|ajouteriez|rajouteriez|glisser|glissez)\b(?! (?:que|qu'))(?: [\p{L}'-]+){0,6} (?:a|dans|avec) (?:ma|notre|la|cette|mon|le|ce) (?:commande|colis|envoi|livraison|paquet)\b/gu,
];

/** The text asks for goods to be added to an order: an order change about the order they would join. */
export const asksToAddGoods = (text: string): boolean => { const t = fold(text); return TO_ADD.some((re) => t.search(re) >= 0); };

/** The text with the goods it asks to be added to an order blanked out (same length: positions hold). */
function withoutGoodsToAdd(text: string, matcher: ProductMatcher): string {
  const t = fold(text);
  const clauses = TO_ADD.flatMap((re) => [...t.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
  if (!clauses.length) return text;
  let out = text;
  for (const s of matcher.spans(text)) {
    if (clauses.some((c) => s.start >= c.start && s.end <= c.end)) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  }
  return out;
}

/** The writer speaks of a purchase still to make, supposed or not made ("si je commande", "before I order"). */
export const speaksOfPurchaseToCome = (text: string): boolean => PURCHASE_TO_COME.some((re) => re.test(fold(text)));

export function speaksOfOwnPurchase(text: string): boolean {
  const t = fold(text);
  return OWN_PURCHASE.some((re) => re.test(t)) && !PURCHASE_TO_COME.some((re) => re.test(t));
}

/** A possessive right before a product, a word or two of description between ("my pan", "ma nouvelle théière"). */
const POSSESSIVE_BEFORE = /\b(?:my|our|mon|ma|mes|notre|nos)\s+(?:[\p{L}'-]+\s+){0,2}$/u;

/**
 * The writer names a product as theirs ("my pan and casserole", "pour ma machine à expresso"): goods they have or
 * wait for, so among their orders. A purchase still to come ("for my kitchen I'd like to buy the kettle") is not.
 */
export function namesOwnGoods(text: string, matcher: ProductMatcher): boolean {
  const t = fold(text);
  if (PURCHASE_TO_COME.some((re) => re.test(t))) return false;
  return matcher.spans(text).some((span) => POSSESSIVE_BEFORE.test(t.slice(Math.max(0, span.start - 40), span.start)));
}

/** Asks where a pending order is, or for an action on one (cancel, change the address): the classifier's own cues. */
const PENDING_CUES = (['order_status', 'delivery_delay', 'cancel_order', 'change_address'] as const)
  .flatMap((i) => INTENT_CUES[i] ?? []);
const PENDING_ORDER_CUES = PENDING_CUES.map((c) => c.re);
/** The cues that ask by themselves; the lighter ones are topic words ("livraison", "delivery", "colis", "tracking"). */
const STRONG_PENDING_CUES = PENDING_CUES.filter((c) => c.w >= 2).map((c) => c.re);

export function asksAboutPendingOrder(text: string): boolean {
  const t = fold(text);
  return PENDING_ORDER_CUES.some((re) => re.test(t));
}

/**
 * The writer speaks of one order or parcel of theirs: a possessive before an order word ("ma commande", "mon colis",
 * "my parcel", "my stuff"), or an order they placed ("j'ai commandé", "I ordered"). Orders in general ("mes
 * commandes", "my order history") are no one order.
 */
const OWN_ORDER = [
  /\b(?:ma|mon|notre) (?:\p{L}+ )?(?:commande|colis|paquet|livraison|envoi|achat|cadeau)\b/u,
  /\b(?:my|our) (?:[\p{L}']+ )?(?:order|parcel|package|delivery|shipment|stuff|things|purchase|present|gift)\b(?! (?:history|histories|number|card))/u,
  /\b(?:j'ai|nous avons|on a) (?:bien )?(?:commande|achete|passe (?:une |ma )?commande)\b/, /\b(?:i|we)(?: have|'ve)? (?:ordered|bought|purchased|placed (?:an|my|the) order)\b/,
];
export const speaksOfOwnOrder = (text: string): boolean => { const t = fold(text); return OWN_ORDER.some((re) => re.test(t)); };

/**
 * A cancellation told as done ("la commande a été annulée", "it was cancelled in October"): a state, not an ask to
 * cancel; only an order of the writer's asked about ("ma commande a été annulée ?") still makes it a question on one.
 */
const CANCELLATION_TOLD = /\b(?:a ete|avait ete|ont ete|avaient ete|etait|etaient|was|were|has been|have been|had been|got) (?:\p{L}+ )?(?:annulee?s?|cancell?ed)\b/gu;

/**
 * A question about a pending order of the writer's: a cue that asks by itself ("où en est", "still hasn't arrived",
 * "cancel"), or a topic word ("livraison", "delivery", "parcel") about an order of theirs, and no purchase still to come.
 * "À partir de quel montant la livraison est-elle offerte ?", "bon courage pour les colis de Noël" are about none.
 */
export function asksAboutOwnPendingOrder(text: string): boolean {
  const t = fold(text);
  if (speaksOfPurchaseToCome(text)) return false;
  const asked = t.replace(CANCELLATION_TOLD, ' ');
  return STRONG_PENDING_CUES.some((re) => re.test(asked)) || ((asksAboutPendingOrder(text) || ARRIVAL_ASKED.test(t)) && speaksOfOwnOrder(text));
}

/**
 * Where goods are, or that they have still not come: "ils sont où", "est-elle où", "still nothing". Not "where is … made",
 * "c'est où, votre magasin ?": a place asked about is no parcel.
 */
const WHEREABOUTS = /\b(?:(?:ils?|elles?) (?:en )?(?:est|sont) ou|(?:est|sont)-(?:ils?|elles?) ou|ou en (?:est|sont)|still (?:nothing|not here|no sign)|toujours rien)\b/;
/**
 * Whether goods will come, asked without an order word: "will it be here by Friday?", "is it coming this week?",
 * "is it going to make it?", "ça arrive quand ?", "je l'aurai avant samedi ?". A question, about arriving.
 */
const ARRIVAL_ASKED = /\b(?:be here|get here|turn up|show up|(?:is|are) (?:it|they) (?:still )?coming|going to make it|make it (?:by|in time|before)|arrivera|arriveront|arrive(?:nt)? quand|sera (?:la|livree?)|l'aurai|les aurai)\b[^.!?\n]{0,40}\?/;

/** A question about a pending order, or about where goods are. */
export function asksAfterGoods(text: string): boolean {
  const t = fold(text);
  return asksAboutPendingOrder(text) || WHEREABOUTS.test(t) || ARRIVAL_ASKED.test(t);
}

/** Orders whose tracking numbers the text quotes (anyone's: the caller checks whose they are). */
export async function ordersByTracking(text: string, shop: ShopData): Promise<OrderRecord[]> {
  const out: OrderRecord[] = [];
  for (const t of findTrackingNumbers(text)) {
    const o = await shop.orderByTracking(t);
    if (o && !out.some((x) => x.number === o.number)) out.push(o);
  }
  return out;
}

/** A parcel's carrier or tracking named in the sentence (any carrier: another shop's parcel may be the one meant). */
const PARCEL_WORDS = /\b(?:tracking|track|suivi|colis|parcel|package|carrier|transporteur|livreur|driver|courier|evri|hermes|dpd|gls|ups|dhl|fedex|tnt|inpost|yodel|parcelforce|royal mail|colissimo|chronopost|mondial relay|relais colis|la poste|amazon)\b/;

/**
 * The writer gives a parcel's tracking number that is none of the shop's parcels ("I've got an Evri tracking number
 * H01BHA0039472815 … don't know if it's even yours"): the parcel asked after is another shop's or another carrier's,
 * so none of the writer's own orders is its evidence. A candidate counts when it mixes letters and digits or holds
 * ten digits or more written as one token (grouped digits are a phone, an account or a social security number), and its
 * sentence names a parcel, a carrier or tracking.
 */
export async function givesUnknownParcel(text: string, shop: ShopData): Promise<boolean> {
  for (const sentence of text.split(/(?<=[.!?\n])/)) {
    if (!PARCEL_WORDS.test(fold(sentence))) continue;
    for (const t of findTrackingNumbers(sentence)) {
      const digits = t.match(/\d/g)?.length ?? 0;
      if (!(/[A-Z]/.test(t) || (digits >= 10 && sentence.includes(t)))) continue;
      if (!(await shop.orderByTracking(t))) return true;
    }
  }
  return false;
}

export async function byTracking(text: string, shop: ShopData): Promise<EvidenceResult> {
  return one(await ordersByTracking(text, shop), 'tracking_number');
}

/** The orders that hold every product the text names (none when it names none). */
export function ordersWithProducts(text: string, orders: OrderRecord[], matcher: ProductMatcher): OrderRecord[] {
  const skus = matcher.mentioned(text).map((p) => p.sku);
  if (!skus.length) return [];
  return orders.filter((o) => skus.every((sku) => o.items.some((it) => it.sku === sku)));
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/**
 * Orders whose total or refunded amount the text writes. An amount that is the catalogue price of a product the text
 * names is that product's price ("le robot, toujours à 329 € ?"), not an order's total, when `prices` are given.
 */
function ordersWithAmount(text: string, orders: OrderRecord[], prices: readonly number[] = []): OrderRecord[] {
  const amounts = [...findAmounts(text).map((a) => a.value), ...bareOrderAmounts(text)].filter((v) => !prices.some((p) => near(p, v)));
  return orders.filter((o) => amounts.some((v) => near(v, o.total) || (o.refunded_amount != null && near(v, o.refunded_amount))));
}

/** A figure with cents and no currency, not part of a longer number, a date or a measure ("the 208.80 order"). */
const BARE_CENTS = /(?<![\d.,:/])(\d{1,5})[.,](\d{2})(?![\d]|[.,:/]\d|\s?(?:cm|mm|m|l|ml|cl|kg|g|%|x|h)\b)/g;

/**
 * Amounts written without a currency in a sentence about an order ("the 208.80 order", "la commande de 557,90"):
 * a figure with cents that is no calendar day ("24.11" is a date). Only the writer's own order totals are compared.
 */
function bareOrderAmounts(text: string): number[] {
  const out: number[] = [];
  for (const sentence of text.split(/[!?;\n]+|\.(?!\d)/)) {
    if (!ORDERING.test(fold(sentence))) continue;
    for (const m of sentence.matchAll(BARE_CENTS)) {
      const [whole, cents] = [Number(m[1]), Number(m[2])];
      const dateLike = whole >= 1 && whole <= 31 && cents >= 1 && cents <= 12;
      if (!dateLike) out.push(whole + cents / 100);
    }
  }
  return out;
}

/** Orders one of whose dates (ordered, shipped, delivered, due) the text writes. */
function ordersWithDate(text: string, orders: OrderRecord[], today: string): OrderRecord[] {
  const dates = new Set(findDates(text, today).map((d) => d.iso).filter((d): d is string => d !== null));
  if (!dates.size) return [];
  return orders.filter((o) => [o.ordered_at, o.shipped_at, o.delivered_at, o.estimated_delivery]
    .some((d) => typeof d === 'string' && dates.has(d.slice(0, 10))));
}

/** Goods in hand: a product named next to a word of receipt ("gourde reçue", "the kettle arrived", "j'ai reçu la théière"). */
const RECEIVED_AFTER = /^[^.!?;\n]{0,25}\b(?:recue?s?|arrivee?s?|livree?s?|received|arrived|came|turned up|delivered)\b/;
const RECEIVED_BEFORE = /\b(?:recu|received|got)\b[^.!?;\n]{0,15}$/;
const NEGATED = /(?:\b(?:pas|jamais|not|never|yet to|still|toujours)|n't)\b/;

/** The products the text says are in hand (received, arrived), by SKU. */
function receivedSkus(text: string, matcher: ProductMatcher): Set<string> {
  const t = fold(text);
  return new Set(matcher.spans(text).filter((span) => {
    const after = RECEIVED_AFTER.exec(t.slice(span.end));
    const before = RECEIVED_BEFORE.exec(t.slice(Math.max(0, span.start - 40), span.start));
    const clause = `${before?.[0] ?? ''} ${after?.[0] ?? ''}`;
    return Boolean(after ?? before) && !NEGATED.test(clause) && !NEGATED.test(t.slice(Math.max(0, span.start - 25), span.start));
  }).map((span) => span.product.sku));
}

/** Goods thanked for or praised ("merci pour le thé", "the teapot is lovely", "la cocotte est parfaite"), by SKU. */
const THANKED_BEFORE = /\b(?:merci pour|thanks for|thank you for)\s+(?:(?:le|la|les|l'|the|my|mon|ma|mes)\s*)?$/;
const PRAISED_AFTER = /^[^.!?;\n]{0,15}\b(?:is|are|was|were|looks?|came|est|sont|etait)\b[ ,]+(?:\p{L}+ )?(?:lovely|great|perfect|beautiful|gorgeous|superb|super|parfaite?s?|magnifiques?|geniale?s?|top)\b/u;

function praisedSkus(text: string, matcher: ProductMatcher): Set<string> {
  const t = fold(text);
  return new Set(matcher.spans(text).filter((span) => THANKED_BEFORE.test(t.slice(Math.max(0, span.start - 30), span.start))
    || PRAISED_AFTER.test(t.slice(span.end))).map((span) => span.product.sku));
}

/** Goods the text names as context: received, thanked for or praised. */
function contextSkus(text: string, matcher: ProductMatcher): Set<string> {
  return new Set([...receivedSkus(text, matcher), ...praisedSkus(text, matcher)]);
}

/** The orders holding every product the text names besides `context` (none when context or the rest is empty). */
function ordersOfGoodsBesides(context: Set<string>, text: string, own: OrderRecord[], matcher: ProductMatcher): OrderRecord[] {
  const rest = matcher.mentioned(text).map((p) => p.sku).filter((sku) => !context.has(sku));
  if (!context.size || !rest.length) return [];
  return own.filter((o) => rest.every((sku) => o.items.some((it) => it.sku === sku)));
}

/** The products named in the sentences that ask (end with a question mark), by SKU. */
function askedSkus(text: string, matcher: ProductMatcher): Set<string> {
  return new Set(matcher.spans(text).filter((span) => {
    const rest = text.slice(span.end).search(/[.!?\n]/);
    return rest >= 0 && text[span.end + rest] === '?';
  }).map((span) => span.product.sku));
}

/**
 * Goods of two orders, the mail asking after a parcel: when no order holds every product named, the open orders
 * holding every product of the sentences that ask, if those are fewer than all named (the others are context: set
 * aside, received); else none. A catalogue question about goods owned ("do you make the same lid in 24 cm?") asks
 * after no parcel.
 */
function ordersOfGoodsAsked(text: string, own: OrderRecord[], matcher: ProductMatcher): OrderRecord[] {
  if (!asksAfterGoods(text)) return [];
  const asked = askedSkus(text, matcher);
  const named = new Set(matcher.mentioned(text).map((p) => p.sku));
  if (!asked.size || asked.size >= named.size) return [];
  return own.filter((o) => isOpenOrder(o) && [...asked].every((sku) => o.items.some((it) => it.sku === sku)));
}

export const saysReceived = (text: string, matcher: ProductMatcher): boolean => receivedSkus(text, matcher).size > 0;

type Narrowing = (os: OrderRecord[]) => OrderRecord[];

/** What the text writes of one order: an amount, a date of it, the day it was placed. */
const byFigures = (text: string, today: string): Narrowing[] => [
  (os) => ordersWithAmount(text, os),
  (os) => ordersWithDate(text, os, today),
  (os) => ordersPlacedOn(text, os, today),
];

/**
 * What tells several orders in one state apart when the text names no goods: its figures, the carrier that brings it
 * ("le colis qui vient par DHL"), the day it was due ("was supposed to come yesterday").
 */
const byParticulars = (text: string, today: string): Narrowing[] => [
  ...byFigures(text, today),
  (os) => ordersByCarrier(text, os),
  (os) => ordersDueOn(text, os, today),
];

/** A sentence that speaks of a day goods were due ("devait arriver hier", "prévu pour lundi", "was due yesterday"). */
const DUE = /\b(?:devai(?:t|ent) (?:arriver|etre livree?s?|etre la)|prevue?s? (?:pour|le)|attendue?s? (?:pour|le)|(?:was|were|is|are) due|due (?:on|for|by|yesterday|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the)|expected (?:on|for|by|yesterday|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|supposed to (?:arrive|come|be here|be delivered)|should have (?:arrived|come|been delivered))\b/;

/** Orders whose estimated delivery is the past day a sentence gives as their due day. */
function ordersDueOn(text: string, orders: OrderRecord[], today: string): OrderRecord[] {
  const days = new Set<string>();
  for (const sentence of text.split(/[.!?;\n]+/)) {
    if (!DUE.test(fold(sentence))) continue;
    for (const d of findPastDays(sentence, today)) days.add(d);
  }
  return days.size ? orders.filter((o) => typeof o.estimated_delivery === 'string' && days.has(o.estimated_delivery.slice(0, 10))) : [];
}

/** The orders whose carrier the text names ("the UPS one", "le colis chronopost"). */
function ordersByCarrier(text: string, orders: OrderRecord[]): OrderRecord[] {
  const t = fold(text);
  return orders.filter((o) => typeof o.carrier === 'string' && o.carrier.trim().length > 1
    && new RegExp(`(?<![\\p{L}\\d])${fold(o.carrier).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u').test(t));
}

/** "Le dernier colis (que j'ai) reçu", "the last parcel I got", "my latest delivery": the parcel delivered last. */
const LATEST_PARCEL = /\b(?:(?:le|mon|notre) dernier (?:colis|paquet|carton|envoi)|(?:ma|notre) derniere livraison|the (?:last|latest|most recent) (?:parcel|package|box|delivery)|(?:my|our) (?:last|latest|most recent) (?:parcel|package|delivery))\b/;

/** Among the orders, the one delivered last, when the text speaks of the last parcel and no other came that day. */
function latestDelivered(text: string, orders: OrderRecord[]): OrderRecord[] {
  if (!LATEST_PARCEL.test(fold(text))) return [];
  const delivered = orders.filter((o) => typeof o.delivered_at === 'string');
  const last = delivered.map((o) => o.delivered_at!.slice(0, 10)).sort().at(-1);
  return last ? delivered.filter((o) => o.delivered_at!.slice(0, 10) === last) : [];
}

/**
 * Narrows candidates by what else the text says: an amount, a date, the carrier, the last parcel, a pending order
 * asked about, goods received. Keeps all when nothing narrows.
 */
function narrow(text: string, candidates: OrderRecord[], matcher: ProductMatcher, today: string,
  steps: Narrowing[] = [
    ...byFigures(text, today),
    (os) => ordersByCarrier(text, os),
    (os) => latestDelivered(text, os),
    (os) => (asksAboutPendingOrder(text) ? os.filter(isOpenOrder) : []),
    (os) => (saysReceived(text, matcher) ? os.filter((o) => Boolean(o.delivered_at)) : []),
  ]): OrderRecord[] {
  let left = candidates;
  for (const keep of steps) {
    if (left.length <= 1) break;
    const kept = keep(left);
    if (kept.length) left = kept;
  }
  return left;
}

/**
 * Among the writer's own orders, the one whose products the new text names as bought, received, on their way or as
 * theirs ("the teapot I ordered", "les théières sont arrivées", "my pan and casserole"). Every named product must be in it: a text that also names products of no
 * order asks about the catalogue, not about a purchase. When several orders hold them and `named` (numbers the
 * subject or quoted history gives) holds one of those, there is no evidence against the written number.
 */
export function byProducts(written: string, own: OrderRecord[], matcher: ProductMatcher, today: string,
  named: readonly string[] = []): EvidenceResult {
  // goods asked to be added to an order are in none yet ("could you add a teapot to it?")
  const text = withoutGoodsToAdd(written, matcher);
  // goods the writer was given by someone are no purchase of theirs: when they are all the text names, no order
  const given = givenSkus(text, matcher);
  if (given.size && matcher.mentioned(text).every((p) => given.has(p.sku))) return NO_EVIDENCE;
  // goods asked after with no word of buying ("And the stand mixer? Still nothing here.", "le grille-pain, il est où ?")
  // are goods awaited: among the writer's open orders only
  if (speaksOfPurchaseToCome(text) && !receivedSkus(text, matcher).size) return NO_EVIDENCE;
  const awaited = !speaksOfOwnPurchase(text) && !namesOwnGoods(text, matcher);
  if (awaited && !asksAfterGoods(text)) return NO_EVIDENCE;
  let fitting = ordersWithProducts(text, own, matcher);
  // goods of two orders, one thanked for, praised or received and the other the topic ("The casserole came, lovely.
  // Still waiting on the teapot", "Merci pour le thé. Et la cocotte, toujours rien ?"): the order of the others
  // (the counts of those context goods are then no count of the topic's: "les deux moulins … bien arrivé")
  const context = fitting.length ? new Set<string>() : contextSkus(text, matcher);
  if (!fitting.length) fitting = ordersOfGoodsBesides(context, text, own, matcher);
  fitting = holdingStatedQuantities(text, fitting, own, matcher, context);
  // goods of two orders, those in the sentence that asks the topic ("la théière, aucune urgence. Par contre la gourde et
  // la bouilloire, elles en sont où ?", "Le colis avec les moulins est arrivé. Et celui avec la cocotte, il part quand ?")
  if (!fitting.length) fitting = ordersOfGoodsAsked(text, own, matcher);
  if (awaited) fitting = fitting.filter(isOpenOrder);
  // no order holds every product word ("the teapot arrived... with my first tea" names the tea as a drink): goods the
  // writer says are in hand still point to the order that holds them all
  const inHand = fitting.length ? new Set<string>() : receivedSkus(text, matcher);
  if (inHand.size) fitting = own.filter((o) => [...inHand].every((sku) => o.items.some((it) => it.sku === sku)));
  // the subject or the quoted history names one of the fitting orders: that one (the caller takes it as written)
  if (fitting.length > 1 && fitting.some((o) => named.includes(o.number))) return NO_EVIDENCE;
  return one(narrow(text, fitting, matcher, today), 'products');
}

/** A count right before a product, a word of description between ("les deux fouets", "two new teapots", "both kettles"). */
const COUNT_BEFORE = /\b(\d{1,2}|deux|trois|quatre|cinq|two|three|four|five|both)\s+(?:[\p{L}'-]+\s+)?$/u;
const COUNT_WORDS: Record<string, number> = { deux: 2, trois: 3, quatre: 4, cinq: 5, two: 2, three: 3, four: 4, five: 5, both: 2 };

/** The quantities the text gives of products, by SKU ("l'un des deux fouets" -> whisk: 2). */
function statedQuantities(text: string, matcher: ProductMatcher): Map<string, number> {
  const t = fold(text);
  const out = new Map<string, number>();
  for (const span of matcher.spans(text)) {
    const m = COUNT_BEFORE.exec(t.slice(Math.max(0, span.start - 30), span.start));
    const n = m ? COUNT_WORDS[m[1]!] ?? Number(m[1]) : 0;
    if (n >= 2) out.set(span.product.sku, Math.max(n, out.get(span.product.sku) ?? 0));
  }
  return out;
}

/**
 * Among orders that fit, those that hold at least the quantities the text gives ("les deux fouets": an order with
 * one whisk cannot be the one). When that leaves none, the writer's orders holding the counted goods in that number
 * (the other products named are then context: "… frotte le fond du bol"). No count: the orders as they are. Counts
 * of `context` goods (received or praised beside the topic's) are not read.
 */
function holdingStatedQuantities(text: string, fitting: OrderRecord[], own: OrderRecord[], matcher: ProductMatcher,
  context: ReadonlySet<string> = new Set()): OrderRecord[] {
  // a count of goods received or praised ("le colis avec les deux moulins est bien arrivé") is no count of the topic's
  const counts = new Map([...statedQuantities(text, matcher)].filter(([sku]) => !context.has(sku)));
  if (!counts.size || !fitting.length) return fitting;
  const holds = (o: OrderRecord): boolean => [...counts].every(([sku, n]) => o.items.some((it) => it.sku === sku && it.qty >= n));
  const kept = fitting.filter(holds);
  return kept.length ? kept : own.filter(holds);
}

/** The damage and missing-goods cues of the classifier: the text speaks of goods in hand. */
const GOODS_FAULT_CUES = (['damaged_item', 'missing_item'] as const).flatMap((i) => INTENT_CUES[i] ?? []).map((c) => c.re);

/**
 * The products a thread's subject names ("Re: Grille-pain", "Toaster still not here", "Kettle") when the new text names
 * none: among the writer's own orders, the one that holds them, if the new text speaks of goods of theirs — asked
 * after, bought or received, faulty or missing — and of no purchase still to come. A subject that is a product
 * question's title ("Théière : induction ?") over a text about no goods of theirs names no order.
 */
export function bySubjectProducts(subject: string, text: string, own: OrderRecord[], matcher: ProductMatcher): EvidenceResult {
  if (matcher.mentioned(text).length || speaksOfPurchaseToCome(text)) return NO_EVIDENCE;
  const t = fold(text);
  if (!(asksAfterGoods(text) || speaksOfOwnPurchase(text) || GOODS_FAULT_CUES.some((re) => re.test(t)))) return NO_EVIDENCE;
  return one(ordersNamedInTitle(subject, own, matcher), 'subject_products');
}

/**
 * The orders holding every product a subject names. A subject is a title ("Re: Kettle overheating", "Re : Bouilloire :
 * étincelles"): its nouns, framed as in a sentence of either language, name its topic.
 */
export function ordersNamedInTitle(subject: string, orders: OrderRecord[], matcher: ProductMatcher): OrderRecord[] {
  const title = subject.replace(/^(?:\s*(?:re|fwd?|tr|réf?|aw|wg)\s*:\s*)+/i, '');
  return ordersWithProducts(`the ${title}\nla ${title}`, orders, matcher);
}

/** Goods bought, ordered or received, said in a past tense ("I bought", "que j'ai commandé", "reçue hier"). */
const PAST_PURCHASE = [
  /\b(?:ordered|bought|purchased|paid for|received|delivered)\b/,
  /\b(?:ai|avons|as|a|avais|avait) (?:\S+ ){0,2}(?:commandee?s?|achetee?s?|recue?s?|payee?s?)\b/, /\b(?:achetee?s?|recue?s?|livree?s?)\b/,
];

/**
 * The text speaks of goods the writer has or waits for, beyond owning them: bought, ordered or received in a past
 * tense, asked after, faulty or missing. "Does my stand mixer come with a dough hook?" or "how long does delivery to
 * Ireland take?" speak of none: a product question, whatever the writer owns.
 */
export function speaksOfGoodsHad(text: string, matcher: ProductMatcher): boolean {
  const t = fold(text);
  return saysReceived(text, matcher) || PAST_PURCHASE.some((re) => re.test(t)) || asksAboutOwnPendingOrder(text)
    || WHEREABOUTS.test(t) || ARRIVAL_ASKED.test(t) || GOODS_FAULT_CUES.some((re) => re.test(t));
}

/** Among the writer's own orders, the one whose total or refunded amount the text writes (narrowed by a date). */
export function byAmount(text: string, own: OrderRecord[], matcher: ProductMatcher, today: string): EvidenceResult {
  const fitting = ordersWithAmount(text, own, matcher.mentioned(text).map((p) => p.price));
  return one(fitting.length > 1 ? narrow(text, fitting, matcher, today) : fitting, 'amount');
}

/** Goods said not to have come ("jamais reçu", "still hasn't arrived"): a parcel marked delivered may be the one meant. */
const NOT_RECEIVED = /(?:\b(?:pas|jamais|rien|not|never|nothing|yet to)|n't)\b[^.!?\n]{0,25}\b(?:recue?s?|arrivee?s?|livree?s?|received|arrived|come|came|turned up|delivered|shown up)\b/;
const RECENT_DELIVERY_DAYS = 14;

const daysFrom = (fromIso: string, toIso: string): number =>
  Math.round((Date.parse(`${toIso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

/**
 * A question about a pending order of the writer's (asksAboutOwnPendingOrder) that names none, and names no product
 * (but those of orders `setAside`): the writer's only open order. When the
 * writer says their goods never came, an order delivered in the last two weeks may be the one meant: it counts too,
 * and two candidates choose nothing.
 */
export function byOnlyOpenOrder(text: string, own: OrderRecord[], matcher: ProductMatcher, today: string,
  setAside: readonly OrderRecord[] = []): EvidenceResult {
  // goods of an order the text sets aside ("not the scale one below") are no product named for this one,
  // nor are goods asked to be added to the order ("can you add a teapot to my order?")
  const named = matcher.mentioned(withoutGoodsToAdd(text, matcher))
    .filter((p) => !setAside.some((o) => o.items.some((it) => it.sku === p.sku)));
  if (!asksAboutOwnPendingOrder(text) || named.length) return NO_EVIDENCE;
  const notReceived = NOT_RECEIVED.test(fold(text));
  const open = own.filter((o) => isOpenOrder(o)
    || (notReceived && typeof o.delivered_at === 'string' && daysFrom(o.delivered_at, today) <= RECENT_DELIVERY_DAYS));
  // several pending orders: a date, an amount, the carrier or the due day of one of them may still say which ("ma commande du 18")
  return one(open.length > 1 ? narrow(text, open, matcher, today, byParticulars(text, today)) : open, 'only_open_order');
}

/** A sentence that speaks of placing an order ("ma commande du 12", "the order I placed on Monday", "j'ai commandé hier"). */
const ORDERING = /\b(?:commande|commandee?s?|commander|passe commande|achat|achete|order|ordered|ordering|placed|purchase|purchased|bought)\b/;

/**
 * A sentence in which the writer denies ordering ("je n'ai rien acheté chez vous depuis septembre", "I did not buy
 * anything that day", "une commande que je n'ai jamais passée"): the day or month it gives bounds what they did not
 * buy, or is the day of a charge they disown; it names no order of theirs by its day.
 */
const DENIED_ORDERING = new RegExp(String.raw`\bn'(?:ai|avons|avais|a)\s+(?:(?:rien|jamais|pas|absolument|encore)\s+){1,2}`
  + String.raw`(?:\p{L}+\s+)?(?:achete|commande|passe)|\b(?:didn't|did not|haven't|have not|hadn't|never)\s+`
  + String.raw`(?:\p{L}+\s+)?(?:order|ordered|buy|bought|purchase|purchased|place|placed)\b`, 'u');

/**
 * Among the writer's own orders, the one placed on the day the text gives for its ordering, in the same sentence as
 * an ordering word: a calendar date ("ma commande du 18 novembre", "the order I placed on 22 September") or a past
 * day ("mercredi dernier", "yesterday", "il y a trois jours"). Only the order date counts here: a delivery date is not
 * the day one ordered.
 */
export function byOrderDate(text: string, own: OrderRecord[], today: string): EvidenceResult {
  return one(ordersPlacedOn(text, own, today), 'order_date');
}

/**
 * The sentence, or, when it denies a purchase, its clauses that do not ("une commande passée le 20 octobre sur mon
 * compte mais ce n'est pas moi, je n'ai rien commandé en octobre": the 20th is read, October is not).
 */
function undeniedParts(sentence: string): string[] {
  if (!DENIED_ORDERING.test(fold(sentence))) return [sentence];
  return sentence.split(/,|\s(?:mais|but|though|however)\s|\s[-–—]\s/).filter((part) => !DENIED_ORDERING.test(fold(part)));
}

function ordersPlacedOn(text: string, orders: OrderRecord[], today: string): OrderRecord[] {
  const days = new Set<string>();
  const months = new Set<string>();
  const periods: DayRange[] = [];
  for (const sentence of text.split(/[.!?;\n]+/)) {
    if (!ORDERING.test(fold(sentence))) continue;
    for (const part of undeniedParts(sentence)) {
      for (const d of findDates(part, today)) if (d.iso) days.add(d.iso);
      for (const d of findPastDays(part, today)) days.add(d);
      for (const m of findMonthsAlone(part, today)) months.add(m);
      periods.push(...findPastPeriods(part, today));
    }
  }
  return days.size || months.size || periods.length
    ? orders.filter((o) => days.has(o.ordered_at.slice(0, 10)) || months.has(o.ordered_at.slice(0, 7)) || inRanges(o.ordered_at, periods))
    : [];
}

/** A sentence that speaks of goods come ("le colis livré dimanche", "the parcel that arrived on 18 November"). */
const CAME = /\b(?:livree?s?|recue?s?|arrivee?s?|delivered|arrived|came|turned up|received|got it)\b/;

/**
 * Among the writer's own orders, the one delivered on the day (or in the period) the text gives for its coming, in the
 * same sentence as a word of delivery or receipt: "the parcel that arrived on 18 November", "le colis livré dimanche",
 * "le carton reçu ce week-end", "the box that turned up late last week". A sentence that
 * says the goods did not come names no delivery day.
 */
export function byDeliveryDate(text: string, own: OrderRecord[], today: string): EvidenceResult {
  const days = new Set<string>();
  const periods: DayRange[] = [];
  for (const sentence of text.split(/[.!?;\n]+/)) {
    const t = fold(sentence);
    if (!CAME.test(t) || NOT_RECEIVED.test(t)) continue;
    for (const d of findDates(sentence, today)) if (d.iso) days.add(d.iso);
    for (const d of findPastDays(sentence, today)) days.add(d);
    periods.push(...findPastPeriods(sentence, today));
  }
  if (!days.size && !periods.length) return NO_EVIDENCE;
  return one(own.filter((o) => typeof o.delivered_at === 'string'
    && (days.has(o.delivered_at.slice(0, 10)) || inRanges(o.delivered_at, periods))), 'delivery_date');
}

/**
 * A number the writer gives without the shop's prefix ("réf. 10234", "about 10234", "(10234)") that is the number of
 * one of their own orders. A number of someone else's order, or any other number, says nothing here (a postcode, a
 * quantity): only the writer's own orders are compared.
 */
export function byOwnNumber(text: string, own: OrderRecord[]): EvidenceResult {
  const hits: OrderRecord[] = [];
  for (const h of ownNumbersIn(text, own)) if (!hits.includes(h.order)) hits.push(h.order);
  return one(hits, 'written_without_prefix');
}

/**
 * Where the text writes the digits of one of the writer's own orders without the prefix (see byOwnNumber), or in a
 * form near it: with a thousands mark ("10.603", "10 603"), after a mistyped prefix ("CDM-10462", one letter off the
 * shop's), or by its last digits ("la commande qui se termine par 308", "order ending 706": every order of theirs that
 * ends so).
 */
export function ownNumbersIn(text: string, own: OrderRecord[]): Array<{ order: OrderRecord; index: number; length: number }> {
  const digitsOf = new Map(own.map((o) => [o.number.replace(/^\D+/, ''), o] as [string, OrderRecord]));
  const hits: Array<{ order: OrderRecord; index: number; length: number }> = [];
  const add = (o: OrderRecord, index: number, length: number): void => {
    if (!hits.some((h) => h.index === index && h.order === o)) hits.push({ order: o, index, length });
  };
  for (const m of text.matchAll(/(?<![\d.,/:-]|\d[ \u00a0])\d{3,10}(?![\d.,]\d|[ \u00a0]\d|\s*(?:€|eur|euros?|£|\$|%))/giu)) {
    const o = digitsOf.get(m[0]);
    // a postcode before its town ("10300 Troyes") is no order number
    if (!o || /^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 3))) continue;
    // a locker code, a case or a return's reference that shares the digits ("le code reçu par SMS (10466)")
    if (numberedAsOtherThing(text, m.index!)) continue;
    add(o, m.index!, m[0].length);
  }
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,3})[. \u00a0\u202f](\d{3})(?![\d]|[.,]\d|\s*(?:€|eur|euros?|£|\$|%))/giu)) {
    const o = digitsOf.get(m[1]! + m[2]!);
    if (o && !numberedAsOtherThing(text, m.index!)) add(o, m.index!, m[0].length);
  }
  for (const m of text.matchAll(/(?<![\p{L}\d])(\p{L}{2,5})[ \t]?[-–—_.:#/]?[ \t]?(\d{3,10})(?!\d)/gu)) {
    const o = digitsOf.get(m[2]!);
    const prefix = o?.number.replace(/[^A-Za-z]/g, '').toUpperCase() ?? '';
    if (o && prefix && oneCharAway(m[1]!.toUpperCase(), prefix)) add(o, m.index!, m[0].length);
  }
  for (const m of fold(text).matchAll(NUMBER_ENDING)) {
    for (const [digits, o] of digitsOf) {
      if (digits.length > m[1]!.length && digits.endsWith(m[1]!)) add(o, m.index!, m[0].length);
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** An order named by its last digits: "qui se termine par 308", "finissant par 62", "ending in 706", "ends with 551". */
const NUMBER_ENDING = /\b(?:se termine|se terminant|termine|terminant|finit|finissant|ending|ends|ended) (?:par|en|in|with|on)? ?(?:les? |the )?(?:chiffres? |digits? |numbers? )?[-#]?(\d{2,4})\b(?![.,]\d)/g;

/**
 * The state the writer says their order is in, as the statuses of the shop that state covers: a cancelled order
 * ("ma commande annulée", "the order I cancelled"), goods sent back or a refund awaited ("mon retour", "quand serai-je
 * remboursée", "the refund for what I returned"). Participles and nouns of a thing done, not requests ("je veux
 * annuler", "can I return it" ask for an action on an order, which the open order answers).
 */
const STATE_CUES: Array<{ re: RegExp; statuses: string[] }> = [
  { re: /\b(?:annulee?s?|ai annule|avons annule|cancell?ed)\b/, statuses: ['cancelled', 'canceled'] },
  {
    re: /\b(?:(?:mon|notre) retour|colis (?:de )?retour|retournee?s?|renvoyee?s?|remboursee?s?|remboursement|returned|sent (?:it |them )?back|(?:my|the|our) return|refund|refunded)\b/,
    statuses: ['returned', 'refunded', 'cancelled', 'canceled'],
  },
];

/**
 * The state is the writer's own: their return, refund or cancellation ("mon retour", "ma commande annulée", "my
 * refund"), a thing they did ("j'ai renvoyé", "I sent it back", "I cancelled"), a refund they wait for ("quand
 * serai-je remboursée", "when do I get the refund"). A question on the policy ("qd on renvoie un article, le
 * remboursement arrive quand ?", "if I send something back, how long until the refund?", "une commande annulée est-elle
 * remboursée ?") names a state, not an order of theirs.
 */
const OWN_STATE: RegExp[] = [
  /\b(?:mon|ma|mes|notre|nos) (?:[\p{L}'-]+ ){0,2}(?:retour|remboursement|annulation|avoir)\b/u,
  /\b(?:mon|ma|mes|notre|nos) (?:commande|colis|paquet|article|achat)s? (?:[\p{L}'-]+ ){0,2}(?:annulee?s?|retournee?s?|renvoyee?s?|remboursee?s?|rendue?s?)\b/u,
  /\b(?:j'ai|je l'ai|je les ai|nous avons|nous l'avons|on a|on l'a|on les a) (?:[\p{L}'-]+ )?(?:annule|retourne|renvoye|rendu|rapporte|reexpedie)e?s?\b/u,
  /\b(?:serai-je|serais-je|je serai|je serais|vais-je etre|je vais etre|nous serons|suis-je) (?:[\p{L}'-]+ )?remboursee?s?\b/u,
  /\b(?:my|our) (?:[\p{L}'-]+ ){0,2}(?:return|refund|cancell?ation|credit note)s?\b/u,
  /\b(?:my|our) (?:order|parcel|package|purchase|items?)s? (?:(?:was|were|has been|have been|got) )?(?:cancell?ed|returned|refunded)\b/,
  /\b(?:i|we)(?: have|'ve)? (?:already )?(?:returned|cancell?ed|sent (?:[\p{L}'-]+ ){0,3}back|posted (?:[\p{L}'-]+ ){0,3}back)\b/u,
  /\b(?:i|we) (?:get|receive|got|received) (?:the|my|our) (?:refund|money)\b/, /\b(?:will|do|did|can|shall) (?:i|we) (?:get|be|receive) (?:refunded|(?:the|my|our) (?:refund|money))\b/,
  /\b(?:have|got|received) (?:my|our) (?:parcel|package|return|items?|stuff) back\b/,
];

/**
 * A question about an order in a state the writer describes, that names none (no number, product, amount or date):
 * the writer's only order in that state ("j'ai annulé ma commande, pas de remboursement", "you have my return by
 * now, when is the refund?"). Two orders in it choose nothing.
 */
export function byOrderState(text: string, own: OrderRecord[], matcher: ProductMatcher, today: string): EvidenceResult {
  const t = fold(text);
  const cue = STATE_CUES.find((c) => c.re.test(t));
  if (!cue || matcher.mentioned(text).length || !OWN_STATE.some((re) => re.test(t)) || speaksOfPurchaseToCome(text)) return NO_EVIDENCE;
  const inState = own.filter((o) => cue.statuses.includes(o.status.toLowerCase()));
  return one(inState.length > 1 ? narrow(text, inState, matcher, today, byParticulars(text, today)) : inState, 'order_state');
}

const LATEST_ORDER = /\b(?:(?:ma|notre) (?:toute )?derniere commande|commande la plus recente|(?:my|our) (?:very )?(?:last|latest|most recent|newest) (?:order|purchase))\b/;

/**
 * "Ma dernière commande", "my most recent order": the writer's order placed last, when no other was placed that day;
 * "le dernier colis reçu", "my last delivery": the one delivered last.
 */
export function byLatestOrder(text: string, own: OrderRecord[]): EvidenceResult {
  const parcel = latestDelivered(text, own);
  if (parcel.length) return one(parcel, 'latest_order');
  if (!LATEST_ORDER.test(fold(text)) || !own.length) return NO_EVIDENCE;
  const last = own.map((o) => o.ordered_at.slice(0, 10)).sort().at(-1)!;
  return one(own.filter((o) => o.ordered_at.slice(0, 10) === last), 'latest_order');
}
