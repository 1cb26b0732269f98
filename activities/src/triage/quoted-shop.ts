/**
 * Quoted text the sender presents as an earlier reply from the shop (carrier `quoted_shop`) is checked against what
 * we really sent: our replies carry Message-IDs `<32 hex>.reply@<support domain>` (mail/own-message-id.ts), and
 * `sent_mail` keeps, for each, the fingerprint of the text that left after any reviewer's edit
 * (mail/reply-fingerprint.ts: hashes of normalised runs of words, never the text). A quote is ours when all of it is
 * found in one of the replies the thread names.
 *
 * A quote that is not ours:
 * - promising what the shop never offers (a forbidden commitment of the shop's policy — refund without return,
 *   compensation, guaranteed dates — or a money voucher outside the approved offers) is an impersonation of the
 *   shop: `tampered_quoted_text` (escalate), even with no instruction to an AI in it, with or without a log;
 * - with a verified log (every reply we sent is in it: Postgres in production), also a promise of a remedy the
 *   approved offers do not hold ("we will refund / replace / send a code", "vous pouvez garder l'article"), a request
 *   for the customer's secrets, or a directive on what the answer must assert, is one.
 * A quote that is not ours but says only what a reply of ours could say — an approved offer stated ("vous recevrez
 * une étiquette de retour prépayée"), an ordinary request ("please find attached", "merci de joindre une photo") —
 * is what a customer pasting an earlier reply without its thread sends: `unverified` (review), never escalated, and
 * never the ground of an automatic reply. Without a verified log (the CLI's memory of one run), only the first holds.
 * Instructions to an AI in any quote are found by injection.ts like in any other carrier. What a quote states about the
 * order (shipped, delivered, refunded, a tracking number) is checked against the order's data by shop-claims.ts, log or
 * no log: a statement the data contradicts goes to review (`unverifiable_facts`).
 */
import type { ParsedEmail, ShopPolicies } from '../domain/types';
import type { CarrierSegment } from '../mail/carriers';
import { isOwnReplyMessageId } from '../mail/own-message-id';
import { quoteIsFrom, type SentReplyFingerprint } from '../mail/reply-fingerprint';
import { findForbiddenCommitments } from '../reply/commitment-check';
import { injectionCue } from './injection';
import { fold } from './lexicon';

/** The replies we sent among those a thread names. */
export interface SentReplies {
  replies: SentReplyFingerprint[];
  /**
   * True when the log holds every reply the shop sent, with its fingerprint: a quote matching none of them is not
   * ours. False for a partial log (a CLI run's memory, replies sent before fingerprints were kept).
   */
  verified: boolean;
}

/** Where the replies we sent are found (Postgres in production; the CLI has none). */
export interface SentReplyLog {
  /**
   * Our sent replies whose Message-IDs are among `messageIds` (the thread's In-Reply-To and References), and the
   * latest ones sent to `recipient` (a customer may quote a reply from a message that names none).
   */
  sentAmong(messageIds: string[], recipient: string | null): Promise<SentReplies>;
}

/**
 * The replies a message's quotes are checked against: those the thread names and those sent to the sender. A thread
 * naming a message from the shop's domain that is not one of our replies answers mail the shop sent some other way
 * (an earlier helpdesk, an agent's own mail client): the log cannot vouch for it, so it is not verified there.
 */
export async function sentRepliesFor(
  log: SentReplyLog, parsed: Pick<ParsedEmail, 'inReplyTo' | 'references' | 'from' | 'replyTo'>, supportAddress: string,
): Promise<SentReplies> {
  const thread = [...new Set([parsed.inReplyTo, ...parsed.references].filter((id): id is string => !!id))];
  const sent = await log.sentAmong(thread, (parsed.replyTo ?? parsed.from)?.address ?? null);
  const domain = (supportAddress.split('@')[1] ?? '').trim().toLowerCase();
  const ours = isOwnReplyMessageId(supportAddress);
  const elsewhere = domain.length > 0 && thread.some((id) => id.trim().replace(/>$/, '').toLowerCase().endsWith(`@${domain}`) && !ours(id));
  return elsewhere ? { ...sent, verified: false } : sent;
}

declare module './pipeline' {
  interface TriageDeps {
    /** Optional: without it, no quote attributed to the shop can be verified, and each is judged by what it promises. */
    sentReplies?: SentReplyLog;
  }
}

