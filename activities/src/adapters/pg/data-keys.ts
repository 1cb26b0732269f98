/**
 * Data keys (the envelope_encryption migration): one AES-256 key per data subject, stored only wrapped by a key
 * encryption key. The vault (../vault/field-vault.ts) is their only user, with `replique keys` (rotation) and erasure.
 */
import type { Queryable } from './pool';

export interface DataKeyRow {
  id: string;
  subjectHash: string;
  customerId: string | null;
  kekId: string | null;
  wrappedKey: Buffer | null;
  destroyedAt: Date | null;
}

const COLUMNS = `id, subject_hash as "subjectHash", customer_id as "customerId", kek_id as "kekId", wrapped_key as "wrappedKey",
  destroyed_at as "destroyedAt"`;

/** The subject's key, inserting the given one when it has none yet (a concurrent insert wins; its key is returned). */
export async function dataKeyOfSubject(
  db: Queryable, input: { subjectHash: string; kekId: string; wrappedKey: Buffer },
): Promise<DataKeyRow> {
  const inserted = await db.query<DataKeyRow>(
    `insert into data_keys (subject_hash, kek_id, wrapped_key) values ($1, $2, $3)
     on conflict (subject_hash) do nothing returning ${COLUMNS}`,
    [input.subjectHash, input.kekId, input.wrappedKey],
  );
  if (inserted.rows[0]) return inserted.rows[0];
  const existing = await existingKeyOfSubject(db, input.subjectHash);
  if (!existing) throw new Error('data key neither inserted nor found');
  return existing;
}

export async function existingKeyOfSubject(db: Queryable, subjectHash: string): Promise<DataKeyRow | null> {
  const { rows } = await db.query<DataKeyRow>(`select ${COLUMNS} from data_keys where subject_hash = $1`, [subjectHash]);
  return rows[0] ?? null;
}

export async function dataKeyById(db: Queryable, id: string): Promise<DataKeyRow | null> {
  const { rows } = await db.query<DataKeyRow>(`select ${COLUMNS} from data_keys where id = $1`, [id]);
  return rows[0] ?? null;
}

export interface RawKeyOfEmail {
  rawId: string;
  sha256: string;
  dataKeyId: string | null;
  raw: Buffer | null;
}

/** The message an email was read from and its data key (null for a message stored before encryption at rest). */
export async function rawKeyOfEmail(db: Queryable, emailKey: string): Promise<RawKeyOfEmail | null> {
  const { rows } = await db.query<RawKeyOfEmail>(
    `select r.id as "rawId", r.sha256, r.data_key_id as "dataKeyId", case when r.data_key_id is null then r.raw end as raw
     from emails e join raw_emails r on r.id = e.raw_id where e.email_key = $1`,
    [emailKey],
  );
  return rows[0] ?? null;
}

/** Gives a message stored before encryption at rest its data key; returns the key it has (a concurrent call's). */
export async function setRawDataKey(db: Queryable, rawId: string, dataKeyId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `update raw_emails set data_key_id = coalesce(data_key_id, $2) where id = $1 returning data_key_id as id`,
    [rawId, dataKeyId],
  );
  return rows[0]?.id ?? dataKeyId;
}

/** Live keys not wrapped by `kekId`, oldest first (rotation works through them in batches). */
export async function keysNotWrappedBy(db: Queryable, kekId: string, limit: number): Promise<DataKeyRow[]> {
  const { rows } = await db.query<DataKeyRow>(
    `select ${COLUMNS} from data_keys where destroyed_at is null and kek_id <> $1 order by id limit $2`, [kekId, limit],
  );
  return rows;
}

/** Replaces a key's wrapping, only if it is still the one that was read (a concurrent rotation changes nothing twice). */
export async function rewrapDataKey(
  db: Queryable, input: { id: string; fromKekId: string; kekId: string; wrappedKey: Buffer },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update data_keys set kek_id = $3, wrapped_key = $4, rotated_at = now()
     where id = $1 and kek_id = $2 and destroyed_at is null`,
    [input.id, input.fromKekId, input.kekId, input.wrappedKey],
  );
  return rowCount === 1;
}

export async function countKeysByKek(db: Queryable): Promise<{ kekId: string | null; keys: number }[]> {
  const { rows } = await db.query<{ kekId: string | null; keys: number }>(
    `select kek_id as "kekId", count(*)::int as keys from data_keys group by kek_id order by kek_id nulls last`,
  );
  return rows;
}
