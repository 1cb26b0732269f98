/**
 * GDPR access and portability: everything Réplique holds about one customer, as one JSON document, opened with the
 * data keys (the process needs the KEK). The customer's emails are those erasure would reach (erase-customer.ts):
 * matched to their CRM id, or sealed with one of their data keys. For each email, every row of every table that
 * refers to it (case file, drafts, decisions, reviewer actions and edits, sent replies and their documents, ratings,
 * audit rows, KPI facts), each sealed value opened (JSON parsed when it is JSON); the raw message as text. Then the
 * CRM record and orders (the shop's reference data), the data keys (ids and dates, never key material) and what the
 * customer memory remembers of them. An erased value shows as `{ erased: true }`.
 *
 * The export is audited (`gdpr / exported`: a hash of the CRM id, who, how many emails): the log never holds the id.
 */
import { createHash } from 'node:crypto';
import { addressHash } from '../domain/email-key';
import { appendAudit } from '../adapters/pg/audit-log';
import type { Pool, Queryable } from '../adapters/pg/pool';
import { ErasedFieldError, type FieldVault } from '../adapters/vault/field-vault';
import type { MemoryStore, RecalledEntry } from '../memory/memory-store';

export interface CustomerExport {
  format: 'replique-gdpr-export/1';
  customerId: string;
  exportedAt: string;
  crm: { customer: Record<string, unknown> | null; orders: Record<string, unknown>[]; placedOrders: Record<string, unknown>[] };
  dataKeys: { id: string; createdAt: string; destroyedAt: string | null }[];
  emails: { emailKey: string; message: string | { erased: true } | null; rows: Record<string, Record<string, unknown>[]> }[];
  /** What the customer memory remembers (null: no memory store given). */
  memory: RecalledEntry[] | null;
}

/** Tables whose rows are about an email but hold nothing of its customer's (technical bookkeeping). */
const NOT_EXPORTED = new Set(['event_outbox', 'event_relay']);

export async function exportCustomer(
  pool: Pool, vault: FieldVault, input: { customerId: string; by: string; memory?: MemoryStore | null },
): Promise<CustomerExport> {
  const { customerId } = input;
  const crmRows = await pool.query<Record<string, unknown>>('select * from customers where id = $1', [customerId]);
  const customer = crmRows.rows[0] ?? null;
  const subjects = customer ? [addressHash(String(customer.email))] : [];
  const { rows: keys } = await pool.query<{ id: string; createdAt: Date; destroyedAt: Date | null }>(
    `select id::text, created_at as "createdAt", destroyed_at as "destroyedAt" from data_keys
     where customer_id = $1 or subject_hash = any($2::text[])
        or id in (select r.data_key_id from emails e join raw_emails r on r.id = e.raw_id where e.customer_id = $1)
     order by id`,
    [customerId, subjects],
  );
  const { rows: emailRows } = await pool.query<{ emailKey: string; raw: Buffer | null }>(
    `select e.email_key as "emailKey", r.raw from emails e join raw_emails r on r.id = e.raw_id
     where e.customer_id = $1 or r.data_key_id = any($2::bigint[]) order by e.created_at, e.email_key`,
    [customerId, keys.map((k) => k.id)],
  );
  const tables = await tablesWithEmailKey(pool);
  const emails: CustomerExport['emails'] = [];
  for (const { emailKey, raw } of emailRows) {
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const table of tables) {
      const found = await pool.query<Record<string, unknown>>(`select * from ${table} where email_key = $1`, [emailKey]);
      if (found.rows.length) rows[table] = await Promise.all(found.rows.map((row) => openRow(vault, row)));
    }
    const message = await openValue(vault, raw, 'text');
    emails.push({ emailKey, message: message as CustomerExport['emails'][number]['message'], rows });
  }
  const [orders, placed] = await Promise.all([
    pool.query<Record<string, unknown>>('select * from orders where customer_id = $1 order by ordinal', [customerId]),
    pool.query<Record<string, unknown>>('select * from placed_orders where customer_id = $1 order by placed_at', [customerId]),
  ]);
  const memory = input.memory ? await input.memory.recall({ customerId, limit: 10_000 }) : null;
  await audit(pool, { customerId, by: input.by, emails: emails.length });
  return {
    format: 'replique-gdpr-export/1',
    customerId,
    exportedAt: new Date().toISOString(),
    crm: { customer, orders: orders.rows, placedOrders: placed.rows },
    dataKeys: keys.map((k) => ({ id: k.id, createdAt: k.createdAt.toISOString(), destroyedAt: k.destroyedAt?.toISOString() ?? null })),
    emails,
    memory,
  };
}

async function tablesWithEmailKey(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.table_name as name from information_schema.columns c
     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = current_schema() and c.column_name = 'email_key' order by c.table_name`);
  return rows.map((r) => r.name).filter((name) => !NOT_EXPORTED.has(name));
}

/** A row with every bytea value opened: JSON when it parses, else text (a document: base64). */
async function openRow(vault: FieldVault, row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] = Buffer.isBuffer(value) ? await openValue(vault, value, column === 'content' ? 'base64' : 'json') : value;
  }
  return out;
}

async function openValue(vault: FieldVault, value: Buffer | null, as: 'json' | 'text' | 'base64'): Promise<unknown> {
  if (value === null) return null;
  let plain: Buffer;
  try {
    plain = (await vault.open(value))!;
  } catch (error) {
    if (error instanceof ErasedFieldError) return { erased: true };
    throw error;
  }
  if (as === 'base64') return { base64: plain.toString('base64') };
  const text = plain.toString('utf8');
  if (as === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

async function audit(db: Queryable, input: { customerId: string; by: string; emails: number }): Promise<void> {
  await appendAudit(db, {
    emailKey: null, stage: 'gdpr', event: 'exported',
    data: { customerHash: createHash('sha256').update(input.customerId).digest('hex'), by: input.by, emails: input.emails },
  });
}
