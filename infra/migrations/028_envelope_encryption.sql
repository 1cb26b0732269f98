-- Envelope encryption at rest (activities/src/adapters/vault/README.md). Customer text is sealed with AES-256-GCM under
-- a data key of its data subject (the sender's address, by hash); each data key is stored wrapped by a key encryption
-- key (KEK) that never reaches Postgres (DATA_KEKS locally, a KMS in production). Destroying a data key's wrapped
-- bytes makes every field sealed with it unreadable at once (crypto-shredding).
--
-- Sealed values are `bytea`: 0x00 'r' 'q' 0x01 ‖ data key id (8 bytes) ‖ IV (12) ‖ ciphertext ‖ GCM tag (16). The
-- columns that held text or JSON change type here, their existing values kept as their UTF-8 bytes: a value without
-- that prefix is legacy plaintext, still readable (text never starts with a NUL byte), and sealed in place by
-- `replique keys seal-existing` (idempotent).
-- What stays searchable is a hash or a reference, in columns of its own: emails.sender_hash, emails.thread_hashes,
-- emails.customer_id (a CRM id, like conversations.customer_id).

create table data_keys (
  id           bigserial primary key,
  -- Hex sha256 of the sender's trimmed, lower-cased address, or 'raw:' || sha256 of a message without a readable one.
  subject_hash text not null unique,
  -- The CRM customer the subject was matched to (triage's enrichment): erasure finds a customer's keys by it.
  customer_id  text,
  -- Which KEK wraps the key; null with wrapped_key once the key is destroyed.
  kek_id       text,
  wrapped_key  bytea,
  created_at   timestamptz not null default now(),
  rotated_at   timestamptz,
  destroyed_at timestamptz,
  check ((destroyed_at is null) = (wrapped_key is not null and kek_id is not null))
);
create index data_keys_customer_id_idx on data_keys (customer_id) where customer_id is not null;
create index data_keys_kek_id_idx on data_keys (kek_id);

-- The data key of every field of the emails read from a message (null: a message stored before this migration;
-- its key is chosen from its sender at the first seal).
alter table raw_emails add column data_key_id bigint references data_keys (id);
-- `size` is the message's size, not the sealed value's.
alter table raw_emails drop constraint raw_emails_size_check;
alter table raw_emails add constraint raw_emails_raw_check check (purged_at is not null or raw is not null);

-- What SQL looked up inside the case file, now hashes and references beside it (written by saveCase).
alter table emails
  add column sender_hash   text check (sender_hash ~ '^[0-9a-f]{64}$'),
  add column thread_hashes text[],
  add column customer_id   text;
update emails set
  sender_hash = case when email_case #>> '{parsed,from,address}' is null then null
                else encode(sha256(convert_to(lower(btrim(email_case #>> '{parsed,from,address}')), 'UTF8')), 'hex') end,
  thread_hashes = array_remove(array[
    case when email_case #>> '{parsed,references,0}' is null then null
      else encode(sha256(convert_to(lower(btrim(email_case #>> '{parsed,references,0}', ' <>')), 'UTF8')), 'hex') end,
    case when email_case #>> '{parsed,messageId}' is null then null
      else encode(sha256(convert_to(lower(btrim(email_case #>> '{parsed,messageId}', ' <>')), 'UTF8')), 'hex') end], null),
  customer_id = email_case #>> '{enrichment,customerId}'
where email_case is not null;
create index emails_sender_hash_idx on emails (sender_hash) where sender_hash is not null;
create index emails_customer_id_idx on emails (customer_id) where customer_id is not null;
alter table emails alter column email_case type bytea using convert_to(email_case::text, 'UTF8');

alter table drafts drop constraint drafts_facts_check;
alter table drafts
  alter column subject type bytea using convert_to(subject, 'UTF8'),
  alter column body type bytea using convert_to(body, 'UTF8'),
  alter column facts drop default,
  alter column facts type bytea using convert_to(facts::text, 'UTF8');

-- A reviewer's edited text and note, sealed; the rest of the payload (override checks, reason codes) stays JSON.
alter table reviewer_actions add column sealed bytea;

alter table review_edits
  alter column draft_body type bytea using convert_to(draft_body, 'UTF8'),
  alter column sent_body type bytea using convert_to(sent_body, 'UTF8'),
  alter column diff type bytea using convert_to(diff, 'UTF8');

alter table reply_ratings drop constraint reply_ratings_comment_check;
alter table reply_ratings alter column comment type bytea using convert_to(comment, 'UTF8');

-- A customer matched to an email (saveCase sets emails.customer_id) is recorded on the email's data key: erasure by
-- customer finds every key of theirs. The first match stays.
create function emails_link_data_key() returns trigger
language plpgsql as $$
begin
  update data_keys k set customer_id = new.customer_id from raw_emails r
  where r.id = new.raw_id and k.id = r.data_key_id and k.customer_id is null;
  return new;
end;
$$;
create trigger emails_link_data_key after update of customer_id on emails
  for each row when (new.customer_id is not null and new.customer_id is distinct from old.customer_id)
  execute function emails_link_data_key();
