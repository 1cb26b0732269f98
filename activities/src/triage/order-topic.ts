/**
 * Which of several orders the new text names is the one it is about. An order the writer says is settled — arrived
 * fine, refunded, nothing to report ("the refund on CMD-10640 came through fine", "la commande 10551 est bien arrivée,
 * rien à signaler") — is context; the mail is about one of the others. Pure text reading over accent-folded text.
 */
import { fold } from './lexicon';

export interface NamedOrder {
  number: string;
  /** Where the number starts in the text, and how long it is as written. */
  index: number;
  length: number;
}

/** What a writer says of an order that needs nothing more (FR/EN, accent-folded). */
const SETTLED: RegExp[] = [
  /\b(?:came through|arrived|turned up|got here|went through|was delivered|were delivered)\s+(?:fine|ok|okay|safely|safe and sound|in one piece|perfectly|without (?:a|any) (?:problem|hitch))\b/,
  /\b(?:is|was|are|were|that's|it's)\s+(?:all\s+)?(?:fine|sorted|settled|all good)\b/,
  /\bno (?:problems?|issues?|complaints?) (?:with|on|there)\b/,
  /\b(?:thanks|thank you|cheers) for (?:sorting|settling|handling|processing|the refund)\b/,
  /\bbien (?:arrivee?s?|recue?s?|livree?s?|remboursee?s?|parvenue?s?)\b/,
  /\brien a (?:signaler|dire|redire)\b/,
  /\b(?:tout (?:est|etait|va|allait)|c'est|c'etait) (?:ok|bon|parfait|en ordre|regle)\b/,
  /\b(?:aucun|pas de) (?:probleme|souci) (?:avec|pour|de ce cote)\b/,
  /\bmerci pour le remboursement\b/,
];
/** A negation right before the phrase ("n'est pas bien arrivée", "hasn't arrived fine"). */
const NEGATED_BEFORE = /(?:\b(?:pas|jamais|plus|not|never)|n't)\s+(?:\S+\s+)?$/;
const SENTENCE_END = /[.!?;\n]/;

/** The words around one named order, up to the sentence's end or the next order named, and whether they ask. */
function clauseOf(text: string, orders: readonly NamedOrder[], i: number): { words: string; asks: boolean } {
  const o = orders[i]!;
  const prevEnd = i > 0 ? orders[i - 1]!.index + orders[i - 1]!.length : 0;
  const nextStart = i + 1 < orders.length ? orders[i + 1]!.index : text.length;
  const before = text.slice(prevEnd, o.index);
  const cut = Math.max(...[...before.matchAll(/[.!?;\n]/g)].map((m) => m.index! + 1), 0);
  const afterAll = text.slice(o.index + o.length, nextStart);
  const end = afterAll.search(SENTENCE_END);
  const after = end < 0 ? afterAll : afterAll.slice(0, end);
  return { words: `${before.slice(cut)} ${after}`, asks: end >= 0 && afterAll[end] === '?' };
}

/** A contrast that goes on about the same order ("arrived fine, but the grinder in it is cracked"): two words at least. */
const CONTRAST_AFTER = /\b(?:but|however|except|though|mais|sauf|par contre|cependant|pourtant|seulement)\b\W*\p{L}+\W+\p{L}+/u;

function saysSettled(words: string): boolean {
  const t = fold(words);
  return SETTLED.some((re) => {
    const m = re.exec(t);
    return m !== null && !NEGATED_BEFORE.test(t.slice(0, m.index)) && !CONTRAST_AFTER.test(t.slice(m.index + m[0].length));
  });
}

/**
 * After two orders or more, a reference to one of them by its place: "la première", "le second", "la deuxième", "the
 * first one", "the former", "the latter". Not a first time, week or day ("la première fois", "the second week").
 */
const PLACE_REFERENCE = /\b(?:(?:la|le) (premiere|premier|seconde|second|deuxieme)|the (first|second|former|latter))\b(?!\s+(?:fois|semaine|jour|mois|annee|heure|minute|moitie|partie|etape|page|ligne|chose|time|times|week|day|month|year|hour|minute|half|part|step|page|line|thing|place)\b)/g;

/**
 * The order the text refers to by its place among the orders it named before ("CMD-10469 et CMD-10474. La seconde
 * n'est pas arrivée"): the first such reference after the last order named; null when there is none.
 */
export function orderReferredByPlace(text: string, named: readonly NamedOrder[]): string | null {
  const orders = [...named].sort((a, b) => a.index - b.index);
  const numbers = [...new Set(orders.map((o) => o.number))];
  if (numbers.length < 2) return null;
  const last = orders[orders.length - 1]!;
  const after = fold(text.slice(last.index + last.length));
  for (const m of after.matchAll(PLACE_REFERENCE)) {
    const word = m[1] ?? m[2]!;
    if (/^(?:premiere?|first|former)$/.test(word)) return numbers[0]!;
    if (word === 'latter') return numbers.length === 2 ? numbers[1]! : null;
    return numbers[1]!;
  }
  return null;
}

/**
 * The orders the text names (in order of appearance) that it does not say are settled, when it says so of some and
 * not of all; otherwise null (nothing to choose between: the caller keeps its own order).
 */
export function unsettledOrders(text: string, named: readonly NamedOrder[]): string[] | null {
  const orders = [...named].sort((a, b) => a.index - b.index);
  if (orders.length < 2) return null;
  const settled = orders.map((_, i) => {
    const clause = clauseOf(text, orders, i);
    return !clause.asks && saysSettled(clause.words);
  });
  const open = orders.filter((_, i) => !settled[i]).map((o) => o.number);
  const distinct = [...new Set(open)];
  return distinct.length && distinct.length < new Set(orders.map((o) => o.number)).size ? distinct : null;
}

/**
 * The new text says it is about something else than the thread it replies in: "rien à voir avec la commande
 * ci-dessous", "autre sujet que celui d'en dessous", "not the scale one below", "nothing to do with my last order",
 * "a different order this time". The orders the subject or the quoted history name are then context, not the topic.
 */
const SETS_ASIDE: RegExp[] = [
  /\b(?:rien a voir|sans rapport|aucun rapport) avec\b/, /\b(?:autre|nouveau|nouvelle) (?:sujet|question|demande|commande) que\b/,
  /\b(?:un|une) (?:autre|tout autre) (?:sujet|commande|affaire)\b/,
  /\bpas (?:de |pour |sur )?(?:celle|celui|la commande|le colis|la question|le sujet)(?: [\p{L}'-]+){0,2} (?:d'en dessous|ci-dessous|du dessous|plus bas|en dessous)\b/u,
  /\b(?:nothing to do with|unrelated to|not related to|separate from)\b/,
  /\b(?:a|another|a different|a separate) (?:order|matter|subject|topic|question|issue) (?:this time|altogether|entirely)\b/,
  /\b(?:another|a different|a separate) order\b/,
  // a question on another subject opened in the reply ("Different question while I've got you", "question sans rapport")
  /\b(?:different|separate|unrelated) (?:question|query|matter|topic|subject)\b/, /\b(?:question|sujet) (?:differente?|sans rapport)\b/,
  /\bnot (?:about )?the (?:[\p{L}'-]+ ){0,2}(?:one|order|thread|parcel|issue)s? (?:below|underneath|further down|in this thread|quoted)\b/u,
];

export const setsAsideThread = (text: string): boolean => { const t = fold(text); return SETS_ASIDE.some((re) => re.test(t)); };
