/**
 * The replies we sent, by Message-ID, for the check of quotes attributed to the shop (triage/quoted-shop.ts): each
 * with the fingerprint of the body that left (sent_mail.body_fingerprint, written when the send was claimed). Every
 * reply the shop sends goes through sent_mail, so the log is verified — unless one of the replies the thread names
 * was claimed before fingerprints were kept, or a send refused by the server (it never left) is all there is.
 */
import type { SentReplies, SentReplyLog } from '../../triage/quoted-shop';
import type { Queryable } from './pool';

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');

export class PgSentReplyLog implements SentReplyLog {
  constructor(private readonly db: Queryable) {}

  async sentAmong(messageIds: string[]): Promise<SentReplies> {
    const ids = [...new Set(messageIds.map(bare).filter(Boolean))];
    if (ids.length === 0) return { replies: [], verified: true };
    // 'sending' counts: its outcome is unknown, the customer may have it; 'failed' never left.
    const { rows } = await this.db.query<{ messageId: string; fingerprint: string[] | null }>(
      `select message_id as "messageId", body_fingerprint as fingerprint from sent_mail
       where message_id = any($1::text[]) and status in ('accepted', 'sending')`,
      [ids],
    );
    return {
      replies: rows.flatMap((r) => (r.fingerprint ? [{ messageId: r.messageId, fingerprint: r.fingerprint }] : [])),
      verified: rows.every((r) => r.fingerprint !== null),
    };
  }
}
