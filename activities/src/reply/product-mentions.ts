/**
 * Which catalogue products a piece of text talks about *as products of the shop*. A common word that happens to be in
 * a product's name is not enough ("your Deel balance", "my French is not very good", "the kitchen"): a product is
 * mentioned when
 * - a phrase of its name appears that contains the name's head noun ("kitchen scale", "moulin à café", "set de
 *   couteaux", "gift card"); or
 * - its head noun appears as a thing someone has or wants, in the head's own language: after a determiner, possessive
 *   or number of that language ("la balance", "my teapot", "deux gourdes", "which descaler"; "the balance" is an
 *   account's, not the French kitchen scale), not followed by "of" in English ("a scale of 1 to 10"); or
 * - a bare head is listed with such a mention ("la théière, cocotte et détartrant") or right after an order number
 *   ("CMD-10351 (théière, …").
 * Overlapping matches keep the longest: "bol inox pour le robot" is the bowl, not also the stand mixer; "knife
 * sharpener" is not also the knife set.
 */
import type { ProductRecord } from '../domain/types';
import { fold, stem } from './text-fold';
import { BoundedMemo } from '../domain/bounded-memo';

type NameLang = 'fr' | 'en';

/** Name words too generic to identify a product alone ("card" is a bank card more often than a gift card). */
const GENERIC = new Set(['card', 'carte', 'set', 'gift', 'cadeau', 'stainless', 'inox', 'electric', 'electrique']);

/** Words that link or count inside names and phrases ("moulin à café", "bowl 5 L for stand mixer"). */
const LINKS: Record<NameLang, Set<string>> = {
  fr: new Set(['a', 'au', 'aux', 'de', 'des', 'du', 'd', 'en', 'pour', 'le', 'la', 'les', 'l', 'avec', 'sans', 'x']),
  en: new Set(['a', 'an', 'the', 'for', 'of', 'with', 'without', 'and', 'x', 'my', 'your', 'our']),
};
const UNIT = /^(?:\d.*|l|cl|ml|g|kg|cm|mm|m)$/;

/** What makes a noun a thing owned, bought or wanted, per language. */
const DETERMINERS: Record<NameLang, Set<string>> = {
  fr: new Set(`le la les l un une des du mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces
    quel quelle quels quelles chaque aucun aucune plusieurs deux trois quatre cinq six autre autres`.split(/\s+/)),
  en: new Set(`the a an my your our his her their its this that these those which what any some each every another
    both one two three four five six s`.split(/\s+/)),
};
/** Words that may stand between a determiner and the head: French puts few adjectives first, English many nouns. */
const PRE_NOUN_FR = new Set(`nouveau nouvel nouvelle nouveaux nouvelles petit petite petits petites grand grande grands
  grandes gros grosse beau belle bon bonne autre meme premier premiere second seconde deuxieme vieux vieille ancien ancienne`.split(/\s+/));
const MAX_EN_MODIFIERS = 2;
const MAX_GAP = 4;

/** `stem` with short plurals too ("pans", "lids", "bols"), for names and text alike. */
function wordStem(w: string): string {
  return stem(w.length > 3 && /[sx]$/.test(w) && !/ss$/.test(w) ? w.slice(0, -1) : w);
}

interface NameModel {
  lang: NameLang;
  /** Stems of the name's content words, in order ("Moulin à café manuel" → moulin, cafe, manuel). */
  tokens: string[];
  /** Stems of the head noun (one word, or a hyphenated compound: grille-pain); empty when only generic words name it. */
  head: string[];
}

/** nameModel is pure and a catalogue's names are few: each is modelled once per process, not once per email. */
const NAME_MODELS = new BoundedMemo<NameModel>();

function nameModel(name: string, lang: NameLang): NameModel {
  return NAME_MODELS.get(`${lang}\u0000${name}`, () => buildNameModel(name, lang));
}

