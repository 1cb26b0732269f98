/**
 * What the sender says the shop told them about their order — in a quote attributed to the shop (carrier
 * `quoted_shop`) or reported in their own words ("you told me that…", "on m'a dit au téléphone que…", "votre mail
 * dit que…") — checked against the order's data. A statement the data says could never have been true (shipped or
 * handed to the carrier while the order is still being prepared or was cancelled, delivered while no delivery is
 * recorded, refunded while no refund exists, a tracking number that is not the order's, a refund above all the order
 * cost, a shipment dated before the order was placed, a delivery dated before the shipment) cannot be a true earlier
 * reply: whatever we answer contradicts what the customer holds as our word, so a person looks (review,
 * `unverifiable_facts` with the flag below). A statement the data agrees with, a future ("will be shipped", "serait
 * expédiée") or a negation ("n'a pas encore été expédiée") changes nothing. Works without a log of what we sent: it
 * needs only the order.
 */
import type { OrderRecord } from '../domain/types';
import type { CarrierSegment } from '../mail/carriers';
import { orderFormatOf } from '../domain/order-format';
import { findAmounts, findDates, findOrderNumbers } from './entities';
import { fold } from './lexicon';

const CONTRADICTIONS = [
  'shipment_contradicted', 'delivery_contradicted', 'refund_contradicted', 'tracking_not_order', 'amount_contradicted', 'date_contradicted',
] as const;
type Contradiction = (typeof CONTRADICTIONS)[number];
/** Where the statement stands: a quote attributed to the shop, or the sender's report of what the shop said. */
type StatementSource = 'quoted' | 'reported';
export type ShopClaimFlag = `${StatementSource}_${Contradiction}`;

export const SHOP_CLAIM_FLAGS: ReadonlySet<string> = new Set<ShopClaimFlag>(
  (['quoted', 'reported'] as const).flatMap((source) => CONTRADICTIONS.map((c) => `${source}_${c}` as const)),
);

type Claim = 'shipment' | 'delivery' | 'refund';

