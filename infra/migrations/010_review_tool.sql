-- The review tool: staff accounts with roles, server-side sessions, short claims on an email, and every edit kept
-- as a diff with its similarity to the draft (the input of rewrite KPIs per intent and template/prompt version).
-- Staff identity (login names) is not customer data; `draft_body` / `sent_body` are PII like drafts.body.

create table reviewers (
  id            bigserial primary key,
  name          text not null unique check (name ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  role          text not null check (role in ('reviewer', 'senior', 'admin')),
  -- scrypt$N$r$p$salt$hash (node:crypto scrypt), never the password.
  password_hash text not null,
  disabled_at   timestamptz,
  created_at    timestamptz not null default now()
);

-- A session is known by the SHA-256 of its cookie value: a leaked table does not hand out live cookies.
create table review_sessions (
  token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  reviewer_id bigint not null references reviewers (id),
  -- The synchronizer token every state-changing request must echo.
  csrf_token  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index review_sessions_expires_at_idx on review_sessions (expires_at);

-- Opening an email claims it for a few minutes, so two reviewers do not work on it at once. UI coordination only:
-- the workflow still owns the decision (and refuses a second one).
create table review_claims (
  email_key  text primary key references emails (email_key),
  reviewer   text not null,
  claimed_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table review_edits (
  id          bigserial primary key,
  decision_id text not null unique,
  email_key   text not null references emails (email_key),
  reviewer    text not null,
  intent      text,
  template_id text,
  version     text,
  draft_body  text not null,
  sent_body   text not null,
  diff        text not null,
  similarity  double precision not null check (similarity >= 0 and similarity <= 1),
  created_at  timestamptz not null default now()
);
create index review_edits_intent_idx on review_edits (intent, template_id, version);