/** A voucher, credit or gift card for a sum of money: the approved offers give a percentage, never an amount. */
const MONEY_VOUCHER = [
  /\b(?:avoir|bon d'achat|bon de reduction|voucher|store credit|credit note|gift card|carte cadeau|cheque cadeau|code promo|discount code|geste commercial|goodwill gesture|credit)\b.{0,30}?(?:\d+(?:[.,]\d{1,2})? ?(?:€|eur\b|euros?\b|£|gbp\b|\$|usd\b)|(?:€|eur|£|gbp|\$|usd) ?\d+)/,
  /(?:\d+(?:[.,]\d{1,2})? ?(?:€|eur\b|euros?\b|£|gbp\b|\$|usd\b)|(?:€|eur|£|gbp|\$|usd) ?\d+)\s*(?:de |d'|of )?(?:avoir|bon d'achat|voucher|store credit|credit|gift card|carte cadeau)\b/,
  /\b(?:plus|en plus|additional|extra|supplementaire|de plus|as well as|on top)\b.{0,20}(?:\d+(?:[.,]\d{1,2})? ?(?:€|eur\b|euros?\b|£|gbp\b)|(?:€|eur|£|gbp) ?\d+)\b.{0,30}\b(?:for the inconvenience|pour le desagrement|pour la gene|inconvenience|desagrement)/,
];

/**
 * A remedy or action the shop commits to, in FR and EN: who acts (we / I / you will receive / you may keep) then what
 * (refund, replacement, credit, code, free shipping…), or a cost waived ("free of charge", "à nos frais").
 */
const PROMISE = [
  /\b(?:we(?: will| shall| are going to| can| could| would be (?:happy|glad) to| have (?:decided|agreed|arranged) to| are happy to| are pleased to)|we'll|we've (?:decided|agreed|arranged) to|i(?: will| can| have (?:decided|agreed|arranged) to)|i'll|you(?: will|'ll) (?:receive|get|be (?:refunded|reimbursed|credited|compensated|sent|given))|you (?:can|may) (?:keep|hold on to))\b.{0,50}?\b(?:refund\w*|reimburs\w*|credit\w*|replace\w*|resend\w*|re-?ship\w*|send (?:you )?(?:a |another |a new |an? extra )|compensat\w*|voucher|discount\w*|codes?|coupon|waive\w*|cover\w*|free|keep|upgrade\w*|express|gesture|money back)/,
  /\b(?:nous (?:allons|vous (?:offrons|accordons|remboursons|renvoyons|envoyons|proposons|ferons)|pouvons|procederons|procedons|prenons en charge|avons (?:decide|accepte|convenu))|je (?:vais|peux|vous (?:offre|accorde|rembourse|renvoie|envoie))|vous (?:recevrez|allez recevoir|serez (?:rembourse|credite|dedommage|indemnise)e?s?|pouvez (?:garder|conserver)|beneficierez))\b.{0,50}?\b(?:rembours\w*|credit\w*|remplac\w*|renvo\w*|reexpedi\w*|nouve(?:l|au|lle) (?:colis|article|envoi|produit)|dedommag\w*|avoir|bon d'achat|bon de reduction|codes?|remise|reduction|offert\w*|gratuit\w*|garder|conserver|geste|express|sans frais)/,
  /\b(?:free of charge|at no (?:extra |additional )?(?:cost|charge)|at our (?:expense|cost)|on the house|gratuitement|sans frais|a nos frais|a titre gracieux|offerte? par (?:nos soins|la maison))\b/,
];

/**
 * A directive to the reader, in FR and EN: a polite request ("please", "kindly", "merci de", "veuillez"), an
 * obligation ("you must", "vous devez"), or a sentence opening on an imperative of the verbs of a support exchange.
 */
const DIRECTIVE = [
  /\b(?:please|kindly|veuillez|merci de|merci d'|s'il vous plait|svp|n'hesitez pas a)\b[ ,]*\p{L}/u,
  /\b(?:you (?:must|need to|have to|should)|we need you to|vous (?:devez|devrez|devriez)|il (?:vous )?faut|nous avons besoin que vous)\b/,
  /(?:^|[.!?:]\s+|\n\s*)(?:send|reply|respond|include|add|attach|confirm|forward|call|contact|return|ship|apply|use|enter|write|mention|quote|state|envoyez|envoie|repondez|reponds|joignez|joins|ajoutez|ajoute|indiquez|indique|confirmez|confirme|transferez|appelez|contactez|retournez|renvoyez|utilisez|saisissez|ecrivez|precisez|mentionnez|citez)\b/,
];

/**
 * What no reply of ours asks or says, whatever else it holds: a request for the customer's secrets (card number or
 * code, password, bank details), or a directive on what the answer must assert ("state in your reply that the refund
 * was approved", "précisez dans votre réponse que…") — an attempt to put words in the reply.
 */
const SECRETS_ASKED = /\b(?:card (?:number|code|details)|(?:numero|code|chiffres) (?:de|of) (?:votre |la |your )?carte|cvv|cvc|security code|cryptogramme|code (?:secret|pin|confidentiel)|pin code|mot de passe|password|identifiants|login details|iban|rib|coordonnees bancaires|bank details)\b/;
const ASSERTION_DIRECTED = [
  /\b(?:precis|indiqu|mentionn|confirm|ecri|dit|dis|stat|say|mention|writ|add|ajout|inclu|includ)\w*\b.{0,40}\b(?:reponse|reply|answer)\b.{0,20}\b(?:que|qu'|that)\b/,
  /\b(?:reponse|reply|answer)\b.{0,30}\b(?:que|qu'|that)\b.{0,60}\b(?:rembours\w*|refund\w*|valid\w*|approv\w*|accord\w*|offert\w*|free|gratuit\w*|codes?|credit\w*|garanti\w*|guarantee\w*)/,
];

export interface QuotedShopVerdict {
  /**
   * A quote attributed to the shop is not ours and promises what the shop never offers, or (with a verified log)
   * carries an instruction to an AI or promises a remedy outside the approved offers: an impersonation, escalated.
   */
  tampered: boolean;
  /** What the quotes that are not ours promise against the shop's policy (forbidden commitments, unapproved offers). */
  promises: string[];
  /** With a verified log: what the quotes that are not ours promise outside the offers (`remedy_promise`) or inject. */
  unsent: string[];
  /**
   * With a verified log: a quote that is not ours but says only what a reply of ours could say — an approved offer
   * (`approved_offer_promise`), an ordinary request to the customer (`directive`) — as when a customer pastes an
   * earlier reply without its thread. Nothing in it is outside policy, yet nothing in it is ours to vouch for: a
   * person checks it (review, `unverified_shop_quote`), nothing is sent on its strength.
   */
  unverified: string[];
  /** The quotes were checked against a verified log of every reply we sent. */
  verified: boolean;
}

const OFFER_STOPWORDS = new Set(['the', 'for', 'and', 'sur', 'les', 'des', 'une', 'pour', 'avec', 'next', 'order', 'commande', 'prochaine']);
/** An offer's description as word stems ("Réexpédition express sans frais" → reexp, expre, sans, frais). */
const stemsOf = (text: string): string[] =>
  (fold(text).match(/[\p{L}\p{N}%]+/gu) ?? []).filter((w) => (w.length >= 3 || /\d/.test(w)) && !OFFER_STOPWORDS.has(w)).map((w) => w.slice(0, 5));

/**
 * The stems of the approved offers a sentence states: every stem of one of an offer's descriptions (FR or EN) but at
 * most one is in the sentence, and at least two are ("vous recevrez une étiquette de retour prépayée": RETOUR-GRATUIT).
 */
function offerStemsIn(sentence: string, policies: ShopPolicies): Set<string> | null {
  const words = stemsOf(sentence);
  const stated = new Set<string>();
  for (const offer of policies.approved_offers) {
    if (offer.vip_only) continue;
    for (const description of [offer.description_fr, offer.description_en]) {
      const stems = stemsOf(description);
      const found = stems.filter((st) => words.some((w) => w.startsWith(st) || st.startsWith(w)));
      if (found.length >= 2 && found.length >= stems.length - 1) for (const st of stems) stated.add(st);
    }
  }
  return stated.size ? stated : null;
}

/**
 * Promises of a remedy in a folded quote, sentence by sentence: `outside` when one names a remedy that is not the
 * approved offer its sentence states (a refund, a replacement, a credit…), `approved` when each names the offer.
 */
function remedyPromises(folded: string, policies: ShopPolicies): { outside: boolean; approved: boolean } {
  let outside = false;
  let approved = false;
  for (const sentence of folded.split(/(?<=[.!?;])\s+|\n+/)) {
    const offer = offerStemsIn(sentence, policies);
    for (const re of PROMISE) {
      for (const m of sentence.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
        const remedy = (m[0].match(/[\p{L}\p{N}%]+$/u)?.[0] ?? '').slice(0, 5);
        if (offer && [...offer].some((st) => st.startsWith(remedy) || remedy.startsWith(st))) approved = true;
        else outside = true;
      }
    }
  }
  return { outside, approved };
}

/** The verdict on the message's quotes attributed to the shop, given the replies we really sent (null: no log). */
export function judgeQuotedShop(segments: CarrierSegment[], policies: ShopPolicies, sent: SentReplies | null): QuotedShopVerdict {
  const verified = sent?.verified ?? false;
  const promises: string[] = [];
  const unsent: string[] = [];
  const unverified: string[] = [];
  for (const s of segments) {
    if (s.carrier !== 'quoted_shop') continue;
    if (sent?.replies.some((reply) => quoteIsFrom(s.text, reply))) continue; // we did write it
    for (const hit of findForbiddenCommitments(s.text, policies.forbidden_commitments)) promises.push(hit.phrase);
    const folded = fold(s.text);
    if (MONEY_VOUCHER.some((re) => re.test(folded))) promises.push('money_voucher_not_approved');
    if (!verified) continue;
    const cue = injectionCue(s.text, true);
    if (cue) unsent.push(cue);
    if (SECRETS_ASKED.test(folded)) unsent.push('secrets_requested');
    if (ASSERTION_DIRECTED.some((re) => re.test(folded))) unsent.push('reply_content_directive');
    const remedy = remedyPromises(folded, policies);
    if (remedy.outside) unsent.push('remedy_promise');
    if (remedy.approved) unverified.push('approved_offer_promise');
    if (DIRECTIVE.some((re) => re.test(folded))) unverified.push('directive');
  }
  const tampered = promises.length + unsent.length > 0;
  return {
    tampered, promises: [...new Set(promises)], unsent: [...new Set(unsent)], unverified: tampered ? [] : [...new Set(unverified)], verified,
  };
}