/** A claim that something about the order has happened (past or perfect, FR/EN), per kind. */
const CLAIMS: Record<Claim, RegExp[]> = {
  shipment: [
    /\b(?:has|have|had|was|were|is|'s)\s+(?:now\s+|already\s+|just\s+|finally\s+)*(?:been\s+)?(?:shipped|dispatched|sent out|posted|handed (?:over )?to (?:the )?(?:carrier|courier|\w+))\b/,
    /\b(?:left|has left|had left) (?:our|the) (?:warehouse|depot|premises)\b/,
    /\b(?:is|was) (?:now )?(?:on (?:its|the) way|in transit)\b/,
    /\b(?:a|ont|avait|avaient|est|sont|etait|etaient)\s+(?:bien\s+|deja\s+|enfin\s+)*(?:ete\s+)?(?:expediee?s?|envoyee?s?|partie?s?|remise?s? (?:au|a) (?:transporteur|\w+)|confiee?s? (?:au|a) \w+)\b/,
    /\b(?:a|avait) quitte (?:notre|l') ?entrepot\b/,
    /\b(?:est|etait) (?:en route|en cours d'acheminement|en transit|en chemin)\b/,
  ],
  delivery: [
    /\b(?:has|have|had|was|were|is)\s+(?:now\s+|already\s+|just\s+)*(?:been\s+)?delivered\b/,
    /\b(?:a|ont|avait|avaient|est|sont|etait|etaient)\s+(?:bien\s+|deja\s+)*(?:ete\s+)?livree?s?\b/,
  ],
  refund: [
    /\b(?:we (?:confirm|have (?:issued|processed|made|sent))|we've (?:issued|processed|made|sent)) (?:the |your |a )?(?:full )?refund\b/,
    /\brefund\b.{0,60}?\b(?:has|have|had|was)\s+(?:now\s+|already\s+)*(?:been\s+)?(?:issued|processed|made|sent|completed|paid)\b/,
    /\b(?:have|has|had|was|were|been) (?:now |already )?(?:fully )?refunded\b/,
    /\bnous (?:vous )?(?:confirmons|avons (?:effectue|emis|procede au)) (?:le |votre )?rembourse?ment\b/,
    /\brembourse?ment\b.{0,60}?\b(?:a|avait) (?:bien |deja )*ete (?:effectue|emis|valide|traite|fait|envoye|vire)\b/,
    /\b(?:avez|aviez|etes|etiez|a|avait) (?:bien |deja )*(?:ete )?rembourse(?:e|es|s)?\b/,
  ],
};

/**
 * What a shipment or delivery is said of: the order, the parcel, an item (or "it"): "votre demande a été envoyée",
 * "this message was delivered" are not claims about the order.
 */
const ORDER_SUBJECT = /\b(?:orders?|parcels?|packages?|items?|shipments?|it|commandes?|colis|paquets?|articles?|envois?|elle|il)\b/;

/** A negated or not-yet statement ("has not been shipped", "n'a pas encore été expédiée", "yet to ship"). */
const NEGATED = /\b(?:not|n't|never|yet to|pas|jamais|aucun\w*|ne|n')\b|n'(?:a|ont|est|avait|etait)\b/;

/** A tracking number stated as one: after "tracking (number)" / "(numéro de) suivi", with at least 6 digits. */
const TRACKING = /\b(?:tracking(?: number| no\.?| code| #)?|n(?:umero|°|o) de suivi|suivi(?: colis)?)\s*[:#]?\s*([a-z0-9]{8,30})\b/g;

/** The sender reports what the shop said (FR/EN): the claim follows the cue, in the same sentence. */
const REPORTED = [
  /\b(?:you|u) (?:told|wrote|promised|assured|informed) (?:me|us)\b|\byou (?:said|wrote|confirmed|stated)\b/,
  /\b(?:i|we) (?:was|were|have been|'ve been|had been) (?:told|informed|assured)\b/,
  /\b(?:your|the) (?:email|e-mail|mail|message|reply|colleague|agent|advisor|adviser|team|customer service|support|rep(?:resentative)?)\b.{0,30}?\b(?:said|says|told (?:me|us)|confirmed|stated|states|wrote|assured)\b/,
  /\baccording to your (?:email|e-mail|mail|message|reply|colleague|agent)\b/,
  /\bvous (?:m'|nous )(?:avez|aviez) (?:dit|ecrit|confirme|assure|indique|affirme|annonce|promis)\b/,
  /\bon (?:m'|nous )(?:a|avait) (?:dit|ecrit|confirme|assure|indique|affirme|annonce)\b/,
  /\bil (?:m'|nous )(?:a|avait) ete (?:dit|confirme|indique|assure)\b/,
  /\b(?:votre|vos|le|la) (?:collegue|conseill\w+|service client|mail|e-mail|email|message|reponse|equipe|agent)\b.{0,30}?\b(?:m'a|nous a|m'avait|a|avait) (?:dit|ecrit|confirme|assure|indique|affirme)|\b(?:votre|le) (?:mail|e-mail|email|message|reponse) (?:dit|disait|indique|indiquait|affirme|affirmait)\b/,
  /\b(?:selon|d'apres) (?:votre|vos) (?:mail|e-mail|email|message|reponse|collegue|conseill\w+)\b/,
];

const norm = (s: string): string => s.replace(/[^a-z0-9]/gi, '').toUpperCase();

/**
 * The clauses of a text, folded: its sentences, each cut where a contrast opens ("…was shipped, but nothing has
 * come": the negation after "but" is not the claim's).
 */
const CONTRAST = /\s*,?\s*\b(?:but|however|though|although|whereas|mais|pourtant|cependant|alors que|sauf que|et pourtant)\b/;
const sentencesOf = (text: string): string[] =>
  fold(text).split(/(?<=[.!?;])\s+|\n+/).flatMap((s) => s.split(CONTRAST)).map((s) => s.trim()).filter(Boolean);

/** What a shop statement says happened: the claims, the day each was said to happen on, the refund sums, the tracking numbers. */
interface Stated {
  claims: Set<Claim>;
  /** "shipped on 14/11", "livrée le 12 novembre": the date written right after a shipment or delivery claim. */
  dates: { claim: Claim; iso: string }[];
  /** The sums of money in a sentence that says a refund was made. */
  refundSums: number[];
  tracking: string[];
}

/** Between a claim and its date: "on", "le", a weekday ("was delivered on Thursday 12 November"). */
const DATE_LEAD = /^\s*,?\s*(?:on |le |the |du |en date du |ce )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? |(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?/;

/** The date written right after a claim's words, if any. */
function dateAfter(clause: string, re: RegExp, today: string): string | null {
  const m = re.exec(clause);
  if (!m) return null;
  const after = clause.slice(m.index + m[0].length);
  const rest = after.slice(after.match(DATE_LEAD)?.[0].length ?? 0);
  const first = findDates(rest.slice(0, 30), today)[0];
  return first?.iso && rest.startsWith(first.text) ? first.iso : null;
}

/** The claims a shop statement makes, clause by clause, negated clauses aside; the tracking numbers it states. */
function statedIn(sentences: string[], today: string): Stated {
  const stated: Stated = { claims: new Set(), dates: [], refundSums: [], tracking: [] };
  for (const s of sentences) {
    for (const m of s.matchAll(TRACKING)) {
      const token = m[1] ?? '';
      if ((token.match(/\d/g)?.length ?? 0) >= 6) stated.tracking.push(norm(token));
    }
    if (NEGATED.test(s)) continue;
    for (const [claim, res] of Object.entries(CLAIMS) as [Claim, RegExp[]][]) {
      if (claim !== 'refund' && !ORDER_SUBJECT.test(s)) continue;
      const hits = res.filter((re) => re.test(s));
      if (!hits.length) continue;
      stated.claims.add(claim);
      if (claim === 'refund') stated.refundSums.push(...findAmounts(s).map((a) => a.value));
      else for (const re of hits) {
        const iso = dateAfter(s, re, today);
        if (iso) stated.dates.push({ claim, iso });
      }
    }
  }
  return stated;
}

/**
 * What the order's data says could never have been said of it: a shipment, delivery or refund it does not hold, a
 * tracking number not its own, a refund above all the order cost, a shipment dated before the order was placed or a
 * delivery before it was shipped, either after today.
 */
function contradicted(stated: Stated, order: OrderRecord, today: string): Contradiction[] {
  const out: Contradiction[] = [];
  const { claims } = stated;
  if (claims.has('shipment') && !order.shipped_at) out.push('shipment_contradicted');
  if (claims.has('delivery') && !order.delivered_at) out.push('delivery_contradicted');
  const refunded = order.status === 'refunded' || (order.refunded_amount ?? 0) > 0;
  if (claims.has('refund') && !refunded) out.push('refund_contradicted');
  const own = order.tracking_number ? norm(order.tracking_number) : null;
  if (stated.tracking.some((t) => t !== own)) out.push('tracking_not_order');
  if (stated.refundSums.some((v) => v > order.total + 0.005)) out.push('amount_contradicted');
  const impossible = ({ claim, iso }: { claim: Claim; iso: string }): boolean => iso > today
    || iso < order.ordered_at.slice(0, 10)
    || (claim === 'delivery' && !!order.shipped_at && iso < order.shipped_at.slice(0, 10));
  if (stated.dates.some(impossible)) out.push('date_contradicted');
  return out;
}

/**
 * A statement about another order than the mail's (its number named, read as enrich reads order numbers, in the
 * shape of this order's) is not checked against this one.
 */
const namesOtherOrder = (sentences: string[], order: OrderRecord): boolean =>
  sentences.some((s) => findOrderNumbers(s, orderFormatOf([order.number])).some((m) => m.number !== order.number));

/** The part of each of the sender's sentences that reports what the shop said: from the cue on. */
function reportedStatements(clean: string): string[] {
  const out: string[] = [];
  for (const s of sentencesOf(clean)) {
    const m = REPORTED.map((re) => re.exec(s)).find((hit) => hit);
    if (m) out.push(s.slice(m.index + m[0].length));
  }
  return out;
}

/**
 * The shop statements about `order` — quotes attributed to the shop, statements the sender reports in their own
 * text — that the order's data contradicts, as flags (`quoted_…` / `reported_…`).
 */
export function contradictedShopClaims(
  carriers: CarrierSegment[], clean: string, order: OrderRecord | null, today: string,
): ShopClaimFlag[] {
  if (!order) return [];
  const flags = new Set<ShopClaimFlag>();
  const judge = (sentences: string[], source: StatementSource): void => {
    if (namesOtherOrder(sentences, order)) return;
    for (const c of contradicted(statedIn(sentences, today), order, today)) flags.add(`${source}_${c}`);
  };
  for (const s of carriers) if (s.carrier === 'quoted_shop') judge(sentencesOf(s.text), 'quoted');
  for (const statement of reportedStatements(clean)) judge([statement], 'reported');
  return [...flags];
}
