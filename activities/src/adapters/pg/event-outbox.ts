/**
 * The outbox of `email.events` (migration 020): pending events, each a pointer to its audit row, and the relay's
 * per-topic state. Rows are queued by audit-log.ts (`publish`), in the statement that writes the audit row.
 */
import type { Queryable } from './pool';

export interface PendingEvent {
  /** The audit row's id: the event id. */
  eventId: string;
  emailKey: string;
  stage: string;
  event: string;
  data: Record<string, unknown>;
  at: Date;
}

/** The oldest pending events, in id order. */
export async function pendingEvents(db: Queryable, limit: number): Promise<PendingEvent[]> {
  const { rows } = await db.query<PendingEvent>(
    `select o.audit_id::text as "eventId", o.email_key as "emailKey", a.stage, a.event, a.data, a.at
     from event_outbox o join audit_log a on a.id = o.audit_id
     order by o.audit_id limit $1`,
    [limit],
  );
  return rows;
}


export async function pendingCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from event_outbox');
  return rows[0]!.n;
}

/**
 * Age in seconds of the oldest event not yet published (its audit row's time), 0 when the outbox is empty: what the
 * `replique_outbox_lag_seconds` gauge shows. Read from Postgres, so it stays true while the relay or Kafka is down.
 */
export async function oldestPendingAgeSeconds(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ age: number }>(
    `select coalesce(extract(epoch from now() - min(a.at)), 0)::float8 as age
     from event_outbox o join audit_log a on a.id = o.audit_id`,
  );
  return Math.max(0, rows[0]!.age);
}

/** partition → Kafka offset before which everything the relay published is confirmed. */
export type RelayOffsets = Record<string, string>;

/** The topic's relay state; `initial` is stored first when there is none yet. */
export async function relayOffsets(db: Queryable, topic: string, initial: () => Promise<RelayOffsets>): Promise<RelayOffsets> {
  const { rows } = await db.query<{ offsets: RelayOffsets }>('select offsets from event_relay where topic = $1', [topic]);
  if (rows[0]) return rows[0].offsets;
  await db.query('insert into event_relay (topic, offsets) values ($1, $2::jsonb) on conflict (topic) do nothing', [topic, JSON.stringify(await initial())]);
  return relayOffsets(db, topic, initial);
}

/**
 * A relay round's confirmation: the events Kafka acknowledged leave the outbox and the topic's offsets move on, in one
 * statement (so at once, and in one round trip instead of begin, delete, update, commit).
 */
export async function confirmPublished(db: Queryable, topic: string, eventIds: string[], offsets: RelayOffsets): Promise<void> {
  await db.query(
    `with published as (delete from event_outbox where audit_id = any($3::bigint[]))
     update event_relay set offsets = $2::jsonb, updated_at = now() where topic = $1`,
    [topic, JSON.stringify(offsets), eventIds],
  );
}
