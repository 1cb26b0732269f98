/**
 * Money taken back through a third party, recognised by its STRUCTURE rather than one phrase per wording: a floor under
 * the trained risk head (a chargeback hint is a person's case, ROUTING.md). Three parts, FR and EN:
 * - the AGENT: a bank (by name or "my bank", an adviser at the branch), a card issuer or scheme, PayPal, a pay-later
 *   firm (Klarna…), a wallet (Apple Pay…) — in the sentence of the act, or named in its paragraph and taken up by
 *   "they"/"ils"/"elle" there ("I spoke to Lloyds. They will take the payment back");
 * - the ACT on the money, done or announced: a dispute, a case, a claim or an investigation opened, the purchase
 *   reported, the payment taken back, reversed, re-credited, blocked, cancelled, not honoured, the instalments paused;
 * - the OBJECT, in the same clause as the act: the payment, the transaction, the debit, the purchase, an amount.
 *   A few acts carry their object ("purchase protection", "objet non reçu", "give you until Friday").
 * A clause that denies the act ("we don't want to dispute the payment", "je ne conteste pas le paiement") is no claim;
 * innocent talk of a bank (a refund not yet on the statement, paying by transfer, a charge seen twice in the banking
 * app, the bank checking a purchase the customer confirmed) has no act. Reads folded text (lexicon.ts fold).
 */
import { fold } from './lexicon';

export interface ThirdPartyClaim {
  /** The words that named the act (folded, the pattern's own words: no personal data). */
  act: string;
}

const AGENT = new RegExp([
  String.raw`\b(?:my|our|the|his|her) (?:bank|building society|card (?:issuer|company|provider)|credit card (?:company|provider))\b`,
  String.raw`\bcredit card company\b`, String.raw`\bbank(?:'s)? (?:said|says|told|advised|has|have|will|is|are)\b`,
  String.raw`\b(?:ma|la|notre|sa) banque\b`, String.raw`\bbanque\b`, String.raw`\bmon agence\b`,
  String.raw`\b(?:mon|ma) conseill(?:er|ere)\b`, String.raw`\bconseill(?:er|ere) (?:bancaire|a la banque|de (?:ma|la) banque)\b`,
  String.raw`\b(?:cote carte|emetteur de (?:ma|la) carte|ma carte bancaire|assurance (?:de (?:ma |la )?)?carte|card(?:'s)? (?:insurance|insurer))\b`,
  String.raw`\b(?:visa|mastercard|amex|american express|paypal|klarna|clearpay|afterpay|alma|oney|scalapay|apple pay|google pay|wallet app|revolut|monzo|starling|barclays|barclaycard|lloyds|hsbc|natwest|santander|nationwide|halifax|tsb|first direct|n26|lydia)\b`,
  String.raw`\b(?:credit agricole|caisse d'epargne|credit mutuel|banque postale|societe generale|bnp|lcl|cic|boursorama|fortuneo|hello bank|banque populaire)\b`,
].join('|'));

const OBJECT = /\b(?:payments?|transactions?|charges?|debits?|purchases?|money|amount|sum|instalments?|installments?|paiements?|operations?|prelevements?|achats?|montant|somme|argent|echeances|mensualites)\b|\d+(?:[.,]\d{2})? ?(?:€|eur|euros?|£)|[€£] ?\d/;

