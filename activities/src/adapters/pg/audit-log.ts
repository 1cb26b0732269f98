/**
 * The append-only history of every step. `data` holds IDs, verdicts, reasons and hashes — never a body, a
 * subject or an address. With an `auditKey` (derived from the email and the step) a retried append is a no-op.
 * With `publish`, the same statement also queues the row as an event of `email.events` (the outbox, `event_outbox`;
 * the relay publishes it: adapters/kafka/event-relay.ts): no audit row without its event, and no event without its row.
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
  input: { emailKey: string | null; stage: string; event: string; data?: Record<string, unknown>; auditKey?: string; publish?: boolean },
): Promise<{ inserted: boolean }> {
  const { rows } = await db.query<{ inserted: number }>(
    `with audited as (
       insert into audit_log (audit_key, email_key, stage, event, data) values ($1, $2, $3, $4, $5::jsonb)
       on conflict (audit_key) do nothing returning id, email_key),
     ${OUTBOX_OF_AUDITED('$6')}
     select count(*)::int as inserted from audited`,
    [input.auditKey ?? null, input.emailKey, input.stage, input.event, JSON.stringify(input.data ?? {}), input.publish ?? false],
  );
  return { inserted: rows[0]!.inserted === 1 };
}

/** The CTE that queues the rows of `audited` (id, email_key) in the event outbox when the boolean parameter is true. */
const OUTBOX_OF_AUDITED = (publish: string) =>
  `outboxed as (insert into event_outbox (audit_id, email_key) select id, email_key from audited where ${publish}::boolean and email_key is not null)`;

/** The audit row of a change, written by the change's own statement (see `changeWithAudit`). */
export interface AuditOfChange {
  stage: string;
  event: string;
  data: Record<string, unknown>;
  auditKey: string;
  /** Also an event of `email.events` (queued in the outbox by the same statement). */
  publish?: boolean;
}

/**
 * A further write that goes with a change, in its statement: a data-modifying CTE over `changed` (the rows the change
 * returned), so it happens exactly when the change does. `param(value)` binds a value and returns its placeholder.
 */
export type ChangeRider = (param: (value: unknown) => string) => string;

/**
 * Runs `change` — an insert, update or delete `… returning email_key` over $1…$n — and appends the audit row for
 * every row it returned, in one statement: one round trip, and no change without its row (or row without its change).
 * A retried change finds its audit row there (`auditKey`) and adds none. Several audit rows (in their order) may go
 * with one change; they are queued in the outbox alike (`publish` of the first). `riders` write more in the same
 * statement (ChangeRider). Returns how many rows the change returned.
 */
export async function changeWithAudit(
  db: Queryable, change: { sql: string; values: unknown[] }, audit: AuditOfChange | AuditOfChange[], riders: ChangeRider[] = [],
): Promise<number> {
  const audits = Array.isArray(audit) ? audit : [audit];
  if (audits.length === 0) throw new Error('changeWithAudit needs an audit row');
  const n = change.values.length;
  const p = (i: number) => `$${n + i}`;
  const riderValues: unknown[] = [];
  const riderCtes = riders.map((rider, i) => `rider${i} as (${rider((value) => `$${n + 5 + riderValues.push(value)}`)}),`).join('\n');
  const { rows } = await db.query<{ changed: number }>(
    `with changed as (${change.sql}),
     ${riderCtes}
     audited as (
       insert into audit_log (audit_key, email_key, stage, event, data)
       select a.audit_key, c.email_key, a.stage, a.event, a.data
       from changed c cross join unnest(${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::jsonb[]) with ordinality
         as a(audit_key, stage, event, data, ord)
       order by c.email_key, a.ord
       on conflict (audit_key) do nothing returning id, email_key),
     ${OUTBOX_OF_AUDITED(p(5))}
     select count(*)::int as changed from changed`,
    [
      ...change.values, audits.map((a) => a.auditKey), audits.map((a) => a.stage), audits.map((a) => a.event),
      audits.map((a) => JSON.stringify(a.data)), audits[0]!.publish ?? false, ...riderValues,
    ],
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
