-- The caches of customer text in every process (the vault's unwrapped data keys, the worker's case files) are dropped
-- within seconds of an erasure in any other process: destroying a data key notifies them (channel `replique_erasure`,
-- payload the key's id), at the commit of the erasure's transaction. Their cache lifetime stays the bound when a
-- notification is lost.
create function notify_data_key_destroyed() returns trigger language plpgsql as $$
begin
  perform pg_notify('replique_erasure', new.id::text);
  return new;
end $$;

create trigger data_keys_erasure_notify after update of destroyed_at on data_keys
  for each row when (old.destroyed_at is null and new.destroyed_at is not null)
  execute function notify_data_key_destroyed();
