-- How far the IMAP poller has read each mailbox. A UIDVALIDITY change means the UIDs were reset: start over
-- (the raw_emails hash and the email key keep re-read messages from being processed twice).

create table imap_checkpoints (
  mailbox     text primary key,
  uidvalidity bigint not null check (uidvalidity >= 0),
  last_uid    bigint not null check (last_uid >= 0),
  updated_at  timestamptz not null default now()
);
