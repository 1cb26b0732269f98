/**
 * Forbidden commitments (shop policy `forbidden_commitments`), caught in French and English, whatever the accents,
 * case or wording: each phrase is reduced to the concepts it combines (guarantee + delivery date, refund + no return,
 * compensation…) and a sentence of the draft fires when it holds them all and does not negate them.
 */
import { fold } from './text-fold';

/** Concepts and the folded word stems (or short phrases) that express them in FR and EN. */
const CONCEPTS: Record<string, RegExp> = {
  guarantee: /\b(garanti\w*|guarant\w*|assur\w*|certainement|certain (que|to)|for certain|definitely|promis\w*|promet\w*|promett\w*|engag\w*|sans faute|a coup sur|for sure|100 ?%)/,
  delivery: /\b(livr\w*|deliver\w*|arriv\w*|receiv\w*|recevr\w*|recev\w*|reception|colis|parcel|expedi\w*)/,
  date: new RegExp(
    '\\b(date|jour|day|delai|deadline|d\'ici|before|avant|by|precis\\w*|specific|demain|tomorrow|' +
    'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
    '\\d{1,2}(er|st|nd|rd|th)? (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|' +
    'january|february|march|april|may|june|july|august|september|october|november|december)|' +
    '(january|february|march|april|may|june|july|august|september|october|november|december) \\d{1,2}|\\d{1,2}/\\d{1,2})',
  ),
  refund: /\b(rembours\w*|refund\w*|money back)/,
  full: /\b(integral\w*|total\w*|full\w*|entier\w*|complet\w*|100 ?%|tout)/,
  noReturn: /\b(sans (retour|renvo\w*|nous (le|la|les) (retourner|renvoyer))|without (a |any )?return\w*|no (need to )?return\w*|no need to send|keep (the|it|your)|gard(er|ez) (l'article|le produit|votre|le|la)|pas besoin de (retourner|renvoyer))/,
  compensation: /\b(dedommag\w*|indemni\w*|compensat\w*|reparation financiere|damages)\b/,
};

/** Which concept set each known forbidden phrase stands for; unknown phrases fall back to their own words. */
const KNOWN: { test: RegExp; concepts: string[][] }[] = [
  { test: /(delai|date).*(livraison).*garanti|garanti.*(delai|date).*livraison|guaranteed delivery|delivery date guarant/, concepts: [['guarantee', 'delivery', 'date']] },
  { test: /rembours.*sans retour|refund.*without return/, concepts: [['refund', 'noReturn'], ['refund', 'guarantee', 'full']] },
  { test: /dedommag|compensation|indemni/, concepts: [['compensation']] },
];

const NEGATION = /\b(ne|n'|pas|jamais|aucun\w*|not|no|never|cannot|can't|can ?not|unable|impossible|sans pouvoir)\b/;

export interface CommitmentHit {
  phrase: string;
  sentence: string;
}

function sentences(text: string): string[] {
  return fold(text).split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

function conceptsOf(phrase: string): string[][] {
  const f = fold(phrase);
  const known = KNOWN.find((k) => k.test.test(f));
  if (known) return known.concepts;
  return [Object.entries(CONCEPTS).filter(([, re]) => re.test(f)).map(([name]) => name)].filter((c) => c.length > 0);
}

/** A sentence negating the commitment ("nous ne pouvons pas garantir de date") is not a commitment — except for compensation words, which are never written. */
function holds(sentence: string, concepts: string[]): boolean {
  if (!concepts.every((c) => CONCEPTS[c]!.test(sentence))) return false;
  if (concepts.length === 1 && concepts[0] === 'compensation') return true;
  // "no need to return" is the commitment itself, not a negation of it.
  return !NEGATION.test(sentence.replace(new RegExp(CONCEPTS.noReturn!.source, 'g'), ' '));
}

export function findForbiddenCommitments(text: string, forbidden: string[]): CommitmentHit[] {
  const hits: CommitmentHit[] = [];
  const sents = sentences(text);
  const folded = fold(text).replace(/\s+/g, ' ');
  for (const phrase of forbidden) {
    const literal = fold(phrase).replace(/\s+/g, ' ');
    if (folded.includes(literal)) {
      hits.push({ phrase, sentence: literal });
      continue;
    }
    for (const concepts of conceptsOf(phrase)) {
      const s = sents.find((x) => holds(x, concepts));
      if (s) {
        hits.push({ phrase, sentence: s });
        break;
      }
    }
  }
  return hits;
}

/**
 * Promises that a person will follow up ("un conseiller revient vers vous", "one of our advisers will get back to
 * you", "a team member will check"), or that the shop will do something later that nothing in the pipeline does ("you
 * will receive an email", "we will take it up with the carrier", "nous vous rembourserons"). Right in a draft a reviewer
 * sends, a broken promise in an automatic reply (a model may write one; so may a wording a person saved): the check
 * stage reports them so such a draft is never auto-sent. The shipped wording makes none in an automatic reply.
 */
const LATER_ACT_FR = '(?:envoyer|renvoyer|reexpedier|expedier|contacter|recontacter|rappeler|appeler|rembourser|relancer|transmettre|ecrire|verifier|regarder|voir avec|faire le necessaire|tenir informe\\w*|remplacer|echanger|proceder|organiser|prevenir|informer|confirmer|occuper)';
/** Verbs in the future, first person plural, that put the shop to work later ("nous vous rembourserons"); not "espérons". */
const LATER_FUTURE_FR = '(?:enverrons|renverrons|reexpedierons|expedierons|contacterons|recontacterons|rappellerons|appellerons|rembourserons|transmettrons|relancerons|indiquerons|tiendrons|interviendrons|procederons|ferons|verifierons|reviendrons|remplacerons|echangerons|ecrirons|occuperons|chargerons|organiserons|informerons|confirmerons|regarderons|prendrons)';
const FOLLOW_UP = [
  // a person following up
  /\bun conseiller\b/, /\bun membre de (?:notre|l')\s?equipe\b/, /\b(?:revient|revenons|reviens|reviendra|reviendrons) vers vous\b/, /\bvous (?:re)?contactera\b/,
  /\bone of our advisers\b/, /\ba (?:member of our team|team member)\b/, /\bget back to you\b/, /\bwill (?:be in touch|contact you)\b/,
  /\b(?:our|the) team will (?:check|contact|call|reply|get back|look|be in touch|send|follow)\b/,
  // the shop acting later: what the writer (I/we/nous/je/on) will do, and what "will be done" for the customer
  /\bvous recevrez\b/, /\bvous serez (?:rembourse|recontacte|contacte|rappele|informe|prevenu)/,
  /\bvous sera(?:it)? (?:envoye|adresse|transmis|rembourse|reexpedie|renvoye|communique)/,
  new RegExp(`\\bnous (?:(?:vous|le|la|les|l'|lui|leur|en|y) ?)*${LATER_FUTURE_FR}\\b`),
  new RegExp(`\\b(?:nous (?:allons|nous engageons a)|je vais|on va) (?:(?:vous|le|la|les|l'|lui|leur|en|y|nous) ?)*${LATER_ACT_FR}\\b`),
  /\bon vous (?:recontacte|contacte|rappelle|renvoie|rembourse|tient au courant)\b/,
  /\byou(?: will|'ll) (?:receive|hear (?:from|back))\b/,
  /\b(?:i|we)(?: will|'ll| shall| am going to| are going to|'m going to|'re going to)(?: then| also| now| soon| gladly| happily| certainly| personally)? (?!be (?:happy|glad|delighted|pleased|closed|open)\b|answer\b)[a-z]/,
  /\bwill be (?:issued|sent|refunded|replaced|reshipped|re-?sent|processed|credited|arranged|e-?mailed|posted|dispatched|collected|picked up|contacted|called|notified)\b/,
  /\bwe are (?:contacting|chasing|looking into|investigating|checking with)\b/,
  /\bvous allez (?:recevoir|etre (?:rembourse|recontacte|contacte|rappele|livre))/, /\b(?:va|vont) vous (?:contacter|rappeler|appeler|envoyer|renvoyer|rembourser)\b/,
  /\bsera (?:effectue|traite|credite|verse|emis|envoye|expedie)e?s?\b/, /\bwill go through\b/,
  /\b(?:is|are) being (?:sent|dispatched|reshipped|re-?sent|refunded|processed|prepared for you)\b/,
];

export function findFollowUpPromises(text: string): string[] {
  const f = fold(text);
  return FOLLOW_UP.map((re) => re.exec(f)?.[0]).filter((m): m is string => m !== undefined);
}
