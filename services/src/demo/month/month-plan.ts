/**
 * The simulated month of the demo (`pnpm demo`, services/src/demo/month/README.md): which emails arrive when, and what
 * the simulated people do with them: when a reviewer decides and how, whether and when the customer rates the reply.
 * Deterministic for a seed (same seed, same emails byte for byte, same decisions); only the simulated instants move
 * with `end`. Pure.
 *
 * The emails are `replique gen-inbox`'s (ml/inbox-generator.ts). Every third customer of the shop never writes: they are
 * the baseline customers conversion after email is measured against (services/src/kpi/README.md).
 */
import { generateInbox, type ShopData } from '../../../../ml/inbox-generator';
import { mulberry32 } from '@replique/activities/domain/seeded-random';

export type ReviewAction = 'approve' | 'edit' | 'reject';

export interface PlannedEmail {
  file: string;
  kind: string;
  lang: 'fr' | 'en';
  raw: Buffer;
  /** When the email is received, in simulated time. */
  receivedAt: Date;
  /** If it waits for a reviewer: how long after its arrival a reviewer decides, and what. */
  review: { afterMs: number; action: ReviewAction };
  /** If its reply is rated: how long after the reply, and the score (1–5). */
  rating: { afterMs: number; score: number } | null;
  /** If the customer writes again about the same matter after an automatic reply: how long after it. */
  followUp: { afterMs: number } | null;
}

export interface MonthPlanOptions {
  seed: number;
  emails: number;
  days: number;
  /** The end of the month (exclusive), e.g. today at 00:00 UTC: every simulated instant is before it. */
  end: Date;
  /** Share of the customers who write again after an automatic reply (re-escalation). Default 0.1. */
  followUpShare?: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Scores of the rated replies, as weights for 5, 4, 3, 2, 1: about 85 % of 4 and 5, the target's edge. */
const SCORE_WEIGHTS: Array<[number, number]> = [[5, 52], [4, 33], [3, 7], [2, 4], [1, 4]];
const RATED_SHARE = 0.45;

/** The customers who never write in the simulated month (every third, in the shop's order). */
export function baselineCustomerIds(shop: Pick<ShopData, 'customers'>): Set<string> {
  return new Set(shop.customers.filter((_, i) => i % 3 === 2).map((c) => c.id));
}

export function planMonth(shop: ShopData, options: MonthPlanOptions): PlannedEmail[] {
  const rand = mulberry32(options.seed);
  const silent = new Set(shop.customers.filter((c) => baselineCustomerIds(shop).has(c.id)).map((c) => c.email.toLowerCase()));
  // Three times as many as needed, then the first `emails` of those no baseline customer wrote.
  const inbox = generateInbox(shop, options.emails * 3, options.seed)
    .filter((e) => !silent.has(senderOf(e.raw)))
    .slice(0, options.emails);
  const start = options.end.getTime() - options.days * DAY;
  const planned = inbox.map((email, i): PlannedEmail => {
    const day = Math.floor((i * options.days) / inbox.length);
    // Office hours mostly: 07:00–21:00 UTC, a few in the night.
    const hour = rand() < 0.9 ? 7 + rand() * 14 : rand() * 24;
    const receivedAt = new Date(start + day * DAY + Math.floor(hour * HOUR));
    // A reviewer's delay: log-normal around 2 h (10 min to 40 h), so some complex emails miss their 24 h target.
    const reviewDelay = Math.min(40 * HOUR, Math.max(10 * 60_000, 2 * HOUR * Math.exp(1.1 * normal(rand))));
    const a = rand();
    const action: ReviewAction = a < 0.8 ? 'approve' : a < 0.92 ? 'edit' : 'reject';
    const rated = rand() < RATED_SHARE;
    const rating = { afterMs: Math.floor(15 * 60_000 + rand() * 36 * HOUR), score: weighted(rand, SCORE_WEIGHTS) };
    const followUp = { afterMs: Math.floor(6 * HOUR + rand() * 5 * DAY) };
    return {
      file: email.file, kind: email.kind, lang: email.lang, raw: Buffer.from(email.raw, 'utf8'), receivedAt,
      review: { afterMs: Math.floor(reviewDelay), action }, rating: rated ? rating : null,
      followUp: rand() < (options.followUpShare ?? 0.1) ? followUp : null,
    };
  });
  return planned.sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime());
}

/**
 * The customer's new email about the same matter, in the thread of the shop's reply (`replyMessageId`): the same
 * sender and request, a line saying it is not settled, dated `afterMs` after the original's Date header (so its bytes
 * do not depend on the day the month is replayed). Same inputs, same bytes.
 */
export function followUpEmail(original: Buffer, replyMessageId: string, lang: 'fr' | 'en', afterMs: number): Buffer {
  const text = original.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const messageId = header('Message-ID').replace(/^<|>$/g, '');
  const reply = `<${replyMessageId.replace(/^<|>$/g, '')}>`;
  const subject = header('Subject');
  const at = new Date((Date.parse(header('Date')) || 0) + afterMs);
  const opening = lang === 'fr' ? 'Je reviens vers vous, ce n\'est toujours pas réglé :' : 'Following up, this is still not sorted:';
  return Buffer.from([
    `From: ${header('From')}`, `To: ${header('To')}`, `Subject: ${/^re:/i.test(subject) ? subject : `Re: ${subject}`}`,
    `Date: ${at.toUTCString().replace('GMT', '+0000')}`, `Message-ID: <followup.${messageId}>`, `In-Reply-To: ${reply}`,
    // As a mail client writes it: the thread's earlier references, the customer's own message, then the reply.
    `References: ${[header('References'), `<${messageId}>`, reply].filter(Boolean).join(' ')}`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: 8bit',
  ].join('\r\n') + `\r\n\r\n${opening}\r\n\r\n${text.slice(split + 4)}`, 'utf8');
}

function senderOf(raw: string): string {
  const from = /^From:.*<([^>]+)>/im.exec(raw);
  return (from?.[1] ?? '').toLowerCase();
}

/** Box–Muller: a standard normal draw. */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function weighted(rand: () => number, weights: Array<[number, number]>): number {
  let r = rand() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) if ((r -= w) < 0) return value;
  return weights[0]![0];
}
