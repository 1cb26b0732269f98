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

/** Oldest first. */
export async function auditTrail(db: Queryable, emailKey: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `select id, email_key as "emailKey", stage, event, data, at from audit_log where email_key = $1 order by id`,
    [emailKey],
  );
  return rows;
}
