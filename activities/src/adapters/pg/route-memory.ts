/**
 * What the route asks Postgres for an email, in one statement: the conversation it was linked to (the route event's
 * KPI dimensions), the automatic replies already sent to its sender and thread (auto-reply-log.ts) and whether its
 * reply address hard-bounced our replies (bounces.ts). The route stage asks the two logs one at a time; the logs
 * given back answer those questions from this read, and any other question from the logs they stand for.
 */
import type { AutoReplyCounts, AutoReplyLog } from '../../triage/pipeline';
import type { BounceLog } from '../../triage/route';
import { AUTO_REPLY_COUNTS_SQL, autoReplyCountsOf, autoReplyParams } from './auto-reply-log';
import { bounceAddressHash, isHardBounce } from './bounces';
import type { Queryable } from './pool';

export interface RouteMemoryAsk {
  emailKey: string;
  /** The sender, thread key and Date the route weighs auto-reply limits by (null sender: not asked). */
  sender: string | null;
  threadKey: string | null;
  at: string | null;
  /** The address a reply would go to (null: not asked). */
  replyTo: string | null;
}

export interface RouteMemory {
  conversationId: string | null;
  autoReplies: AutoReplyLog;
  bounces: BounceLog;
}

export async function readRouteMemory(
  db: Queryable, ask: RouteMemoryAsk, logs: { autoReplies: AutoReplyLog; bounces: BounceLog },
): Promise<RouteMemory> {
  const { rows } = await db.query<{ conversation_id: string | null; sender: string; thread: string; bounced: boolean; last_status: string | null }>(
    `select (select conversation_id from emails where email_key = $5) as conversation_id, counts.sender, counts.thread,
       b.address_hash is not null as bounced, b.last_status
     from (${AUTO_REPLY_COUNTS_SQL}) counts left join bounced_addresses b on b.address_hash = $6`,
    [...autoReplyParams(ask.sender ?? '', ask.threadKey, ask.at), ask.emailKey, ask.replyTo === null ? null : bounceAddressHash(ask.replyTo)],
  );
  const row = rows[0]!;
  const counts: AutoReplyCounts = autoReplyCountsOf(row);
  const hardBouncing = row.bounced && isHardBounce(row.last_status, null);
  return {
    conversationId: row.conversation_id,
    autoReplies: {
      recent: (sender, threadKey, at) => (ask.sender !== null && sender === ask.sender && threadKey === ask.threadKey && at === ask.at
        ? Promise.resolve(counts) : logs.autoReplies.recent(sender, threadKey, at)),
    },
    bounces: {
      isHardBouncing: (address) => (ask.replyTo !== null && address === ask.replyTo ? Promise.resolve(hardBouncing) : logs.bounces.isHardBouncing(address)),
    },
  };
}
