/**
 * The append-only history of every step. `data` holds IDs, verdicts, reasons and hashes — never a body, a
 * subject or an address. With an `auditKey` (derived from the email and the step) a retried append is a no-op.
 */
import type { Queryable } from './pool';

export interface AuditEntry {
  id: string;
  emailKey: string | null;
  stage: string;
  event: string;
  data: Record<string, unknown>;
  at: Date;
}

export async function appendAudit(
  db: Queryable,
  input: { emailKey: string | null; stage: string; event: string; data?: Record<string, unknown>; auditKey?: string },
): Promise<{ inserted: boolean }> {
  const { rowCount } = await db.query(
    `insert into audit_log (audit_key, email_key, stage, event, data) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (audit_key) do nothing`,
    [input.auditKey ?? null, input.emailKey, input.stage, input.event, JSON.stringify(input.data ?? {})],
  );
  return { inserted: rowCount === 1 };
}

/** The audit row of a change, written by the change's own statement (see `changeWithAudit`). */
export interface AuditOfChange {
  stage: string;
  event: string;
  data: Record<string, unknown>;
  auditKey: string;
}

/**
 * Runs `change` — an insert, update or delete `… returning email_key` over $1…$n — and appends the audit row for
 * every row it returned, in one statement: one round trip, and no change without its row (or row without its change).
 * A retried change finds its audit row there (`auditKey`) and adds none. Returns how many rows the change returned.
 */
export async function changeWithAudit(db: Queryable, change: { sql: string; values: unknown[] }, audit: AuditOfChange): Promise<number> {
  const n = change.values.length;
  const { rows } = await db.query<{ changed: number }>(
    `with changed as (${change.sql}),
     audited as (
       insert into audit_log (audit_key, email_key, stage, event, data)
       select $${n + 1}, email_key, $${n + 2}, $${n + 3}, $${n + 4}::jsonb from changed
       on conflict (audit_key) do nothing)
     select count(*)::int as changed from changed`,
    [...change.values, audit.auditKey, audit.stage, audit.event, JSON.stringify(audit.data)],
  );
  return rows[0]!.changed;
}

/** Oldest first. */
export async function auditTrail(db: Queryable, emailKey: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `select id, email_key as "emailKey", stage, event, data, at from audit_log where email_key = $1 order by id`,
    [emailKey],
  );
  return rows;
}