/** Acts on the money, each a verb or noun of the dispute itself (never "refund", "paid", "taken": the shop does those). */
const ACT_WITH_OBJECT: RegExp[] = [
  /\b(?:disputed?|disputing|in dispute|contest(?:e|ee|es|er|erai|ons)?|contestation|litige|reclamation|opposition)\b/,
  /\b(?:open(?:ed)?|opening|raised?|raising|logged|log|filed?|filing|started?|put in|lodged?) (?:a |an )?(?:case|claim|complaint|investigation)\b/,
  /\b(?:investigat(?:e|es|ed|ing|ion)|looking into|enquete)\b/,
  /\b(?:take|takes|took|taking|taken|get|got|getting|claw(?:ed|ing)?|pull(?:ed|ing)?|bring|brought)\b[^.?!,;]{0,30}\bback\b/,
  /\b(?:reverse|reversed|reversing|reversal|charged? ?back|recredit\w*|re-credit\w*|credited (?:me|it) back|paid (?:me|it) back|given (?:me )?(?:it|the money) back)\b/,
  /\b(?:pause|paused|pausing|suspend(?:ed|ing)?|froze|frozen|freez(?:e|ing)|suspendu\w*|gele\w*)\b/,
  /\b(?:block(?:ed|ing)?|cancel(?:led|ed|ling|ing)?|stop(?:ped|ping)?|bloqu(?:er|e|ee|era)|annul(?:er|e|ee|era)|stopp(?:er|e|era)|rejet(?:er|e|ee|tera))\b/,
  /\b(?:not|never) (?:to )?(?:honou?r|pay out)\b|\bne (?:pas|plus) honorer\b|\bn'honorera\b/,
  /\b(?:report(?:ed|ing)?|flagg?(?:ed|ing)?) (?:the |this |my |that )?(?:purchase|transaction|payment|charge|order)\b/,
  /\bsignal(?:e|er|ee|erai) (?:l'achat|la transaction|le paiement|l'operation|le prelevement|le debit|la commande)\b/,
  /\brecuper(?:er|e|era|erai)\b/, /\b(?:reclaim\w*|recover(?:s|ed|ing)?|claim(?:s|ed|ing)? back)\b/,
];

