-- Threads: emails that belong together (a reply, a follow-up). `email_threads` maps every Message-ID hash seen
-- (an email's own, and those in its In-Reply-To / References) to a conversation, so a new email finds its
-- conversation from its reference hashes. Hashes only: no Message-ID in clear.

create table conversations (
  id              bigserial primary key,
  -- Hash of the thread's root Message-ID (first References entry, else the email's own), or "email:<key>".
  thread_key      text not null unique,
  customer_id     text,
  first_email_key text not null references emails (email_key),
  last_email_key  text not null references emails (email_key),
  first_at        timestamptz not null default now(),
  last_at         timestamptz not null default now()
);
create index conversations_customer_id_idx on conversations (customer_id);

create table email_threads (
  message_id_hash text primary key check (message_id_hash ~ '^[0-9a-f]{64}$'),
  conversation_id bigint not null references conversations (id),
  -- The email carrying this Message-ID, when we have it (null for a message only seen in References).
  email_key       text references emails (email_key),
  created_at      timestamptz not null default now()
);
create index email_threads_conversation_id_idx on email_threads (conversation_id);

alter table emails add column conversation_id bigint references conversations (id);
create index emails_conversation_id_idx on emails (conversation_id, created_at);
