/**
 * Counts the automatic replies already sent, per sender (24 h) and per thread, so routing can stop a loop with a
 * misbehaving robot (ROUTING.md: per-sender and per-thread limits), by the definition of triage/auto-reply-window.ts
 * (the CLI's memory counts by the same one). Read from what actually happened: the audit trail's accepted automatic
 * sends, joined with the email each one answered (its sender's hash, Date and thread key's hash, kept beside the
 * sealed case file).
 */
import { addressHash, messageIdHashOrNull } from '../../domain/email-key';
import type { AutoReplyCounts, AutoReplyLog } from '../../triage/pipeline';
import { AUTO_REPLY_WINDOW_MS } from '../../triage/auto-reply-window';
import type { Queryable } from './pool';

/**
 * The automatic replies counted for an email (columns `sender`, `thread`), over the parameters of `autoReplyParams`
 * ($1–$4): a statement of its own here, a part of the route's one read in route-memory.ts. Only the emails of that
 * sender or thread are read (by index: migrations 028, 037), then their sends: the cost follows the sender's history,
 * not the audit log's.
 */
export const AUTO_REPLY_COUNTS_SQL = `with related as (
         select email_key, email_date, sender_hash, thread_key_hash from emails where sender_hash = $1
         union
         select email_key, email_date, sender_hash, thread_key_hash from emails where $2::text is not null and thread_key_hash = $2
       ), automatic as (
         select least(coalesce(e.email_date, a.at), a.at) as answered_at, e.sender_hash, e.thread_key_hash
         from related e join audit_log a on a.email_key = e.email_key
         where a.stage = 'send' and a.event = 'accepted' and a.data->>'mode' = 'automatic'
       ), weighed as (select least(coalesce($3::timestamptz, now()), now()) as at)
       select
         count(*) filter (where sender_hash = $1 and answered_at <= weighed.at
                            and answered_at > weighed.at - $4 * interval '1 millisecond') as sender,
         count(*) filter (where $2::text is not null and thread_key_hash = $2) as thread
       from automatic, weighed`;

/** $1–$4 of AUTO_REPLY_COUNTS_SQL. */
export function autoReplyParams(sender: string, threadKey: string | null, at: string | null): unknown[] {
  return [addressHash(sender), messageIdHashOrNull(threadKey), at, AUTO_REPLY_WINDOW_MS];
}

export function autoReplyCountsOf(row: { sender?: unknown; thread?: unknown } | undefined): AutoReplyCounts {
  return { sender: Number(row?.sender ?? 0), thread: Number(row?.thread ?? 0) };
}

export class PgAutoReplyLog implements AutoReplyLog {
  constructor(private readonly db: Queryable) {}

  async recent(sender: string, threadKey: string | null, at: string | null = null): Promise<AutoReplyCounts> {
    // An email is weighed at its Date unless it has none or it is in the future; an answered one counts at its Date
    // unless it has none or it is later than our send (autoReplyClock).
    const { rows } = await this.db.query<{ sender: string; thread: string }>(AUTO_REPLY_COUNTS_SQL, autoReplyParams(sender, threadKey, at));
    return autoReplyCountsOf(rows[0]);
  }
}
