-- The transactional outbox of `email.events`: an audit row that is also an event gets a row here, written by the
-- same statement (audit-log.ts), so an event exists exactly when its audit row does. The relay
-- (activities/src/adapters/kafka/event-relay.ts) publishes pending rows in id order, keyed by email, with the audit
-- row's id as the event id, then deletes them. A row is pending until it is published: there is no high-water
-- mark, so a row whose transaction commits late (serial ids commit out of order) is published late, never skipped.

-- (No foreign key to audit_log: its rows are never deleted, and `truncate audit_log` must meet its own trigger.)
create table event_outbox (
  audit_id  bigint primary key,
  email_key text not null
);

-- One row per topic: where, in each partition, anything published since the last confirmed round can be (Kafka
-- offsets). After a crash or a failed send the next relay reads from there and drops what Kafka already has.
create table event_relay (
  topic      text primary key,
  offsets    jsonb not null,
  updated_at timestamptz not null default now()
);