function buildNameModel(name: string, lang: NameLang): NameModel {
  const chunks = fold(name).split(/\s+/).map((c) => c.split(/[^a-z0-9]+/).filter(Boolean)).filter((c) => c.length > 0);
  const content = chunks.filter((c) => !(c.length === 1 && (LINKS[lang].has(c[0]!) || UNIT.test(c[0]!))) && !c.some((w) => /\d/.test(w)));
  const tokens = content.flat().map(wordStem);
  // French heads come first ("Balance de cuisine numérique"); English heads come last before a preposition or a
  // size ("Replacement whisk for stand mixer", "Sencha green tea 100 g").
  let candidates: string[][];
  if (lang === 'fr') candidates = content;
  else {
    const beforeTail: string[][] = [];
    let started = false;
    for (const c of chunks) {
      const isLink = c.length === 1 && LINKS.en.has(c[0]!);
      const isSize = c.some((w) => /\d/.test(w)) || (c.length === 1 && UNIT.test(c[0]!));
      if (started && (isLink || isSize)) break;
      if (isLink || isSize) continue;
      started = true;
      beforeTail.push(c);
    }
    candidates = [...beforeTail].reverse();
  }
  const head = candidates.find((c) => c.some((w) => !GENERIC.has(w)));
  return { lang, tokens, head: head ? head.map(wordStem) : [] };
}

interface Token {
  stem: string;
  word: string;
  start: number;
  end: number;
}

