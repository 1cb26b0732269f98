-- Every inbound message, byte for byte, stored once by the hash of its bytes BEFORE anything else happens.
-- The first source and mailbox to store a given message win; later deliveries of the same bytes find the row.
-- PII: `raw` is the message itself. Encryption at rest is a later step.

create table raw_emails (
  id          bigserial primary key,
  sha256      text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  raw         bytea not null,
  size        integer not null check (size = octet_length(raw)),
  received_at timestamptz not null default now(),
  source      text not null check (source in ('imap', 'http', 'smtp', 'kafka-replay', 'cli')),
  mailbox     text not null
);
