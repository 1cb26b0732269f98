/**
 * Counts the automatic replies already sent, per sender (last 24 h) and per thread, so routing can stop a loop with
 * a misbehaving robot (ROUTING.md: per-sender and per-thread limits). Read from what actually happened: the audit
 * trail's accepted automatic sends, joined with the email each one answered (its sender's and thread's hashes: the case
 * file itself is sealed).
 */
import { addressHash, messageIdHashOrNull } from '../../domain/email-key';
import type { AutoReplyCounts, AutoReplyLog } from '../../triage/pipeline';
import type { Queryable } from './pool';

export class PgAutoReplyLog implements AutoReplyLog {
  constructor(private readonly db: Queryable) {}

  async recent(sender: string, threadKey: string | null): Promise<AutoReplyCounts> {
    const { rows } = await this.db.query<{ sender: string; thread: string }>(
      `with automatic as (
         select a.at, e.sender_hash, e.thread_hashes from audit_log a join emails e on e.email_key = a.email_key
         where a.stage = 'send' and a.event = 'accepted' and a.data->>'mode' = 'automatic'
       )
       select
         count(*) filter (where at > now() - interval '24 hours' and sender_hash = $1) as sender,
         count(*) filter (where $2::text is not null and $2 = any(thread_hashes)) as thread
       from automatic`,
      [addressHash(sender), messageIdHashOrNull(threadKey)],
    );
    return { sender: Number(rows[0]?.sender ?? 0), thread: Number(rows[0]?.thread ?? 0) };
  }
}
