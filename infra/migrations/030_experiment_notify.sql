-- The workers follow the running experiments live, as they follow the policy and the wording: starting an experiment
-- or promoting a variant notifies them (channel `replique_experiments`), and they also poll (DRAFT_EXPERIMENT_POLL_MS)
-- in case a notification is lost. Variants are inserted in the experiment's own transaction, so the notification,
-- sent at commit, always finds them.
create function notify_experiment_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('replique_experiments', new.id || ':' || new.status);
  return new;
end $$;

create trigger experiments_notify after insert or update on experiments
  for each row execute function notify_experiment_change();

-- The draft row records its experiment cohort (`experimentId:variant`, as the KPI tables carry it), next to the template
-- version it was written with (wording_version); null outside an experiment.
alter table drafts add column cohort text check (cohort ~ '^[a-z0-9][a-z0-9._-]{0,62}:[a-z0-9][a-z0-9._:-]{0,126}$');
