/**
 * Raw inbound messages, stored once by the sha256 of their bytes (of the plaintext), before anything else happens.
 * The bytes are sealed with the data key of the message's sender (../vault/field-vault.ts), which every later field
 * of the emails read from it uses too.
 */
import { rawSha256 } from '../../domain/email-key';
import { keyIdOfValue, subjectOfRaw, type FieldVault } from '../vault/field-vault';
import type { DataKeyRow } from './data-keys';
import type { Queryable } from './pool';

export const RAW_EMAIL_SOURCES = ['imap', 'http', 'smtp', 'kafka-replay', 'cli'] as const;
export type RawEmailSource = (typeof RAW_EMAIL_SOURCES)[number];

export interface StoredRawEmail {
  rawId: string; // bigint, as a string
  sha256: string;
  /** False when the same bytes were already stored (a redelivery): the existing row's id is returned. */
  inserted: boolean;
}

export class RawEmailNotFoundError extends Error {
  constructor(rawId: string) {
    super(`no raw email with id ${rawId}`);
    this.name = 'RawEmailNotFoundError';
  }
}

/**
 * The intake's `accepted` audit row of the email read from a message stored for the first time, written by the
 * message's insert (one statement, one transaction): its `data` gets the stored row's `rawId`; it is also an event of
 * `email.events` (queued in the outbox by the same statement). A message stored already gets no row here.
 */
export interface RawEmailReceipt {
  emailKey: string;
  data: Record<string, unknown>;
}

export async function storeRawEmail(
  db: Queryable,
  vault: FieldVault,
  input: { raw: Buffer; source: RawEmailSource; mailbox: string },
  receipt?: RawEmailReceipt,
): Promise<StoredRawEmail> {
  const sha256 = rawSha256(input.raw);
  // Insert first (one statement for a new message, the common case); a redelivery finds the row after it.
  const existingRow = async (): Promise<StoredRawEmail | null> => {
    const { rows } = await db.query<{ id: string }>('select id from raw_emails where sha256 = $1', [sha256]);
    return rows[0] ? { rawId: rows[0].id, sha256, inserted: false } : null;
  };
  let sealed: Buffer;
  try {
    sealed = await vault.seal({ subjectHash: subjectOfRaw(input.raw) }, input.raw);
  } catch (error) {
    // A redelivery whose sender's key cannot seal any more (erased) is still the stored message's duplicate.
    const existing = await existingRow();
    if (existing) return existing;
    throw error;
  }
  const values = [sha256, sealed, input.raw.length, input.source, input.mailbox, keyIdOfValue(sealed)];
  const insert = `insert into raw_emails (sha256, raw, size, source, mailbox, data_key_id) values ($1, $2, $3, $4, $5, $6)
     on conflict (sha256) do nothing returning id`;
  const inserted = receipt
    ? await db.query<{ id: string }>(
      `with stored as (${insert}),
       audited as (
         insert into audit_log (email_key, stage, event, data)
         select $7, 'intake', 'accepted', $8::jsonb || jsonb_build_object('rawId', s.id::text) from stored s
         returning id, email_key),
       outboxed as (insert into event_outbox (audit_id, email_key) select id, email_key from audited)
       select id from stored`,
      [...values, receipt.emailKey, JSON.stringify(receipt.data)],
    )
    : await db.query<{ id: string }>(insert, values);
  if (inserted.rows[0]) return { rawId: inserted.rows[0].id, sha256, inserted: true };
  const existing = await existingRow();
  if (!existing) throw new Error(`raw email ${sha256} neither inserted nor found`);
  return existing;
}

/**
 * The message's bytes, opened. `forEmail`: the email read from it, whose data key is the message's (`data_key_id`):
 * the vault learns it here instead of looking it up again at the email's first seal.
 */
export async function loadRawEmail(db: Queryable, vault: FieldVault, rawId: string, forEmail?: string): Promise<Buffer> {
  // The message's data key row comes with it (one statement): a key the vault has not cached needs no read of its own.
  const { rows } = await db.query<{ raw: Buffer | null; dataKeyId: string | null } & Omit<DataKeyRow, 'id'>>(
    `select r.raw, r.data_key_id as "dataKeyId", k.subject_hash as "subjectHash", k.customer_id as "customerId",
       k.kek_id as "kekId", k.wrapped_key as "wrappedKey", k.destroyed_at as "destroyedAt"
     from raw_emails r left join data_keys k on k.id = r.data_key_id where r.id = $1`, [rawId]);
  if (!rows[0]) throw new RawEmailNotFoundError(rawId);
  const { raw: sealed, dataKeyId, ...key } = rows[0];
  if (forEmail && dataKeyId !== null) vault.learnKeyOfEmail(forEmail, dataKeyId);
  const raw = await vault.openWithKeyRow(sealed, dataKeyId !== null && key.subjectHash !== null ? { id: dataKeyId, ...key } : null);
  if (!raw) throw new RawEmailNotFoundError(rawId);
  return raw;
}
