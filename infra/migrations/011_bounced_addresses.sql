-- Recipient addresses our replies bounced from, by hash only (sha256 of the trimmed, lower-cased address, as
-- sent_mail.to_address_hash): never the address in clear. One row per address; `count` and `last_status` (the
-- RFC 3463 status of the latest bounce, e.g. 5.1.1) let routing hold automatic replies to a hard-bouncing address.
-- A bounce is counted once: the repository writes it in the same transaction as its idempotent audit row.

create table bounced_addresses (
  address_hash text primary key check (address_hash ~ '^[0-9a-f]{64}$'),
  first_seen   timestamptz not null default now(),
  last_seen    timestamptz not null default now(),
  count        integer not null default 1 check (count > 0),
  last_status  text
);
