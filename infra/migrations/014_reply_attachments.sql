-- Documents sent with a reply (an invoice copy as PDF), stored before the SMTP call under the reply's send key:
-- what was sent can be shown and proven later (bytes and SHA-256). A retried send renders the same bytes and finds
-- the row. PII: the document names the customer and their order.

create table reply_attachments (
  id           bigserial primary key,
  send_key     text not null,
  email_key    text not null references emails (email_key),
  filename     text not null,
  content_type text not null,
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes   integer not null check (size_bytes > 0),
  content      bytea not null,
  created_at   timestamptz not null default now(),
  unique (send_key, filename)
);
create index reply_attachments_email_key_idx on reply_attachments (email_key);
