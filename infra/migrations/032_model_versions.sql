-- The meaning model's versions as data (activities/src/adapters/pg/model-versions.ts): every published model file is
-- kept (never updated), with who published it, when, and a note. The latest activation is in force; a publish
-- activates the new version at once, a rollback is an activation of the version in force before. Inserting an
-- activation notifies the workers (channel `replique_model`), which also poll; each decision records the version.

create table model_versions (
  version        integer primary key check (version > 0),
  -- The file's own `version` (ml/train-meaning-model.ts writes it): what a decision records. One content per name.
  model_version  text not null unique,
  -- The file's `feature_version`: a worker only loads a model whose features its code computes.
  feature_version text not null,
  -- The model file as published, validated (zod, intent-model.ts) before it is saved. About 1 MB.
  body           jsonb not null check (jsonb_typeof(body) = 'object'),
  sha256         text not null,
  -- Staff login, `cli:…`, or `seed` (the committed file, seeded at a worker's start). Not customer data.
  created_by     text not null,
  note           text,
  created_at     timestamptz not null default now()
);

create table model_activations (
  id           bigserial primary key,
  version      integer not null references model_versions (version),
  action       text not null check (action in ('seed', 'publish', 'activate', 'rollback')),
  activated_by text not null,
  created_at   timestamptz not null default now()
);
create index model_activations_id_idx on model_activations (id desc);

create function notify_model_activation() returns trigger language plpgsql as $$
begin
  perform pg_notify('replique_model', new.version::text);
  return new;
end $$;

create trigger model_activations_notify after insert on model_activations
  for each row execute function notify_model_activation();

-- Which meaning model classified the email (intent-model.json `version`; null: before this migration, or rules only).
alter table decisions add column model_version text;
