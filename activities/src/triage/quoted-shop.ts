/**
 * Quoted text the sender presents as an earlier reply from the shop (carrier `quoted_shop`) is checked against what
 * we really sent: our replies carry Message-IDs `<32 hex>.reply@<support domain>` (mail/own-message-id.ts) recorded in
 * `sent_mail`, their text in `drafts`. A quote that matches none of the replies the thread names, and that promises
 * what the shop never offers (a forbidden commitment of the shop's policy — refund without return, compensation,
 * guaranteed dates — or a money voucher outside the approved offers), is an impersonation of the shop:
 * `tampered_quoted_text` (escalate), even with no instruction to an AI in it. Instructions in it are found by
 * injection.ts like in any other carrier.
 */
import type { ShopPolicies } from '../domain/types';
import type { CarrierSegment } from '../mail/carriers';
import { findForbiddenCommitments } from '../reply/commitment-check';
import { fold } from './lexicon';

/** Where the text of our sent replies is found by Message-ID (Postgres in production); absent in the CLI. */
export interface SentReplyLog {
  /** The bodies of the replies we sent whose Message-IDs are among `messageIds` (the thread's References). */
  bodiesOf(messageIds: string[]): Promise<string[]>;
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

export interface QuotedShopVerdict {
  /** The quote attributed to the shop matches none of our sent replies and promises what the shop never offers. */
  tampered: boolean;
  /** What it promises (the forbidden commitments and unapproved offers found). */
  promises: string[];
}

function collapse(text: string): string {
  return fold(text).replace(/^[ \t]*>+/gm, '').replace(/\s+/g, ' ').trim();
}

/** The verdict on the message's quotes attributed to the shop, given the texts of the replies we really sent. */
export function judgeQuotedShop(segments: CarrierSegment[], policies: ShopPolicies, sentBodies: string[]): QuotedShopVerdict {
  const sent = sentBodies.map(collapse);
  const promises: string[] = [];
  for (const s of segments) {
    if (s.carrier !== 'quoted_shop') continue;
    const quote = collapse(s.text);
    if (sent.some((body) => body.includes(quote) || quote.includes(body))) continue; // we did write it
    for (const hit of findForbiddenCommitments(s.text, policies.forbidden_commitments)) promises.push(hit.phrase);
    const folded = fold(s.text);
    if (MONEY_VOUCHER.some((re) => re.test(folded))) promises.push('money_voucher_not_approved');
  }
  return { tampered: promises.length > 0, promises: [...new Set(promises)] };
}