/** Acts that name the money themselves (the agent still in the sentence). */
const ACT_ALONE: RegExp[] = [
  /\b(?:purchase|buyer|buyer's) protection\b/, /\bprotection (?:des )?(?:achats|acheteurs)\b/,
  /\b(?:objet|article) non recu\b/, /\bitem not received\b/,
  /\b(?:disputed|contested) (?:transaction|payment|charge)\b/,
  // the card's insurer or the bank turning against the shop; a dispute's category named ("goods not as described")
  /\bse retourn\w* (?:\w+ )?contre\b/, /\b(?:goods|items?|products?|merchandise) not (?:as described|received)\b/,
  /\b(?:non conformes? a la description|marchandises? (?:non recues?|retournees? non remboursees?))\b/,
  /\b(?:chargeback|charge back|retrofacturation)\b/,
  /\b(?:formulaire|dossier|procedure) de (?:contestation|litige|reclamation)\b/, /\b(?:dispute|chargeback|claim) form\b/,
];
/** A claim lodged WITH the agent: "une réclamation auprès de Visa", "a dispute through PayPal" (the agent is its addressee). */
const CLAIM_WITH_AGENT = new RegExp(String.raw`\b(?:reclamation|contestation|litige|dossier|opposition|claim|dispute|case|complaint|chargeback) (?:aupres d[eu]|chez|avec|sur|with|through|via|on|to) (?:(?:ma|mon|la|le|l'|my|the|their) )?(?:${AGENT.source})`);
/**
 * The agent itself paying the money back, as the subject of the verb: "ma banque m'a remboursé les 99,90 €", "Amex has
 * credited the 43.90 back", "my card provider has already refunded me", "PayPal returned the money", "my bank gave me my
 * money back" (a refund the SHOP made, seen at the bank, has the shop as subject: "your refund shows at my bank"). And
 * the shop reported to the agent or the matter raised with it: "I've raised it with Visa", "I have reported you to my bank".
 */
const AGENT_PAID_BACK = new RegExp(String.raw`(?:${AGENT.source})(?:'s)?\s+(?:(?:has|have|had|a|m'a|nous a|m'ont|ont|already|just|deja|finally|enfin|now|then|alors)\s+)*(?:refunded|reimbursed|rembourse\w*|recredite\w*|re-?credited|credited\b(?:[^.?!;]|\.\d){0,40}\bback|(?:gave|given|returned|paid) (?:me |us )?(?:(?:my|the|our|that) )?(?:money|amount|sum|\d|it back|them back)|put (?:the|my) money)\b`);
const RAISED_WITH_AGENT = new RegExp(String.raw`\b(?:raised|reported|flagged|escalated|taken) (?:it|this|that|you|the matter|the issue|the shop)? ?(?:up )?(?:with|to) (?:(?:my|the|our) )?(?:${AGENT.source})|\b(?:signale|signalee|denonce) (?:a|aupres de) (?:(?:ma|mon|la|le) )?(?:${AGENT.source})`);
/** "my bank said to give you 48 hours", "ma banque vous laisse jusqu'à lundi": the agent in the same clause. */
const DEADLINE = /\b(?:give|allow|leave) you\b[^.?!;]{0,30}\b(?:hours?|days?|until|till|more time)\b|\bvous (?:laisse|laisser|accorde|donne|donner)\b[^.?!;]{0,30}\b(?:heures|jours|jusqu)/;

/** The shop asked to act ("could you cancel the payment?"): the shop's act, not a third party's. */
const ASKED_OF_SHOP = /\b(?:could|can|would|will|please) you\b|\bplease\b|\b(?:pouvez|pourriez|pourrez)[- ]vous\b|\bmerci de\b|\bveuillez\b/;
/** A pronoun that takes up the agent named earlier in the paragraph. */
const AGENT_PRONOUN = /\b(?:they|they've|they'll|they're|ils|elle|elles|on m'a)\b/;

/** A denial of the act in the clause before it; a wish to avoid it ("I'd rather not", "éviter") keeps it in view. */
const DENIAL = /\b(?:not|never|no intention|don't|do not|won't|will not|wouldn't|didn't|did not|haven't|hasn't|isn't|aren't|wasn't|can't|cannot|pas|jamais|aucun(?:e)?)\b/;
const VEILED = /\b(?:rather not|prefer not|avoid|before|unless|until|otherwise|or else|eviter|avant|sinon|a moins|plutot que de devoir|j'aimerais eviter|don't want to have to|do not want to have to|ne (?:veux|voudrais|souhaite) pas (?:devoir|avoir a|en arriver))\b/;

const clauses = (sentence: string): string[] => sentence.split(/\s[—–-]\s|;|,\s(?=(?:but|and|so|mais|donc|et|car|because|parce)\b)/);

/**
 * Denied when a negation governs the act: within the few words before it ("we won't be disputing", "no intention of
 * asking my bank to"), or the French "ne" right before the verb. A negation further back belongs to a condition
 * ("if it isn't here by Friday, I'll ask my bank to reverse it"): a threat, not a denial.
 */
function denied(before: string): boolean {
  const near = before.split(/\s+/).slice(-7).join(' ');
  return (DENIAL.test(near) || /\b(?:ne|n')\s*$/.test(before)) && !VEILED.test(near);
}

function actIn(clause: string, agentInSentence: boolean): string | null {
  if (!agentInSentence) return null;
  for (const re of [...ACT_ALONE, CLAIM_WITH_AGENT, DEADLINE, AGENT_PAID_BACK, RAISED_WITH_AGENT]) {
    const m = re.exec(clause);
    if (m && !denied(clause.slice(0, m.index))) return m[0];
  }
  if (!OBJECT.test(clause)) return null;
  for (const re of ACT_WITH_OBJECT) {
    const m = re.exec(clause);
    if (m && !denied(clause.slice(0, m.index)) && !ASKED_OF_SHOP.test(clause.slice(0, m.index))) return m[0];
  }
  return null;
}

/** The first act on the money by a third party the writer tells (done or announced), or null. */
export function findThirdPartyClaim(text: string): ThirdPartyClaim | null {
  const paragraphs = fold(text).split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    if (!AGENT.test(paragraph)) continue;
    for (const sentence of paragraph.replace(/\n/g, ' ').split(/(?<=[.?!])\s+/)) {
      for (const clause of clauses(sentence)) {
        const act = actIn(clause, AGENT.test(sentence) || AGENT_PRONOUN.test(sentence));
        if (act) return { act };
      }
    }
  }
  return null;
}
