-- What customers say through the links a reply carries (activities/src/outbound/reply-links.ts), no login needed.
--
-- reply_ratings: one rating per reply (a reply is known by the email it answered: one reply per email), 1 to 5,
-- changeable (the row keeps the latest score and counts the changes; every vote is also in audit_log and on
-- `email.events` as csat.rated). `comment` is the customer's own words: PII like a body.
--
-- customers.ai_opt_out_at / ai_opt_out_via: when and how Réplique recorded a customer's wish to be answered by a
-- person (their reply's link, or a reviewer). A CRM re-seed keeps such an opt-out (seed-shop.ts).

create table reply_ratings (
  email_key   text primary key references emails (email_key),
  score       smallint not null check (score between 1 and 5),
  comment     text check (char_length(comment) <= 2000),
  changes     integer not null default 0,
  rated_at    timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index reply_ratings_updated_at_idx on reply_ratings (updated_at);

alter table customers
  add column ai_opt_out_at  timestamptz,
  add column ai_opt_out_via text check (ai_opt_out_via in ('reply_link', 'reviewer'));
