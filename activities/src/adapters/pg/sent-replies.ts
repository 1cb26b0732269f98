/**
 * The replies we sent, for the check of quotes attributed to the shop (triage/quoted-shop.ts): those the thread
 * names by Message-ID and the latest ones sent to the sender (by the address hash sent_mail keeps), each with the
 * fingerprint of the body that left (sent_mail.body_fingerprint, written when the send was claimed). Every reply
 * the shop sends through Réplique is in sent_mail, so the log is verified — unless a reply the thread names was
 * claimed before fingerprints were kept. A send the server refused never left: it is not among them.
 */
import type { SentReplies, SentReplyLog } from '../../triage/quoted-shop';
import { addressHash } from '../smtp/smtp-sender';
import type { Queryable } from './pool';

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');

/** How many of the latest replies to one address a quote is checked against when the thread names none of ours. */
const LATEST_TO_RECIPIENT = 20;

export class PgSentReplyLog implements SentReplyLog {
  constructor(private readonly db: Queryable) {}

  async sentAmong(messageIds: string[], recipient: string | null): Promise<SentReplies> {
    const ids = [...new Set(messageIds.map(bare).filter(Boolean))];
    // 'sending' counts: its outcome is unknown, the customer may have it; 'failed' never left.
    const { rows } = await this.db.query<{ messageId: string; fingerprint: string[] | null }>(
      `select message_id as "messageId", body_fingerprint as fingerprint from sent_mail
       where message_id = any($1::text[]) and status in ('accepted', 'sending')
       union
       (select message_id, body_fingerprint from sent_mail
        where $2::text is not null and to_address_hash = $2 and status in ('accepted', 'sending') and body_fingerprint is not null
        order by created_at desc limit $3)`,
      [ids, recipient ? addressHash(recipient) : null, LATEST_TO_RECIPIENT],
    );
    return {
      replies: rows.flatMap((r) => (r.fingerprint ? [{ messageId: r.messageId, fingerprint: r.fingerprint }] : [])),
      verified: rows.every((r) => r.fingerprint !== null),
    };
  }
}
