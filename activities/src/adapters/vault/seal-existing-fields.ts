/**
 * The one-off sealing of customer text written before encryption at rest (the envelope_encryption migration kept it as its UTF-8 bytes,
 * readable by the vault as legacy plaintext). Each run seals what is still plaintext, batch by batch, and leaves what
 * is sealed alone: idempotent, resumable, safe beside running services (a row changed meanwhile is skipped and taken by
 * the next run). Empty values (bodies purged by retention) stay empty.
 */
import type { Queryable } from '../pg/pool';
import { keyIdOfValue, subjectOfRaw, type FieldVault } from './field-vault';

/** Where plaintext can still be: the table, its row key, and the sealed columns. */
const SEALED_COLUMNS = [
  { table: 'raw_emails', key: 'id', columns: ['raw'] },
  { table: 'emails', key: 'email_key', columns: ['email_case'] },
  { table: 'drafts', key: 'id', columns: ['subject', 'body', 'facts'] },
  { table: 'review_edits', key: 'id', columns: ['draft_body', 'sent_body', 'diff'] },
  { table: 'reply_ratings', key: 'email_key', columns: ['comment'] },
  { table: 'reply_attachments', key: 'id', columns: ['content'] },
] as const;

const SEALED_PREFIX = `'\\x00727101'::bytea`;

export type SealingResult = Record<string, number>;

export async function sealExistingFields(db: Queryable, vault: FieldVault, options: { batchSize?: number } = {}): Promise<SealingResult> {
  if (!vault.encrypts) throw new Error('sealing needs a key encryption key (DATA_KEKS or DATA_KEKS_FILE)');
  const limit = options.batchSize ?? 200;
  const result: SealingResult = {};
  for (const { table, key, columns } of SEALED_COLUMNS) {
    for (const column of columns) {
      let sealed = 0;
      let after = '';
      for (;;) {
        const { rows } = await db.query<{ key: string; emailKey: string | null; value: Buffer }>(
          `select ${key}::text as key, ${table === 'raw_emails' ? 'null' : 'email_key'} as "emailKey", ${column} as value
           from ${table}
           where ${column} is not null and octet_length(${column}) > 0 and substring(${column} from 1 for 4) <> ${SEALED_PREFIX}
             and ${key}::text > $1
           order by ${key}::text limit $2`,
          [after, limit],
        );
        if (rows.length === 0) break;
        for (const row of rows) {
          const value = table === 'raw_emails'
            ? await vault.seal({ subjectHash: subjectOfRaw(row.value) }, row.value)
            : await vault.seal({ emailKey: row.emailKey! }, row.value);
          const { rowCount } = await db.query(
            `update ${table} set ${column} = $2${table === 'raw_emails' ? ', data_key_id = coalesce(data_key_id, $4::bigint)' : ''}
             where ${key}::text = $1 and ${column} = $3`,
            [row.key, value, row.value, ...(table === 'raw_emails' ? [keyIdOfValue(value)] : [])],
          );
          sealed += rowCount ?? 0;
        }
        after = rows[rows.length - 1]!.key;
      }
      result[`${table}.${column}`] = sealed;
    }
  }
  result['reviewer_actions.payload'] = await sealReviewerPayloads(db, vault, limit);
  return result;
}

/** Legacy reviewer actions: the edited text, note and override (with its reason) move from `payload` into `sealed`. */
async function sealReviewerPayloads(db: Queryable, vault: FieldVault, limit: number): Promise<number> {
  let moved = 0;
  let after = '0';
  for (;;) {
    const { rows } = await db.query<{ id: string; emailKey: string; payload: Record<string, unknown> }>(
      `select id::text as id, email_key as "emailKey", payload from reviewer_actions
       where sealed is null and (payload ? 'edited' or payload ? 'note' or payload ? 'override') and id > $1::bigint
       order by id limit $2`,
      [after, limit],
    );
    if (rows.length === 0) return moved;
    for (const row of rows) {
      const { edited, note, override, ...rest } = row.payload;
      const secret = Object.fromEntries(Object.entries({ edited, note, override }).filter(([, v]) => v !== undefined));
      const { rowCount } = await db.query(
        `update reviewer_actions set sealed = $2, payload = $3::jsonb where id = $1::bigint and sealed is null`,
        [row.id, await vault.sealJson({ emailKey: row.emailKey }, secret), JSON.stringify(rest)],
      );
      moved += rowCount ?? 0;
    }
    after = rows[rows.length - 1]!.id;
  }
}
