-- Templates and prompts as versioned data (activities/src/reply/wording/). Every saved version is kept (never updated),
-- with who saved it, when, and what changed. Saving does not put a version in force: an activation does, after the
-- activation check passed (wording_checks); a rollback is an activation of the version in force before. The latest
-- activation of a kind is in force; inserting one notifies the workers (channel `replique_wording`), which also poll.

create table wording_versions (
  -- `templates`: the phrases of the reply templates; `prompts`: the LLM drafter's prompt.
  kind        text not null check (kind in ('templates', 'prompts')),
  version     integer not null check (version > 0),
  -- Validated (zod) before it is saved: template-wording-schema.ts, prompt-schema.ts.
  body        jsonb not null check (jsonb_typeof(body) = 'object'),
  -- Staff login, `cli`, or `seed` (the shipped wording). Not customer data.
  created_by  text not null,
  note        text,
  -- What changed from the previous version: [{path, from, to}].
  diff        jsonb not null default '[]' check (jsonb_typeof(diff) = 'array'),
  created_at  timestamptz not null default now(),
  primary key (kind, version)
);

-- The activation check of a version: the dev and train sets replayed with it (no unsafe auto-send, no missing fact).
create table wording_checks (
  id          bigserial primary key,
  kind        text not null,
  version     integer not null,
  status      text not null check (status in ('running', 'passed', 'failed')),
  -- Per set: emails, unsafe auto-sends, wrong facts and forbidden phrases sent, drafts missing a fact; or the error.
  report      jsonb,
  started_by  text not null,
  started_at  timestamptz not null default now(),
  finished_at timestamptz,
  foreign key (kind, version) references wording_versions (kind, version)
);
create index wording_checks_version_idx on wording_checks (kind, version, id desc);

create table wording_activations (
  id           bigserial primary key,
  kind         text not null,
  version      integer not null,
  action       text not null check (action in ('seed', 'activate', 'rollback')),
  activated_by text not null,
  -- The passing check an `activate` relied on (null for a seed or a rollback to a version that was in force).
  check_id     bigint references wording_checks (id),
  created_at   timestamptz not null default now(),
  foreign key (kind, version) references wording_versions (kind, version)
);
create index wording_activations_kind_idx on wording_activations (kind, id desc);

create function notify_wording_activation() returns trigger language plpgsql as $$
begin
  perform pg_notify('replique_wording', new.kind || ':' || new.version);
  return new;
end $$;

create trigger wording_activations_notify after insert on wording_activations
  for each row execute function notify_wording_activation();

-- Which template version's words a draft uses (null: before this migration, or the shipped wording without a database).
alter table drafts add column wording_version integer;

-- `prompts`: a prompt owner, who edits, checks, activates and rolls back template and prompt versions (leads and
-- admins may too); in the queue they may do what a reviewer does.
alter table reviewers drop constraint reviewers_role_check;
alter table reviewers add constraint reviewers_role_check check (role in ('reviewer', 'prompts', 'senior', 'lead', 'admin'));
