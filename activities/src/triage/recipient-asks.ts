/**
 * recipientKinds: an ask that something be sent or delivered to someone other than the writer — an invoice or a copy
 * e-mailed to a colleague's or an accountant's address ("other_recipient"), a parcel delivered to a neighbour, a
 * friend or another person's address ("redirect_delivery"). Sending data to a third party and changing where a parcel
 * goes are actions a person does (privacy, fraud), so an automatic reply never answers them (ROUTING.md, issue 14
 * kind 2). Read by structure, FR/EN: a send/deliver verb, then within its clause a recipient who is not the writer —
 * an e-mail address other than the sender's, "to/à/chez" + a possessive + a third-party relation noun, "chez" + a
 * name, "to him/her", "lui/leur envoyer". Verbs are read in their asking forms (infinitive, imperative, "have it
 * delivered"), never as past participles: "it was left with my neighbour" tells, it does not ask. A third party only
 * mentioned ("my accountant needs it, send it to me") or named after "for/pour" (the writer's purpose) is no recipient.
 */
import type { CustomerAsk } from './customer-asks';
import { emailsInText } from './entities';

export type RecipientKind = 'other_recipient' | 'redirect_delivery';

/** Verbs that send or deliver something (folded text). */
const SEND_VERB = String.raw`(?:re)?envoy(?:er|ez)|l'envoyer|transmet(?:tre|tez)|(?:faire|faites) (?:suivre|parvenir|livrer)|adress(?:er|ez)|(?:re)?expedi(?:er|ez)|livr(?:er|ez)|redirig(?:er|ez)|depos(?:er|ez)|laiss(?:er|ez)|soi(?:t|ent) (?:livre|envoye|expedie|transmis)e?s?|(?:re)?send(?:ing)?|e-?mail(?:ing)?|forward(?:ing)?|ship|post|deliver|redirect|re-?route|divert|drop(?: it| them)? off|leave|cc|(?:have|get) (?:it|them|this|the \w+) (?:delivered|sent|shipped|forwarded|emailed|e-mailed|posted)`;

/** People who are not the writer, by their relation to the writer (folded, singular and plural). */
const RELATION = String.raw`comptab\w*|expert[- ]comptable|collegues?|patron(?:ne)?s?|chefs?|employeurs?|service (?:comptab\w*|achats?|financier)|secretaires?|assistante?s?|femme|mari|epouse|epoux|conjointe?|compagne|compagnon|copine|copain|ami(?:e|es|s)?|voisine?s?|mere|pere|maman|papa|parents|soeurs?|freres?|fils|filles?|cousine?s?|oncle|tante|grand[- ](?:mere|pere|parents)|belle[- ](?:mere|soeur|famille)|beau[- ](?:pere|frere)|gardienne?|concierge|accountants?|bookkeeper|colleagues?|coworkers?|co-workers?|boss|(?:office|line) manager|employer|finance (?:team|department|dept)|accounts (?:team|department|dept)|pa|secretary|assistant|wife|husband|partner|girlfriend|boyfriend|fiancee?|friends?|neighbou?rs?|mum|mom|mother|dad|father|parents|sister|brother|son|daughter|cousin|aunt|uncle|gran|grandma|grandmother|grandad|grandfather|grandparents|in-laws|mother-in-law|father-in-law|landlord|landlady|doorman|porter|flatmate|housemate|roommate`;

/** A recipient who is not the writer, right after a send verb's object. */
const THIRD_PARTY = new RegExp([
  String.raw`\b(?:a|au|aux|chez|to|with|at) (?:mon|ma|mes|notre|nos|son|sa|ses|leur|leurs|la|le|les|l'|my|our|his|her|their|the|a)\s?(?:[a-z'-]+ ){0,2}(?:${RELATION})(?:'s)?\b`,
  String.raw`\bchez (?!(?:moi|nous|vous|toi|soi|eux)\b)[a-z]`,
  String.raw`\b(?:to|at) (?:him|her)\b`,
  // a double object: "email my accountant the invoice", "send my mum a copy"
  String.raw`^ ?(?:my|our) (?:[a-z'-]+ )?(?:${RELATION})\b(?!'s)`,
  String.raw`\b(?:a|to|at) (?:l'adresse|the address) (?:de|of) (?!(?:moi|mon|ma|mes|my)\b)`,
].join('|'));

/** The writer's own next step: what follows is the writer's doing ("…so I can forward it to my boss"). */
const WRITER_STEP = / (so|so that|and i|i'll|i will|i can|then i|pour que|pour qu'|afin|et je|je pourrai|je le|je la|je les)\b/;

/** Where the clause of a send verb ends: a clause break, a reason, or the writer named as recipient. */
const CLAUSE_END = /[,;:]| (because|since|je|j'|car|puisque|comme|parce)\b|\b(to me|to us|a moi|me|myself|moi-meme)\b/;

const PRONOUN_RECIPIENT = /\b(lui|leur) (?:(?:faire )?(?:envoyer|envoyez|transmettre|transmettez|adresser|adressez|parvenir|suivre|livrer)|l'envoyer)\b/;

const DOCUMENT = /\b(factur\w*|invoices?|receipts?|justificatifs?|copie|copy|duplicata|confirmation|pdf|documents?|bon de (commande|livraison)|e-?mails?|mails?|courriels?|message)\b/;

/** Whether a send verb in the sentence has a recipient, other than the writer, in its clause. */
function sendsToThirdParty(folded: string): boolean {
  const step = folded.search(WRITER_STEP);
  const asked = step >= 0 ? folded.slice(0, step) : folded;
  if (PRONOUN_RECIPIENT.test(asked)) return true;
  const verb = new RegExp(String.raw`\b(?:${SEND_VERB})\b`, 'g');
  let m: RegExpExecArray | null;
  while ((m = verb.exec(asked)) !== null) {
    const after = asked.slice(m.index + m[0].length, m.index + m[0].length + 90);
    const end = after.search(CLAUSE_END);
    const clause = end >= 0 ? after.slice(0, end) : after;
    if (THIRD_PARTY.test(clause)) return true;
  }
  return false;
}

/**
 * The kinds of ask to send or deliver to someone other than the writer in one customer ask: an e-mail address that is
 * not one of `own` (the sender's and the mailbox's addresses) next to a send verb, or a third-party recipient after one.
 */
export function recipientKinds(ask: Pick<CustomerAsk, 'folded'>, own: readonly string[]): RecipientKind[] {
  const folded = ask.folded;
  const mine = new Set(own.map((a) => a.toLowerCase()));
  const hasVerb = new RegExp(String.raw`\b(?:${SEND_VERB})\b`).test(folded);
  const otherAddress = emailsInText(folded).some((a) => !mine.has(a));
  if (hasVerb && otherAddress) return ['other_recipient'];
  if (!sendsToThirdParty(folded)) return [];
  return [DOCUMENT.test(folded) ? 'other_recipient' : 'redirect_delivery'];
}
