-- The audit chain's row hash, computed in the trigger's own expressions (017 called `audit_row_hash`, which called
-- `audit_field` once per field). Same fields, same length prefixes, same SHA-256: the rows it writes hash as before
-- (activities/src/domain/audit-chain.ts `rowHash` recomputes it: keep both in step). What changes is the cost: the
-- nested SQL functions are not inlined into the trigger's PL/pgSQL (a field's argument is used twice), so each append
-- ran nine SQL function calls, ~0.15 ms of a Postgres backend's CPU per audit row (~13.5 rows per email); inline,
-- hashing costs next to nothing (docs/benchmarks/README.md, 2026-12-07).
-- Unchanged: the head locked first, a retried append (same audit_key) that finds its row under that lock inserts
-- nothing and leaves the head where it was, time never goes back within a chain.

create or replace function audit_log_chain() returns trigger
language plpgsql as $$
declare
  head audit_chain_heads;
  seq_text text;
  data_text text;
  at_micros text;
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
  seq_text := new.seq::text;
  data_text := new.data::text;
  at_micros := ((extract(epoch from new.at) * 1000000)::bigint)::text;
  -- Each field as 017's audit_field: its byte length, ':', the text; '~' for null.
  new.hash := encode(sha256(convert_to(
    coalesce(octet_length(new.prev_hash)::text || ':' || new.prev_hash, '~')
    || coalesce(octet_length(seq_text)::text || ':' || seq_text, '~')
    || coalesce(octet_length(new.email_key)::text || ':' || new.email_key, '~')
    || coalesce(octet_length(new.audit_key)::text || ':' || new.audit_key, '~')
    || coalesce(octet_length(new.stage)::text || ':' || new.stage, '~')
    || coalesce(octet_length(new.event)::text || ':' || new.event, '~')
    || coalesce(octet_length(data_text)::text || ':' || data_text, '~')
    || coalesce(octet_length(at_micros)::text || ':' || at_micros, '~'), 'UTF8')), 'hex');
  update audit_chain_heads set seq = new.seq, hash = new.hash, at = new.at where chain_key = head.chain_key;
  return new;
end;
$$;

-- One definition of the row hash in SQL: the trigger's.
drop function audit_row_hash(text, bigint, text, text, text, text, jsonb, timestamptz);
drop function audit_field(text);
