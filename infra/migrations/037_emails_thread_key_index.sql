-- The auto-reply limits count the automatic replies to an email's sender and to its thread
-- (activities/src/adapters/pg/auto-reply-log.ts): the emails of that sender or thread are found by index, then their
-- sends. Before, every automatic send the shop had ever made was joined for each email routed: a read that grew with
-- the audit log. The sender's hash has its index (028); the thread key's is this one.
create index emails_thread_key_hash_idx on emails (thread_key_hash) where thread_key_hash is not null;
