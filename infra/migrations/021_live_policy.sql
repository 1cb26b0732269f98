-- The live routing policy: every saved version is kept (never updated), with who saved it, when, and what changed.
-- The highest version is the one in force. Saving one notifies the workers (channel `replique_policy`); each worker
-- also polls the highest version every second or two, so a lost notification delays a change by one poll at most.
-- `kill_switch` stops every automatic send; it is a column of the version, not of the body, so saving an edited
-- policy file never turns it off by accident (a new version carries it over unless the kill-switch action says).

create table policy_versions (
  version     integer primary key check (version > 0),
  -- The policy document, validated (activities/src/triage/policy.ts, policyFileSchema) before it is saved.
  body        jsonb not null check (jsonb_typeof(body) = 'object'),
  kill_switch boolean not null default false,
  -- Staff login, `cli`, or `seed` (the worker seeding version 1 from the policy file). Not customer data.
  created_by  text not null,
  note        text,
  -- What changed from the previous version: [{path, from, to}] (activities/src/triage/policy-diff.ts).
  diff        jsonb not null default '[]' check (jsonb_typeof(diff) = 'array'),
  created_at  timestamptz not null default now()
);

create function notify_policy_version() returns trigger language plpgsql as $$
begin
  perform pg_notify('replique_policy', new.version::text);
  return new;
end $$;

create trigger policy_versions_notify after insert on policy_versions
  for each row execute function notify_policy_version();

-- Which policy version a routing decision used (null for decisions made before this migration).
alter table decisions add column policy_version integer references policy_versions (version);

-- `lead`: a senior who may also edit the live policy and use the kill switch (admins may too).
alter table reviewers drop constraint reviewers_role_check;
alter table reviewers add constraint reviewers_role_check check (role in ('reviewer', 'senior', 'lead', 'admin'));
