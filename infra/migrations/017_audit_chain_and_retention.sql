-- Tamper evidence for the audit log, and retention (activities/src/audit/README.md).
--
-- Chain: the rows of one email (`chain_key` = email_key, '' for rows of no email) form a hash chain. A BEFORE
-- INSERT trigger locks the chain's head (`audit_chain_heads`), gives the row the next `seq`, the head's hash as
-- `prev_hash`, and `hash` = audit_row_hash(its fields), then moves the head: appends of one email serialise on
-- their head row, other emails do not wait. A retried append (same audit_key) finds its row after taking the lock
-- and inserts nothing, so the head never moves for a row that is not written.
-- Anchors: one row per UTC day, the hash over the day's chain heads chained to the previous day's anchor, written by
-- the retention workflow; removing every row of an email changes its days' anchors.
-- Retention: the only deletes the append-only trigger lets through are those of a transaction that set
-- `replique.audit_prune` (the retention activity); the pruned prefix of each chain is kept in its head, and every
-- prune leaves a mark with the last removed anchor's hash, so what remains still verifies (`replique audit verify`).

create table audit_chain_heads (
  chain_key   text primary key,
  seq         bigint not null default 0,
  hash        text not null default repeat('0', 64),
  at          timestamptz,
  -- The last row removed by retention from the start of the chain (0 / genesis: none).
  pruned_seq  bigint not null default 0,
  pruned_hash text not null default repeat('0', 64)
);

create table audit_anchors (
  day         date primary key,
  prev_hash   text not null,
  chain_count integer not null,
  hash        text not null,
  created_at  timestamptz not null default now()
);

create table audit_retention_marks (
  id            bigserial primary key,
  -- Rows before this day (UTC) are removed; anchors of days before it are gone.
  before_day    date not null unique,
  -- The hash of the last anchor removed (the prev_hash of the first anchor kept); null when none was removed.
  anchor_hash   text,
  created_at    timestamptz not null default now()
);

-- Length-prefixed fields, so no two rows hash the same text. Recomputed in TypeScript by `replique audit verify`
-- (activities/src/domain/audit-chain.ts): keep both in step.
create function audit_field(value text) returns text
language sql immutable as $$ select coalesce(octet_length(value)::text || ':' || value, '~') $$;

create function audit_row_hash(prev_hash text, seq bigint, email_key text, audit_key text, stage text, event text,
                               data jsonb, at timestamptz) returns text
language sql immutable as $$
  select encode(sha256(convert_to(
    audit_field(prev_hash) || audit_field(seq::text) || audit_field(email_key) || audit_field(audit_key)
    || audit_field(stage) || audit_field(event) || audit_field(data::text)
    || audit_field(((extract(epoch from at) * 1000000)::bigint)::text), 'UTF8')), 'hex')
$$;

alter table audit_log
  add column seq bigint,
  add column prev_hash text,
  add column hash text;

-- Rows written before this migration join their chains in id order.
alter table audit_log disable trigger audit_log_no_update_or_delete;
do $$
declare
  r record;
  head audit_chain_heads;
begin
  for r in select * from audit_log order by id loop
    insert into audit_chain_heads (chain_key) values (coalesce(r.email_key, '')) on conflict do nothing;
    select * into head from audit_chain_heads where chain_key = coalesce(r.email_key, '');
    update audit_log set seq = head.seq + 1, prev_hash = head.hash,
      hash = audit_row_hash(head.hash, head.seq + 1, r.email_key, r.audit_key, r.stage, r.event, r.data, r.at)
      where id = r.id;
    update audit_chain_heads h set seq = a.seq, hash = a.hash, at = a.at from audit_log a
      where a.id = r.id and h.chain_key = head.chain_key;
  end loop;
end;
$$;
alter table audit_log enable trigger audit_log_no_update_or_delete;

alter table audit_log
  alter column seq set not null,
  alter column prev_hash set not null,
  alter column hash set not null;
create unique index audit_log_chain_seq_idx on audit_log ((coalesce(email_key, '')), seq);
create index audit_log_at_idx on audit_log (at);

create function audit_log_chain() returns trigger
language plpgsql as $$
declare
  head audit_chain_heads;
begin
  select * into head from audit_chain_heads where chain_key = coalesce(new.email_key, '') for update;
  if not found then
    insert into audit_chain_heads (chain_key) values (coalesce(new.email_key, '')) on conflict do nothing;
    select * into head from audit_chain_heads where chain_key = coalesce(new.email_key, '') for update;
  end if;
  -- Under the head's lock, with a fresh snapshot: a retried append whose row is there inserts nothing.
  if new.audit_key is not null and exists (select 1 from audit_log where audit_key = new.audit_key) then
    return null;
  end if;
  -- Time never goes back within a chain (retention removes a prefix of it).
  new.at := greatest(new.at, head.at);
  new.seq := head.seq + 1;
  new.prev_hash := head.hash;
  new.hash := audit_row_hash(new.prev_hash, new.seq, new.email_key, new.audit_key, new.stage, new.event, new.data, new.at);
  update audit_chain_heads set seq = new.seq, hash = new.hash, at = new.at where chain_key = head.chain_key;
  return new;
end;
$$;

create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

-- Deletes only by retention (a transaction that set replique.audit_prune); updates and truncates never.
create or replace function audit_log_reject_change() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('replique.audit_prune', true) = 'on' then
    return old;
  end if;
  raise exception '% is append-only: % rejected', tg_table_name, tg_op using errcode = 'restrict_violation';
end;
$$;

create trigger audit_anchors_no_update_or_delete
  before update or delete on audit_anchors
  for each row execute function audit_log_reject_change();

-- Bodies purged by retention: the row stays (keys, states, hashes, sizes), the text goes.
alter table emails add column body_purged_at timestamptz;
create index emails_body_retention_idx on emails (created_at) where body_purged_at is null;
alter table raw_emails alter column raw drop not null;
alter table raw_emails add column purged_at timestamptz;
alter table raw_emails drop constraint raw_emails_check;
alter table raw_emails add constraint raw_emails_size_check check (purged_at is not null or size = octet_length(raw));
create index raw_emails_retention_idx on raw_emails (received_at) where purged_at is null;
