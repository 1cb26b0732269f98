/**
 * Outgoing mail, claimed by its send key BEFORE the SMTP call:
 *   beginSend → 'sending' (new claim: send now), or the existing status of an earlier attempt:
 *     'accepted' — already sent, do not send again;
 *     'sending'  — an earlier attempt started the SMTP transaction and never recorded how it ended (a crash, or
 *                  the database gone right after the server accepted): the outcome is unknown, the server may
 *                  have the reply — the sender does not send again (see smtp-sender.ts);
 *     'failed'   — the earlier attempt was refused; rearmSend turns it back into 'sending' before a new try.
 *   markSendAccepted / markSendFailed record the outcome; an accepted send is never downgraded.
 * SMTP responses may quote the recipient: addresses are masked before they are stored.
 */
import { maskEmailAddresses } from '../../logger';
import type { Queryable } from './pool';

export type SendStatus = 'sending' | 'accepted' | 'failed';

export interface SendClaim {
  status: SendStatus;
  /** True when this call created the claim. */
  inserted: boolean;
  /** The Message-ID to send with: the one of the first claim. */
  messageId: string;
  /** The server's recorded reply of an earlier attempt (addresses masked); null for a new claim. */
  smtpResponse: string | null;
}

export class SendNotFoundError extends Error {
  constructor(sendKey: string) {
    super(`no send with key ${sendKey}`);
    this.name = 'SendNotFoundError';
  }
}

export async function beginSend(
  db: Queryable,
  input: {
    sendKey: string; emailKey: string; messageId: string; toAddressHash: string;
    /** The fingerprint of the body about to be sent (mail/reply-fingerprint.ts), never the body itself. */
    bodyFingerprint?: string[];
  },
): Promise<SendClaim> {
  // Two statements, not one CTE: a concurrent claim committed while we waited on the conflict is invisible to
  // the snapshot of the statement that inserted, and visible to the next one.
  const inserted = await db.query<SendClaim>(
    `insert into sent_mail (send_key, email_key, message_id, to_address_hash, body_fingerprint) values ($1, $2, $3, $4, $5)
     on conflict (send_key) do nothing
     returning status, true as inserted, message_id as "messageId", smtp_response as "smtpResponse"`,
    [input.sendKey, input.emailKey, input.messageId, input.toAddressHash, input.bodyFingerprint ?? null],
  );
  if (inserted.rows[0]) return inserted.rows[0];
  const existing = await db.query<SendClaim>(
    `select status, false as inserted, message_id as "messageId", smtp_response as "smtpResponse"
     from sent_mail where send_key = $1`,
    [input.sendKey],
  );
  if (!existing.rows[0]) throw new SendNotFoundError(input.sendKey);
  return existing.rows[0];
}

/**
 * Turns a refused claim ('failed') back into 'sending' before another SMTP attempt, so a crash during that attempt
 * is recognised as "outcome unknown" by the next one; the fingerprint is the one of the body this attempt sends.
 * False when the claim was not 'failed' any more.
 */
export async function rearmSend(db: Queryable, sendKey: string, bodyFingerprint?: string[]): Promise<boolean> {
  const { rows } = await db.query(
    `update sent_mail set status = 'sending', body_fingerprint = coalesce($2, body_fingerprint), updated_at = now()
     where send_key = $1 and status = 'failed' returning 1`,
    [sendKey, bodyFingerprint ?? null],
  );
  return rows.length === 1;
}

export async function markSendAccepted(db: Queryable, sendKey: string, smtpResponse: string): Promise<void> {
  const { rows } = await db.query(
    `update sent_mail set
       status = 'accepted',
       smtp_response = case when status = 'accepted' then smtp_response else $2 end,
       accepted_at = coalesce(accepted_at, now()),
       updated_at = now()
     where send_key = $1 returning 1`,
    [sendKey, maskEmailAddresses(smtpResponse)],
  );
  if (rows.length === 0) throw new SendNotFoundError(sendKey);
}

export async function markSendFailed(db: Queryable, sendKey: string, smtpResponse: string): Promise<void> {
  const { rows } = await db.query<{ status: SendStatus }>(
    `update sent_mail set
       status = case when status = 'accepted' then status else 'failed' end,
       smtp_response = case when status = 'accepted' then smtp_response else $2 end,
       updated_at = now()
     where send_key = $1 returning status`,
    [sendKey, maskEmailAddresses(smtpResponse)],
  );
  if (rows.length === 0) throw new SendNotFoundError(sendKey);
}

export async function getSend(
  db: Queryable, sendKey: string,
): Promise<{ status: SendStatus; messageId: string; smtpResponse: string | null; emailKey: string } | null> {
  const { rows } = await db.query<{ status: SendStatus; messageId: string; smtpResponse: string | null; emailKey: string }>(
    `select status, message_id as "messageId", smtp_response as "smtpResponse", email_key as "emailKey"
     from sent_mail where send_key = $1`,
    [sendKey],
  );
  return rows[0] ?? null;
}

/** How many messages the SMTP server accepted (optionally for one email). */
export async function countAccepted(db: Queryable, filter: { emailKey?: string } = {}): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from sent_mail where status = 'accepted' and ($1::text is null or email_key = $1)`,
    [filter.emailKey ?? null],
  );
  return rows[0]!.n;
}
