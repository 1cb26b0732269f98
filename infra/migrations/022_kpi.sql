-- KPIs, computed by the KPI consumer (services/src/kpi/) from `email.events` alone.
--
-- kpi_events: every event the consumer took, once. `event_key` is the event id when the event has one (the outbox's
-- audit row id), otherwise emailKey|stage|event|at: a redelivered copy is dropped by the primary key.
-- kpi_email_facts: one row per email, recomputed from that email's events each time one arrives (so the order of
-- arrival and redeliveries do not matter). Definitions: activities/src/adapters/pg/kpi-store.ts and the README of
-- services/src/kpi/. No PII: IDs, verdicts, dimensions and times only.
-- kpi_email_outcomes: the facts plus re-escalation, which needs the other emails of the conversation.
--
-- The KPI page of the review tool is for the `lead` role (added with the live policy).

create table kpi_events (
  event_key   text primary key,
  event_id    text,
  email_key   text not null,
  stage       text not null,
  event       text not null,
  at          timestamptz not null,
  data        jsonb not null default '{}',
  consumed_at timestamptz not null default now()
);
create index kpi_events_email_key_idx on kpi_events (email_key, at);

create table kpi_email_facts (
  email_key          text primary key,
  received_at        timestamptz not null,
  route              text not null,
  intent             text not null,
  lang               text not null,
  template           text not null,
  cohort             text not null,
  conversation       text,
  customer           boolean not null,
  first_response_at  timestamptz,
  resolved_at        timestamptz,
  automated          boolean not null,
  human_action       boolean not null,
  reviewed           boolean not null,
  reviewed_sent      boolean not null,
  escalated          boolean not null,
  sla_breached       boolean not null,
  edited             boolean not null,
  edit_distance      integer,
  fact_check_blocked boolean not null,
  csat_score         smallint,
  updated_at         timestamptz not null default now()
);
create index kpi_email_facts_received_at_idx on kpi_email_facts (received_at);
create index kpi_email_facts_conversation_idx on kpi_email_facts (conversation) where conversation is not null;

-- Re-escalated: an email answered automatically whose customer wrote again in the same conversation about the same
-- matter (same intent) within 7 days of the reply.
create view kpi_email_outcomes as
select f.*,
  (f.automated and exists (
    select 1 from kpi_email_facts b
    where b.conversation = f.conversation and b.email_key <> f.email_key and b.customer and b.intent = f.intent
      and b.received_at > f.first_response_at and b.received_at <= f.first_response_at + interval '7 days'
  )) as reescalated
from kpi_email_facts f;
