-- Append-only history of every step of every email. `data` holds IDs, verdicts, reasons and hashes: never a
-- body, a subject or an address. A trigger rejects UPDATE, DELETE and TRUNCATE. `audit_key`, when given, makes
-- an append idempotent (a retried activity does not log its step twice).
-- (Retention / erasure requests will need a dedicated, audited path that disables the trigger; later step.)

create table audit_log (
  id        bigserial primary key,
  audit_key text unique,
  email_key text,
  stage     text not null,
  event     text not null,
  data      jsonb not null default '{}',
  at        timestamptz not null default now()
);
create index audit_log_email_key_idx on audit_log (email_key, id);

create function audit_log_reject_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % rejected', tg_op using errcode = 'restrict_violation';
end;
$$;

create trigger audit_log_no_update_or_delete
  before update or delete on audit_log
  for each row execute function audit_log_reject_change();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_reject_change();
