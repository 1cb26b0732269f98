-- What the auto-reply limits count by (activities/src/triage/auto-reply-window.ts), beside the sealed case file:
-- the email's Date header (an answered email counts at it, or at the send if that is earlier) and the hash of its
-- thread key (first References id, else In-Reply-To, else its own Message-ID). Written by saveCase; rows from before
-- count at their send time.
alter table emails
  add column email_date      timestamptz,
  add column thread_key_hash text check (thread_key_hash ~ '^[0-9a-f]{64}$');
-- Rows from before: their thread key is the first of the thread hashes 028 filled (References[0], else Message-ID).
update emails set thread_key_hash = thread_hashes[1] where thread_key_hash is null and cardinality(thread_hashes) > 0;
