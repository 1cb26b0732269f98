/**
 * What the per-sender and per-thread limits of automatic replies count (ROUTING.md: they stop loops with robots),
 * one definition for the worker (Postgres, adapters/pg/auto-reply-log.ts) and the CLI (adapters/memory/decision-log.ts):
 *
 * - an automatic reply counts once it was sent (the CLI, which sends nothing, counts the replies it would send);
 * - it counts at the time of the email it answered: that email's Date header, unless it has none or it is later than
 *   the send (then the send); an email is weighed at its own Date, unless it has none or it is in the future (then
 *   now). So a replay of old mail (`replique eval`, the parity test) counts as the mail was written, and production,
 *   where Date ≈ arrival, counts as it happens; a forged future Date cannot push a reply out of the window;
 * - per sender: replies to emails from the same address (case-insensitive) in the 24 h up to the email's time;
 * - per thread: replies to emails of the same thread, whose key is the first Message-ID of References, else
 *   In-Reply-To, else the email's own Message-ID (so the thread's first email counts for its replies).
 */
import type { ParsedEmail } from '../domain/types';

export const AUTO_REPLY_WINDOW_MS = 24 * 3600_000;

export function threadKeyOf(parsed: Pick<ParsedEmail, 'references' | 'inReplyTo' | 'messageId'>): string | null {
  return parsed.references[0] ?? parsed.inReplyTo ?? parsed.messageId ?? null;
}

/** The time (ms) an email is weighed or counted at: its Date header, unless missing, unreadable or after `latest`. */
export function autoReplyClock(date: string | null, latest: number): number {
  const t = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(t) || t > latest ? latest : t;
}

/** An automatic reply sent: who and which thread it answered, and when it counts (autoReplyClock). */
export interface AutoReplyEntry {
  sender: string;
  threadKey: string | null;
  at: number;
}

/** The counts for an email from `sender` in `threadKey` weighed at `at` (autoReplyClock), over the replies sent. */
export function countAutoReplies(entries: readonly AutoReplyEntry[], sender: string, threadKey: string | null, at: number) {
  const s = sender.toLowerCase();
  return {
    sender: entries.filter((e) => e.sender.toLowerCase() === s && e.at <= at && at - e.at < AUTO_REPLY_WINDOW_MS).length,
    thread: threadKey ? entries.filter((e) => e.threadKey === threadKey).length : 0,
  };
}
