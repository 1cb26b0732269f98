/**
 * What we keep of a reply we sent, to recognise it later when a customer quotes it back, without keeping its text
 * a second time: the hashes of its overlapping runs of SHAPE_WORDS words ("shingles"), normalised so that what mail
 * clients do to a quote does not matter (">" markers, re-wrapped lines, case, accents, punctuation, typographic
 * quotes). A quote is ours when every one of its shingles is among a reply's: a customer may quote less than we
 * wrote (a trimmed signature), never something we did not write — one changed or added word makes new shingles.
 *
 * The hashes are keyed by the reply's Message-ID, so equal phrases of two replies do not share a hash and no table
 * computed once serves for every row. A hash of a few words can still be confirmed by someone who guesses the words;
 * this is a check, not a vault: the draft the reply came from is in `drafts` anyway.
 */
import { createHash } from 'node:crypto';

/** Words per shingle: long enough that a run of words pins its place in the text, short enough to survive re-wrapping. */
export const SHINGLE_WORDS = 5;

/** The words of a text as compared: quote markers dropped, accents folded, lower case, letters and digits only. */
export function comparableWords(text: string): string[] {
  const unquoted = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
  const folded = unquoted.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function bareId(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '').toLowerCase();
}

/** The keyed hashes of a text's shingles (a text shorter than one shingle is one shingle), sorted, without repeats. */
export function replyFingerprint(messageId: string, text: string): string[] {
  const words = comparableWords(text);
  if (words.length === 0) return [];
  const key = bareId(messageId);
  const runs = words.length <= SHINGLE_WORDS
    ? [words.join(' ')]
    : Array.from({ length: words.length - SHINGLE_WORDS + 1 }, (_, i) => words.slice(i, i + SHINGLE_WORDS).join(' '));
  const hashes = runs.map((run) => createHash('sha256').update(`${key}\u0000${run}`).digest('hex').slice(0, 32));
  return [...new Set(hashes)].sort();
}

/** A reply we sent: its Message-ID and the fingerprint of the text that left (after any reviewer's edit). */
export interface SentReplyFingerprint {
  messageId: string;
  fingerprint: string[];
}

/** True when every shingle of the quote is one of the reply's: the quote is (part of) what we sent, unchanged. */
export function quoteIsFrom(quote: string, reply: SentReplyFingerprint): boolean {
  const own = new Set(reply.fingerprint);
  const shingles = replyFingerprint(reply.messageId, quote);
  return shingles.length > 0 && shingles.every((h) => own.has(h));
}
