-- One row per inbound email, keyed by its dedup key (activities/src/domain/email-key.ts): a projection of the
-- workflow's state for the review tool and the CLI. The workflow owns the state; this row mirrors it.
-- PII: `email_case` (the EmailCase: parsed headers, bodies, draft). No address or Message-ID in clear elsewhere.
-- (The column is `email_case`, not `case`, which is an SQL keyword.)

create table emails (
  email_key       text primary key check (email_key ~ '^[0-9a-f]{64}$'),
  raw_id          bigint not null references raw_emails (id),
  mailbox         text not null,
  message_id_hash text check (message_id_hash ~ '^[0-9a-f]{64}$'),
  workflow_id     text not null unique,
  state           text not null default 'received' check (state in (
                    'received', 'processing', 'quarantined', 'suppressed', 'waiting_review', 'escalated',
                    'sent', 'rejected', 'failed')),
  state_reason    text,
  route           text check (route in ('auto', 'review', 'escalate', 'suppress')),
  intent          text,
  email_case      jsonb,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index emails_state_idx on emails (state, created_at desc);
create index emails_created_at_idx on emails (created_at desc);
create index emails_raw_id_idx on emails (raw_id);
create index emails_message_id_hash_idx on emails (message_id_hash);
