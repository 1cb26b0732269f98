/** Raw inbound messages, stored once by the sha256 of their bytes, before anything else happens. */
import { rawSha256 } from '../../domain/email-key';
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

export async function storeRawEmail(
  db: Queryable, input: { raw: Buffer; source: RawEmailSource; mailbox: string },
): Promise<StoredRawEmail> {
  const sha256 = rawSha256(input.raw);
  const inserted = await db.query<{ id: string }>(
    `insert into raw_emails (sha256, raw, size, source, mailbox) values ($1, $2::bytea, octet_length($2::bytea), $3, $4)
     on conflict (sha256) do nothing returning id`,
    [sha256, input.raw, input.source, input.mailbox],
  );
  if (inserted.rows[0]) return { rawId: inserted.rows[0].id, sha256, inserted: true };
  const existing = await db.query<{ id: string }>('select id from raw_emails where sha256 = $1', [sha256]);
  if (!existing.rows[0]) throw new Error(`raw email ${sha256} neither inserted nor found`);
  return { rawId: existing.rows[0].id, sha256, inserted: false };
}

export async function loadRawEmail(db: Queryable, rawId: string): Promise<Buffer> {
  const { rows } = await db.query<{ raw: Buffer }>('select raw from raw_emails where id = $1', [rawId]);
  if (!rows[0]) throw new RawEmailNotFoundError(rawId);
  return rows[0].raw;
}
