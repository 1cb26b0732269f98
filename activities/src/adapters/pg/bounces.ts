/**
 * Bounces of our own replies: linked back to the email whose reply bounced (sent_mail.message_id → email_key),
 * recorded as a `send:bounced` audit row on THAT email (status and action, no address), and the recipient marked in
 * `bounced_addresses` by hash. `PgBounceLog` answers routing: is this address hard-bouncing (last status 5.x.x)?
 * One transaction per bounce; the audit row keyed by the bounce's own email key makes a retry a no-op, so an
 * address is counted once per bounce.
 */
import { createHash } from 'node:crypto';
import { maskEmailAddresses } from '../../logger';
import type { ShopReplyBounce } from '../../mail/own-message-id';
import type { BounceLog } from '../../triage/route';
import type { Pool, Queryable } from './pool';
import { withTransaction } from './transaction';
import { appendAudit } from './audit-log';

export type { ShopReplyBounce };

export interface BounceRecord {
  /** False when this bounce was recorded before (a retried activity). */
  recorded: boolean;
  /** The email whose reply bounced; null when no sent reply carries that Message-ID. */
  originalEmailKey: string | null;
  hard: boolean;
}

/** Hex sha256 of the trimmed, lower-cased address (the same rule as sent_mail.to_address_hash). */
export function bounceAddressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex');
}

/** Permanent: a 5.x.x status, or a failed action without a status. A delay (4.x.x, "delayed") is not hard. */
export function isHardBounce(status: string | null, action: string | null): boolean {
  if (status && /^\s*5\./.test(status)) return true;
  if (status && /^\s*4\./.test(status)) return false;
  return (action ?? '').trim().toLowerCase() === 'failed';
}

export async function recordShopReplyBounce(pool: Pool, bounce: ShopReplyBounce): Promise<BounceRecord> {
  const bareId = bounce.bouncedMessageId.trim().replace(/^<|>$/g, '');
  const hard = isHardBounce(bounce.status, bounce.action);
  return withTransaction(pool, async (db) => {
    const original = await sentReplyByMessageId(db, bareId);
    const data = {
      bouncedMessageId: bareId,
      originalEmailKey: original?.emailKey ?? null,
      status: bounce.status,
      action: bounce.action,
      hard,
    };
    // Both rows are events of `email.events` too (queued in the outbox with them).
    const first = await appendAudit(db, {
      emailKey: bounce.bounceEmailKey, stage: 'read', event: 'bounce_linked', data,
      auditKey: `${bounce.bounceEmailKey}:read:bounce_linked`, publish: true,
    });
    if (!first.inserted) return { recorded: false, originalEmailKey: original?.emailKey ?? null, hard };
    if (original) {
      await appendAudit(db, {
        emailKey: original.emailKey,
        stage: 'send',
        event: 'bounced',
        data: {
          status: bounce.status,
          action: bounce.action,
          hard,
          reason: bounce.diagnostic ? maskEmailAddresses(bounce.diagnostic).slice(0, 300) : null,
          bounceEmailKey: bounce.bounceEmailKey,
        },
        auditKey: `${original.emailKey}:send:bounced:${bounce.bounceEmailKey}`,
        publish: true,
      });
    }
    const addressHash = original?.toAddressHash ?? (bounce.recipient ? bounceAddressHash(bounce.recipient) : null);
    if (addressHash) await markAddressBounced(db, addressHash, bounce.status ?? (hard ? '5.0.0' : null));
    return { recorded: true, originalEmailKey: original?.emailKey ?? null, hard };
  });
}

async function sentReplyByMessageId(db: Queryable, messageId: string): Promise<{ emailKey: string; toAddressHash: string } | null> {
  const { rows } = await db.query<{ emailKey: string; toAddressHash: string }>(
    `select email_key as "emailKey", to_address_hash as "toAddressHash" from sent_mail
     where lower(message_id) = lower($1) order by id limit 1`,
    [messageId],
  );
  return rows[0] ?? null;
}

export async function markAddressBounced(db: Queryable, addressHash: string, status: string | null): Promise<void> {
  await db.query(
    `insert into bounced_addresses (address_hash, last_status) values ($1, $2)
     on conflict (address_hash) do update set
       last_seen = now(), count = bounced_addresses.count + 1, last_status = excluded.last_status`,
    [addressHash, status],
  );
}

export async function getBouncedAddress(
  db: Queryable, addressHash: string,
): Promise<{ count: number; lastStatus: string | null; firstSeen: Date; lastSeen: Date } | null> {
  const { rows } = await db.query<{ count: number; lastStatus: string | null; firstSeen: Date; lastSeen: Date }>(
    `select count, last_status as "lastStatus", first_seen as "firstSeen", last_seen as "lastSeen"
     from bounced_addresses where address_hash = $1`,
    [addressHash],
  );
  return rows[0] ?? null;
}

export class PgBounceLog implements BounceLog {
  constructor(private readonly db: Queryable) {}

  async isHardBouncing(address: string): Promise<boolean> {
    const row = await getBouncedAddress(this.db, bounceAddressHash(address));
    return row !== null && isHardBounce(row.lastStatus, null);
  }
}
