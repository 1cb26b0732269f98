/**
 * Escalation keywords (shop policy + policy file) and their defusal: a keyword inside a defusing context
 * ("procès-verbal de livraison"), directly negated ("no dispute", "pas de litige") or out of the escalation's scope
 * (keyword-scope.ts: a dispute the writer withdrew, a strike's threat, a bank's fraud check of the writer's own
 * payment) does not escalate.
 */
import type { RoutingPolicy } from './policy';
import { fold } from './lexicon';
import { keywordOutOfScope, type OutOfScope } from './keyword-scope';
import { BoundedMemo } from '../domain/bounded-memo';

export interface KeywordHits {
  live: string[]; // keywords that force escalation
  defused: string[]; // keywords found only in defusing contexts
  /** The folded text with defusing contexts blanked out, for intent scoring. */
  defusedText: string;
  /** Keywords read out of the escalation's scope, and why (for the reviewer; fixed words, no customer text). */
  outOfScope: { keyword: string; why: OutOfScope }[];
  /**
   * Live keywords written as a bare tag, in a fragment of at most three words between sentence ends or line breaks
   * ("Thanks – fraud", "Lawyer copied.", "Litige !"): no sentence around them a reading could find innocent.
   */
  bare: string[];
}

/** A fragment this short around a keyword is a tag, not a sentence. */
const BARE_FRAGMENT_WORDS = 3;
const FRAGMENT_END = /[.!?;:\n]/;

function inBareFragment(folded: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !FRAGMENT_END.test(folded[a - 1]!)) a--;
  let b = end;
  while (b < folded.length && !FRAGMENT_END.test(folded[b]!)) b++;
  return (folded.slice(a, b).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= BARE_FRAGMENT_WORDS;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Inflections a keyword may carry: litiges, threatened, fraudulent, frauduleuse, menacer... */
const SUFFIX = '(?:s|es|e|d|ed|ened|ening|ing|r|er|ers|ur|urs|use|uses|ulent|ulente|uleuse|uleux|ulently)?';
const NEGATION = /(?:\bno|\bnot(?: an?| any)?|n't(?: an?| any)?|\bpas (?:de|d'|un|une|du)|\baucune?|\bsans|\bni|\bnullement|\bjamais (?:de|d'))\s*$/;
/**
 * The act itself denied just before the keyword: "je ne porte pas plainte", "I'm not opening a dispute", "not looking to
 * start a dispute". (A legal procedure denied but kept in view — "je ne veux pas en arriver au procès" — is still
 * raised by the procedure floor, legal-procedure.ts.)
 */
const DENIED_ACT = /(?:\bn(?:e |')\w+ (?:pas|jamais)(?: (?:de|d'|un|une|du|la|le))?|\bnot (?:\w+ing|looking to \w+|trying to \w+)(?: an?| any| the)?)\s*$/;

/**
 * The compiled patterns, by keyword and by defusing context: the policy's lists are the same from one email to the
 * next, so each is compiled once per process (matchAll copies the regexp, so sharing a `g` one is safe).
 */
const COMPILED = new BoundedMemo<RegExp>();

/**
 * The longest blank-free piece of a folded keyword or context: its pattern matches only where that piece is written, so
 * a text without it skips the pattern. V8 drops a regexp's code when it has not run between two full GCs, and compiling
 * a keyword's \p{L}\p{N} boundaries again costs more than matching it (test/bench/regexp-gc.ts).
 */
const PIECES = new BoundedMemo<string>();

function literalPiece(key: string, folded: () => string): string {
  return PIECES.get(key, () => folded().split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
}

const contextRegex = (ctx: string): RegExp => COMPILED.get(`c\u0000${ctx}`, () => new RegExp(escapeRe(ctx).replace(/\s+/g, '\\s+'), 'g'));
const keywordRegex = (keyword: string): RegExp => COMPILED.get(`k\u0000${keyword}`, () => buildKeywordRegex(keyword));

function buildKeywordRegex(keyword: string): RegExp {
  const folded = fold(keyword);
  const k = escapeRe(folded).replace(/\s+/g, '\\s+');
  // accented keywords take no inflection once folded ("procès" must not match "process")
  const suffix = folded === keyword.toLowerCase() ? SUFFIX : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${k}${suffix}(?![\\p{L}\\p{N}])`, 'gu');
}

export function findKeywordHits(text: string, policy: RoutingPolicy): KeywordHits {
  const folded = fold(text);
  const contexts = [...policy.defusingContexts.fr, ...policy.defusingContexts.en].map(fold);
  const blanked: [number, number][] = [];
  for (const ctx of contexts) {
    if (!folded.includes(literalPiece(`c\u0000${ctx}`, () => ctx))) continue;
    for (const m of folded.matchAll(contextRegex(ctx))) blanked.push([m.index!, m.index! + m[0].length]);
  }
  const live = new Set<string>();
  const bare = new Set<string>();
  const defused = new Set<string>();
  const outOfScope: KeywordHits['outOfScope'] = [];
  for (const kw of [...policy.escalationKeywords.fr, ...policy.escalationKeywords.en]) {
    if (!folded.includes(literalPiece(`k\u0000${kw}`, () => fold(kw)))) continue;
    for (const m of folded.matchAll(keywordRegex(kw))) {
      const s = m.index!;
      const e = s + m[0].length;
      const inContext = blanked.some(([a, b]) => s < b && a < e);
      const before = folded.slice(Math.max(0, s - 32), s);
      const negated = NEGATION.test(before.slice(-16)) || DENIED_ACT.test(before);
      const why = inContext || negated ? null : keywordOutOfScope(folded, s, e);
      if (why) outOfScope.push({ keyword: kw, why });
      if (inContext || negated || why) {
        defused.add(kw);
        if (negated || why) blanked.push([s, e]);
      } else {
        live.add(kw);
        if (inBareFragment(folded, s, e)) bare.add(kw);
      }
    }
  }
  let defusedText = folded;
  for (const [a, b] of blanked) defusedText = defusedText.slice(0, a) + ' '.repeat(b - a) + defusedText.slice(b);
  return {
    live: [...live], defused: [...defused].filter((k) => !live.has(k)), defusedText,
    outOfScope: outOfScope.filter((o) => !live.has(o.keyword)), bare: [...bare],
  };
}
