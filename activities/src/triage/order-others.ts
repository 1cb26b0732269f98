/**
 * Orders that are not the writer's: the mail may be about an order someone else placed ("my mother ordered one of
 * your teapots on her own account", "a parcel addressed to my neighbour … isn't mine") or about another shop's
 * order (a forwarded "Your order #KC-10594 is confirmed"). Then the writer's own orders are no evidence: goods, an
 * amount or the only open order of theirs that fit the words would answer with the wrong order's data. An order
 * reference in another format whose digits are one of the writer's own orders ("order ref. ML-10818") is theirs.
 * Pure over the text and the records it is given (FR/EN, accent-folded text).
 */
import type { OrderRecord } from '../domain/types';
import type { OrderFormat } from '../domain/order-format';
import { oneCharAway } from './entities';
import { fold } from './lexicon';

const RELATIVE_EN = String.raw`(?:mother|mum|mom|father|dad|husband|wife|partner|neighbou?r|sister|brother|daughter|son|friend|colleague|boss|aunt|uncle|grand(?:mother|father|ma|pa)|gran|nan|cousin|flatmate|housemate|(?:mother|father|sister|brother|daughter|son)-in-law)`;
const RELATIVE_FR = String.raw`(?:mere|maman|pere|papa|mari|femme|epouse|conjointe?|compagnon|compagne|voisine?|s(?:oe|œ)ur|frere|fille|fils|amie?|collegue|tante|oncle|grand-mere|grand-pere|belle-mere|beau-pere|belle-s(?:oe|œ)ur|beau-frere|belle-fille|beau-fils|cousine?)`;
/**
 * One or two words after a possessive that are not the writer ("my girlfriend", "ma belle-fille", "our new
 * neighbour"): goods do not order, so whoever "my …" is, when "my …" ordered, someone else did. Not "my wife and I",
 * nor an adverb of the writer's own ordering ("my recently ordered kettle").
 */
const SOMEONE_EN = String.raw`(?:my|our) (?:(?!(?:i|we|you|it|they|and|or)\b|[\p{L}'-]+ly\b)[\p{L}'-]+ ){1,2}`;
const SOMEONE_FR = String.raw`(?:ma|mon|notre) (?:(?!(?:je|j'|nous|moi|et|ou)\b)[\p{L}'-]+ ){1,2}`;
/** Words between the person and the ordering, the writer not among them ("my wife and I ordered", "mon mari et moi"). */
const GAP = String.raw`(?:(?!\b(?:and|&) (?:i|me|we)\b|\bet (?:moi|nous)\b)[^.!?\n]){0,40}`;
/** A person by title ("Mme Perrin", "a Mr Okafor"). */
const TITLED = String.raw`(?:m\.|mme|mlle|monsieur|madame|mr\.?|mrs\.?|ms\.?|miss)`;

/**
 * Someone else placed the order or owns the parcel: a relative or neighbour who ordered ("my mother ordered",
 * "ma voisine a commandé"), on their own account ("on her own account", "sur son propre compte"), a parcel addressed
 * to them ("addressed to my neighbour", "au nom de ma voisine"), or goods the writer says are not theirs ("this one
 * isn't mine", "ce n'est pas le mien").
 */
const SOMEONE_ELSES_ORDER: RegExp[] = [
  new RegExp(String.raw`\b(?:my|our) ${RELATIVE_EN}\b${GAP}\b(?:ordered|bought|purchased|placed (?:an|the|her|his|their) order)\b`),
  new RegExp(String.raw`\b${SOMEONE_EN}(?:has |had |just |already )?(?:ordered|bought|purchased|placed (?:an|the|her|his|their) order)\b`, 'u'),
  new RegExp(String.raw`\b(?:ma|mon|notre) ${RELATIVE_FR}\b${GAP}\b(?:a|avait) (?:\S+ )?(?:commande|achete|passe (?:une |sa |la )?commande)\b`),
  new RegExp(String.raw`\b${SOMEONE_FR}(?:a|avait) (?:deja |bien )?(?:commande|achete|passe (?:une |sa |la )?commande)\b`, 'u'),
  /\bc'est (?:elle|lui|eux|elles) qui (?:a|avait|ont) (?:passe (?:la |sa )?commande|commande|achete)\b/,
  /\bon (?:his|her|their) (?:own )?account\b|\b(?:sur|avec|depuis) son (?:propre )?compte\b|\ba son nom\b|\bin (?:his|her|their) name\b/,
  new RegExp(String.raw`\b(?:addressed|sent|delivered) to (?:my|our|the) ${RELATIVE_EN}\b|\b(?:adresse|envoye|livre)e? a (?:ma|mon|notre) ${RELATIVE_FR}\b|\bau nom de (?:ma|mon|notre) ${RELATIVE_FR}\b`),
  new RegExp(String.raw`\b(?:addressed to|in the name of|au nom de|adressee? a) (?:a |an |the )?${TITLED}(?= )`),
  /\b(?:isn't|is not|wasn't|was not|aren't|are not|definitely not|not) (?:mine|ours)\b|\b(?:n'est|c'est|ce n'est) (?:\S+ )?pas (?:le mien|la mienne|les miens|a moi|a nous)\b/,
  // the parcel or order is said not to be the writer's ("ce n'est pas ma commande", "this isn't my parcel")
  /\b(?:n'est|c'est|ce n'est|c'etait) (?:\S+ )?pas (?:ma|mon|notre) (?:commande|colis|paquet|carton)\b|\b(?:isn't|is not|wasn't|was not|it's not|that's not) (?:my|our) (?:order|parcel|package|box)\b/,
];
/**
 * A present the writer received: the giver bought it ("ma sœur m'a offert un blender", "offert par ma belle-sœur", "my
 * aunt gave me", "a present from a friend") — unless the writer also bought some themselves ("I grabbed two…, my
 * brother-in-law already gave me one"): then their own orders are still evidence.
 */
