/**
 * GDPR erasure by crypto-shredding: the data keys of one customer are destroyed, so every field sealed with them (raw
 * messages, case files, drafts, edits, notes, ratings' comments, reply documents) is unreadable at once, wherever a
 * copy of the ciphertext lies (replicas, backups). A customer's keys: those linked to their CRM id by triage, and the
 * key of their CRM address, and the keys of the emails triage matched to them (a key chosen before the link existed).
 * Text still in clear (a database not yet through `replique keys seal-existing`) cannot be shredded. What linked rows
 * to them in clear goes too (emails.sender_hash / customer_id, conversations.customer_id, the key's subject hash), so a
 * new email from them gets a new key. The audit trail keeps
 * its rows (hashes, decisions, dates) and gains one `gdpr / erased` row; the chain still verifies. The CRM tables are
 * the shop's reference data, not touched here.
 */
import { createHash } from 'node:crypto';
import { addressHash } from '../../domain/email-key';
import { appendAudit } from '../pg/audit-log';
import type { Pool } from '../pg/pool';
import { withTransaction } from '../pg/transaction';

export interface ErasureResult {
  /** Data keys destroyed now (0 when the customer was already erased or never wrote). */
  keysDestroyed: number;
  emails: number;
}

export async function eraseCustomer(pool: Pool, input: { customerId: string; by: string }): Promise<ErasureResult> {
  return withTransaction(pool, async (db) => {
    const { rows: crm } = await db.query<{ email: string }>('select email from customers where id = $1', [input.customerId]);
    const subjects = crm.map((c) => addressHash(c.email));
    const { rows: keys } = await db.query<{ id: string }>(
      `select id::text from data_keys
       where customer_id = $1 or subject_hash = any($2::text[])
          or id in (select r.data_key_id from emails e join raw_emails r on r.id = e.raw_id where e.customer_id = $1)
       for update`,
      [input.customerId, subjects],
    );
    const ids = keys.map((k) => k.id);
    const { rows: emails } = await db.query<{ emailKey: string }>(
      `update emails e set sender_hash = null, thread_hashes = null, customer_id = null from raw_emails r
       where r.id = e.raw_id and (r.data_key_id = any($1::bigint[]) or e.customer_id = $2) returning e.email_key as "emailKey"`,
      [ids, input.customerId],
    );
    await db.query('update conversations set customer_id = null where customer_id = $1', [input.customerId]);
    const { rowCount } = await db.query(
      `update data_keys set wrapped_key = null, kek_id = null, destroyed_at = now(), customer_id = null,
         subject_hash = 'erased:' || id
       where id = any($1::bigint[]) and destroyed_at is null`,
      [ids],
    );
    await appendAudit(db, {
      emailKey: null, stage: 'gdpr', event: 'erased',
      data: {
        customerHash: createHash('sha256').update(input.customerId).digest('hex'), by: input.by,
        keysDestroyed: rowCount ?? 0, emails: emails.length,
      },
    });
    return { keysDestroyed: rowCount ?? 0, emails: emails.length };
  });
}
