-- What the pipeline decided and wrote, and what reviewers did. Each row carries an idempotency key derived from
-- the email and the step, so a retried activity writes nothing twice.
-- PII: draft `subject` / `body` (they quote names, orders). Encryption at rest is a later step.

create table decisions (
  id                 bigserial primary key,
  decision_key       text not null unique,
  email_key          text not null references emails (email_key),
  route              text not null check (route in ('auto', 'review', 'escalate', 'suppress')),
  reasons            jsonb not null default '[]' check (jsonb_typeof(reasons) = 'array'),
  confidence         double precision not null check (confidence >= 0 and confidence <= 1),
  approvals_required integer not null default 0 check (approvals_required >= 0),
  created_at         timestamptz not null default now()
);
create index decisions_email_key_idx on decisions (email_key, id);

create table drafts (
  id          bigserial primary key,
  draft_key   text not null unique,
  email_key   text not null references emails (email_key),
  subject     text not null,
  body        text not null,
  lang        text not null check (lang in ('fr', 'en')),
  template_id text not null,
  -- The template / prompt version (Draft.version).
  version     text not null,
  generator   text not null check (generator in ('template', 'llm')),
  model       text,
  facts       jsonb not null default '{}' check (jsonb_typeof(facts) = 'object'),
  offers      jsonb not null default '[]' check (jsonb_typeof(offers) = 'array'),
  created_at  timestamptz not null default now()
);
create index drafts_email_key_idx on drafts (email_key, id);

create table reviewer_actions (
  id              bigserial primary key,
  idempotency_key text not null unique,
  email_key       text not null references emails (email_key),
  -- The reviewer's login (staff identity), not customer data.
  reviewer        text not null,
  action          text not null check (action in ('approve', 'edit', 'reject', 'escalate', 'takeover')),
  payload         jsonb not null default '{}' check (jsonb_typeof(payload) = 'object'),
  created_at      timestamptz not null default now()
);
create index reviewer_actions_email_key_idx on reviewer_actions (email_key, id);