const PRESENT_RECEIVED: RegExp[] = [
  new RegExp(String.raw`\b(?:ma|mon|notre|une|un) ${RELATIVE_FR}\b${GAP}\bm'(?:a|ont|avait|avaient) (?:\S+ )?offerte?s?\b|\boffert(?:e|s|es)? par (?:ma|mon|notre|une|un) ${RELATIVE_FR}\b`),
  new RegExp(String.raw`\b(?:my|our|a) ${RELATIVE_EN}\b${GAP}\b(?:gave|bought) (?:me|us)\b|\b(?:a|as a) (?:gift|present|birthday present) from (?:my|our|a) ${RELATIVE_EN}\b`),
];
const WRITER_BOUGHT = /\b(?:i|we) (?:\w+ )?(?:ordered|bought|purchased|grabbed|picked up|placed an order)\b|\b(?:j'ai|nous avons) (?:\S+ )?(?:commande|achete|passe (?:une |la )?commande)\b/;
/** The writer says it is theirs all the same ("for me", "on my account", "pour moi"): the order may be in their record. */
const THEIRS_ALL_THE_SAME = /\b(?:for me|for us|on my account|with my account|from my account|pour moi|pour nous|sur mon compte|avec mon compte|depuis mon compte)\b/;

export function speaksOfSomeoneElsesOrder(text: string): boolean {
  const t = fold(text);
  const present = PRESENT_RECEIVED.some((re) => re.test(t)) && !WRITER_BOUGHT.test(t);
  return (present || SOMEONE_ELSES_ORDER.some((re) => re.test(t))) && !THEIRS_ALL_THE_SAME.test(t);
}

/**
 * An order reference in another shop's or another system's format after an order word: letters and digits
 * ("order #KC-10594", "commande n° AB12345", "order ref. ML-10818") or groups of digits ("order 402-8834120-5531907").
 * The shop's own prefix, or one letter off it, is read elsewhere (entities.findOrderNumbers, ownNumbersIn).
 */
const ORDER_REFERENCE = /\b(?:order|commande|bestellung|pedido|ordine|cde)\s*(?:(?:n°|no\.?|nr\.?|number|numero|num\.?|ref\.?|reference|#)\s*)*[:#]?\s*(?:([a-z]{1,5})[-_/]?)?(\d{3,}(?:-\d+)*)\b/g;
/** A calendar date written with hyphens ("order 2026-11-10") is no reference. */
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

export interface OtherFormatReferences {
  /** The writer's own orders whose digits the references carry (another prefix: "ML-10818"). */
  own: OrderRecord[];
  /** References that are no order of the writer's (another shop's, a marketplace's). */
  foreign: string[];
}

export function otherFormatReferences(text: string, own: readonly OrderRecord[], fmt: OrderFormat): OtherFormatReferences {
  const digitsOf = new Map(own.map((o) => [o.number.replace(/^\D+/, ''), o] as [string, OrderRecord]));
  const prefix = fmt.prefix.toLowerCase();
  const out: OtherFormatReferences = { own: [], foreign: [] };
  for (const m of fold(text).matchAll(ORDER_REFERENCE)) {
    const letters = m[1] ?? '';
    const digits = m[2]!;
    // the shop's format (or one letter off it) and bare digits are read elsewhere; only another format counts here
    if ((!letters && !digits.includes('-')) || ISO_DATE.test(digits)) continue;
    if (letters && (letters === prefix || letters === 'sku' || oneCharAway(letters, prefix))) continue;
    const mine = digitsOf.get(digits);
    if (mine) { if (!out.own.includes(mine)) out.own.push(mine); } else out.foreign.push(m[0]);
  }
  return out;
}