function tokenize(folded: string): Token[] {
  return [...folded.matchAll(/[a-z0-9]+/g)].map((m) => ({ stem: wordStem(m[0]), word: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/**
 * A closed compound written apart ("tea pot", "tea-pot" for a teapot): two neighbouring words are read as one when,
 * together, they are the one-word head of a catalogue name. Otherwise "tea pot" would name the tea.
 */
function joinSplitCompounds(toks: Token[], folded: string, heads: Set<string>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1];
    const joined = b ? wordStem(a.word + b.word) : '';
    if (b && /^[ -]$/.test(folded.slice(a.end, b.start)) && heads.has(joined)) {
      out.push({ stem: joined, word: a.word + b.word, start: a.start, end: b.end });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** A stretch of the (folded) text that names a product. */
export interface ProductSpan {
  product: ProductRecord;
  start: number;
  end: number;
}

interface Candidate {
  product: ProductRecord;
  lang: NameLang;
  first: number;
  last: number;
  size: number;
  framed: boolean;
}

const SENTENCE_BREAK = /[.!?;:,\n()]/;
/** Joining words of a list, per language of the bare head that joins it. */
const COORDINATION: Record<NameLang, RegExp> = { fr: /^\s*(?:,|et|ou|&|\+|\/)\s*$/, en: /^\s*(?:,|and|or|&|\+|\/)\s*$/ };

function isFunctionWord(w: string): boolean {
  return LINKS.fr.has(w) || LINKS.en.has(w) || DETERMINERS.fr.has(w) || DETERMINERS.en.has(w);
}

function isLinkWord(t: Token): boolean {
  return LINKS.fr.has(t.word) || LINKS.en.has(t.word) || UNIT.test(t.word);
}

/** Phrases of a name in the text: its words in order, only link words or sizes between them, within one clause. */
function phraseCandidates(product: ProductRecord, model: NameModel, toks: Token[], folded: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    let at = model.tokens.indexOf(toks[i]!.stem);
    if (at < 0) continue;
    const matched = [toks[i]!.stem];
    let last = i;
    for (let j = i + 1; j < toks.length && j - last <= MAX_GAP; j++) {
      if (SENTENCE_BREAK.test(folded.slice(toks[j - 1]!.end, toks[j]!.start))) break;
      const next = model.tokens.indexOf(toks[j]!.stem, at + 1);
      if (next >= 0) {
        matched.push(toks[j]!.stem);
        at = next;
        last = j;
      } else if (!isLinkWord(toks[j]!)) break;
    }
    const hasHead = model.head.length > 0 && model.head.every((h) => matched.includes(h));
    const whole = model.tokens.every((t) => matched.includes(t));
    if (matched.length >= 2 && (hasHead || whole)) out.push({ product, lang: model.lang, first: i, last, size: matched.length, framed: true });
  }
  return out;
}

/** The head noun alone: framed by a determiner of its language, else a bare head (kept only if listed with a mention). */
function headCandidates(product: ProductRecord, model: NameModel, toks: Token[], folded: string): Candidate[] {
  if (model.head.length !== 1) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.stem !== model.head[0]) continue;
    const framed = headFramed(model.lang, toks, i, folded);
    // A bare word that is a function word somewhere ("the" is also French thé) is never a list item.
    if (!framed && isFunctionWord(toks[i]!.word)) continue;
    out.push({ product, lang: model.lang, first: i, last: i, size: 1, framed });
  }
  return out;
}

/** Words of receipt or state that may follow a bare head opening a clause ("gourde reçue ce matin", "kettle arrived broken"). */
const STATE_AFTER: Record<NameLang, Set<string>> = {
  fr: new Set(`recu recue recus recues arrive arrivee arrives arrivees livre livree livres livrees casse cassee casses cassees
    abime abimee abimes abimees endommage endommagee endommages endommagees ebreche ebrechee ebreches ebrechees`.split(/\s+/)),
  en: new Set('received arrived delivered broken damaged cracked chipped dented'.split(' ')),
};

/**
 * A head opening a clause, said received or in some state right after it, one "bien"/"well"/"just" between at most:
 * the telegraphic "Gourde reçue aujourd'hui", "Teapot arrived chipped" name a thing the writer has, with no determiner.
 */
function telegraphicHead(lang: NameLang, toks: Token[], i: number, folded: string): boolean {
  if (isFunctionWord(toks[i]!.word)) return false;
  if (i > 0 && !SENTENCE_BREAK.test(folded.slice(toks[i - 1]!.end, toks[i]!.start))) return false;
  let j = i + 1;
  if (['bien', 'well', 'just', 'finally', 'enfin'].includes(toks[j]?.word ?? '')) j++;
  const next = toks[j];
  if (!next || SENTENCE_BREAK.test(folded.slice(toks[j - 1]!.end, next.start))) return false;
  return STATE_AFTER[lang].has(next.word);
}

function headFramed(lang: NameLang, toks: Token[], i: number, folded: string): boolean {
  if (telegraphicHead(lang, toks, i, folded)) return true;
  if (lang === 'en' && toks[i + 1]?.word === 'of' && !SENTENCE_BREAK.test(folded.slice(toks[i]!.end, toks[i + 1]!.start))) return false;
  for (let k = 1; k <= (lang === 'en' ? MAX_EN_MODIFIERS + 1 : 2); k++) {
    const j = i - k;
    if (j < 0 || SENTENCE_BREAK.test(folded.slice(toks[j]!.end, toks[j + 1]!.start))) return false;
    const w = toks[j]!.word;
    // a quantity frames a head ("2 théières"), but not a head that is also a function word: "#48213 - the teapot",
    // "CMD-10462 the toaster" write the English article after a number, not French thé
    if (DETERMINERS[lang].has(w) || (/^\d{1,3}$/.test(w) && !isFunctionWord(toks[i]!.word))) return true;
    if (lang === 'fr' ? !PRE_NOUN_FR.has(w) : LINKS.en.has(w) || LINKS.fr.has(w)) return false;
  }
  return false;
}

/** Right after an order number: "CMD-10351 (théière, …", "commande 10603 : bouilloire". */
function afterOrderNumber(folded: string, toks: Token[], i: number): boolean {
  return i > 0 && /\d/.test(toks[i - 1]!.word) && /^\s*[(:]\s*$/.test(folded.slice(toks[i - 1]!.end, toks[i]!.start));
}

export interface ProductMatcher {
  mentioned(text: string): ProductRecord[];
  /** Where each mention is, in `fold(text)` offsets, in text order. */
  spans(text: string): ProductSpan[];
}

/**
 * Everyday one-word names people give a kind of kitchen item the catalogue names otherwise ("my thermos" for an
 * insulated bottle, "mon mixeur" for a blender), by the words of the catalogue's English name. One distinctive word
 * each: a generic word ("pot", "oven", "maker") would name several products.
 */
const EVERYDAY_NAMES: Array<{ when: RegExp; en: string[]; fr: string[] }> = [
  { when: /\b(?:insulated|vacuum) bottle\b/, en: ['thermos', 'flask'], fr: ['thermos'] },
  { when: /\bknife set\b/, en: ['knives'], fr: [] },
  { when: /\bfrying pan\b/, en: ['skillet', 'frypan'], fr: [] },
  { when: /\bblender\b/, en: ['liquidiser', 'liquidizer'], fr: ['mixeur', 'blendeur'] },
  { when: /\bdescaler\b/, en: [], fr: ['anticalcaire'] },
];

/** Pure in the English name, like nameModel: read once per process, not once per matcher. */
const EVERYDAY_MODELS = new BoundedMemo<NameModel[]>();

function everydayNames(p: ProductRecord): NameModel[] {
  return EVERYDAY_MODELS.get(p.name_en, () => {
    const en = fold(p.name_en);
    return EVERYDAY_NAMES.filter((a) => a.when.test(en))
      .flatMap((a) => [...a.en.map((n) => nameModel(n, 'en')), ...a.fr.map((n) => nameModel(n, 'fr'))]);
  });
}

export function productMatcher(products: ProductRecord[]): ProductMatcher {
  const models = products.map((p) => ({
    product: p, names: [nameModel(p.name_fr, 'fr'), nameModel(p.name_en, 'en'), ...everydayNames(p)],
  }));
  const oneWordHeads = new Set(models.flatMap(({ names }) => names.filter((m) => m.head.length === 1).map((m) => m.head[0]!)));
  // the callers ask about one email's text many times over: its spans are read once
  let last: { text: string; spans: ProductSpan[] } | null = null;
  const spans = (text: string): ProductSpan[] => {
    if (last?.text !== text) last = { text, spans: findSpans(text) };
    return last.spans.map((s) => ({ ...s }));
  };
  const findSpans = (text: string): ProductSpan[] => {
    const folded = fold(text);
    const toks = joinSplitCompounds(tokenize(folded), folded, oneWordHeads);
    // a name none of whose words is in the text has no candidate there
    const present = new Set(toks.map((t) => t.stem));
    const inText = (m: NameModel): boolean => m.tokens.some((t) => present.has(t)) || m.head.some((t) => present.has(t));
    const all = models.flatMap(({ product, names }) => names.filter(inText)
      .flatMap((m) => [...phraseCandidates(product, m, toks, folded), ...headCandidates(product, m, toks, folded)]));
    const taken = new Array<boolean>(toks.length).fill(false);
    const chosen: Candidate[] = [];
    const free = (c: Candidate) => taken.slice(c.first, c.last + 1).every((t) => !t);
    const take = (c: Candidate) => { chosen.push(c); for (let k = c.first; k <= c.last; k++) taken[k] = true; };
    // Longest first; a match of the same stretch for two products keeps both (the text does not say which).
    const framed = all.filter((c) => c.framed).sort((a, b) => b.size - a.size || (b.last - b.first) - (a.last - a.first));
    for (const c of framed) {
      if (free(c) || chosen.some((o) => o.first === c.first && o.last === c.last && o.size === c.size)) take(c);
    }
    // Bare heads listed with a mention, or starting a list after an order number.
    const bare = all.filter((c) => !c.framed);
    for (let grew = true; grew;) {
      grew = false;
      for (const c of bare) {
        if (!free(c)) continue;
        const listed = afterOrderNumber(folded, toks, c.first) || chosen.some((o) =>
          (o.last < c.first && COORDINATION[c.lang].test(folded.slice(toks[o.last]!.end, toks[c.first]!.start)))
          || (c.last < o.first && COORDINATION[c.lang].test(folded.slice(toks[c.last]!.end, toks[o.first]!.start))));
        if (listed) { take(c); grew = true; }
      }
    }
    return chosen
      .map((c) => ({ product: c.product, start: toks[c.first]!.start, end: toks[c.last]!.end }))
      .sort((a, b) => a.start - b.start);
  };
  return {
    spans,
    mentioned(text: string): ProductRecord[] {
      const seen = new Set<string>();
      return spans(text).map((s) => s.product).filter((p) => !seen.has(p.sku) && (seen.add(p.sku), true))
        .sort((a, b) => products.indexOf(a) - products.indexOf(b));
    },
  };
}

/** Products whose exact name (either language) appears in the text: what a draft states, not what a customer alludes to. */
export function productsNamedExactly(text: string, products: ProductRecord[]): { product: ProductRecord; name: string; index: number }[] {
  const hay = fold(text);
  const out: { product: ProductRecord; name: string; index: number }[] = [];
  for (const p of products) {
    for (const name of new Set([p.name_fr, p.name_en])) {
      const needle = fold(name);
      let from = 0;
      for (;;) {
        const i = hay.indexOf(needle, from);
        if (i < 0) break;
        out.push({ product: p, name, index: i });
        from = i + needle.length;
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Saying a product is one's own: "j'ai / nous avons / je possède (la, une, votre…) <product>", "my / mon <product>",
 * "I have / I've had / I own / I bought (the…) <product>" right before the mention, or "<product> (que) j'ai acheté(e)
 * / I bought / I have / achetée chez vous" right after it. "Votre théière" written to the shop is the shop's.
 */
const OWN_VERB = String.raw`\b(?:j ?ai|nous avons|on a|je possede|nous possedons|i have|i ve|ive|i own|we have|we ve|i bought|we bought|i got)`;
const OWN_FILLER = String.raw`(?: (?:deja|bien|already|had|got|bought|been using|le|la|les|l|un|une|des|du|votre|vos|ce|cet|cette|the|a|an|your|this|that|\d+\w*)){0,4}`;
const OWN_BEFORE = new RegExp(String.raw`(?:${OWN_VERB}${OWN_FILLER}|\b(?:mon|ma|mes|notre|nos|my|our)(?: \w+){0,2}) ?$`);
const OWN_AFTER = /^ ?(?:\w+ ){0,3}?(?:(?:que|qu) (?:j ?ai|nous avons) (?:\w+ )?(?:achete|commande|recu|eu)\w*|i (?:bought|have|got|ordered)|we (?:bought|have|got)|achete\w* chez vous|commande\w* chez vous|bought from you|from you)\b/;

/** Whether the text says the customer has this product (a mention framed as theirs). */
export function saidToOwn(text: string, product: ProductRecord, matcher: ProductMatcher): boolean {
  const folded = fold(text).replace(/'/g, ' ');
  const spans = matcher.spans(text).filter((s) => s.product.sku === product.sku);
  return spans.some((s) => {
    const before = folded.slice(Math.max(0, s.start - 40), s.start).split(/[.!?;,\n()]/).pop() ?? '';
    const after = folded.slice(s.end, s.end + 40).split(/[.!?;,\n()]/)[0] ?? '';
    return OWN_BEFORE.test(before) || OWN_AFTER.test(after);
  });
}

/** "deux cartes cadeaux", "2 x teapot", "three bottles", "une dizaine de sachets": more than one of a product. */
const SEVERAL_BEFORE = /(?:\b(?:[2-9]|\d{2,})(?: ?x)?|\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|douze|quelques|plusieurs|dizaine de|two|three|four|five|six|seven|eight|ten|twelve|several|a few|a couple of|a pair of|pair of))(?: \w+)? ?$/;

/** Whether the text asks for more than one of this product. */
export function saidSeveral(text: string, product: ProductRecord, matcher: ProductMatcher): boolean {
  const folded = fold(text);
  return matcher.spans(text).some((s) => s.product.sku === product.sku
    && SEVERAL_BEFORE.test(folded.slice(Math.max(0, s.start - 30), s.start).split(/[.!?;,\n()]/).pop() ?? ''));
}

/** Clauses where the customer is content with an item ("la balance me convient très bien", "the teapot is lovely"). */
const POSITIVE = /\b(convient|parfait\w*|magnifique\w*|tres bien|super|ravie?s?|adore\w*|lovely|love|great|perfect|fine|brilliant|happy with|were there|was there|etaient la|etait la|intact\w*|en bon etat|in good condition)\b/;
const NEGATIVE = /\b(pas|ne|n'|plus|non|not|no|n't|isn't|wasn't|missing|manqu\w*|absent\w*|casse|cassee|casses|cassees|ebrech\w*|fissur\w*|abime\w*|endommag\w*|damaged|broken|cracked|chipped|faulty|defectu\w*|bruyant\w*|noisy|trop|too|return\w*|retourn\w*|renvo\w*|send (it )?back|refund\w*|rembours\w*|probleme|problem|issue|souci)\b/;

/**
 * The mentioned products the request is about: a product named only in clauses where the customer is content with
 * it is left out ("Les deux poêles sont parfaites, mais la théière est arrivée ébréchée" → the teapot). When that
 * would leave nothing, every mentioned product is kept.
 */
export function concernedProducts(text: string, matcher: ProductMatcher): ProductRecord[] {
  const all = matcher.mentioned(text);
  if (all.length <= 1) return all;
  const folded = fold(text);
  const clauses = [...folded.matchAll(/[^.!?;:\n,]+?(?=[.!?;:\n,]|\bmais\b|\bbut\b|\bhowever\b|\bcependant\b|\bpar contre\b|$)/g)]
    .map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  const content = new Set(matcher.spans(text)
    .filter((s) => {
      const clause = clauses.find((c) => s.start >= c.start && s.start < c.end);
      return !clause || !(POSITIVE.test(clause.text) && !NEGATIVE.test(clause.text));
    })
    .map((s) => s.product.sku));
  const concerned = all.filter((p) => content.has(p.sku));
  return concerned.length ? concerned : all;
}
