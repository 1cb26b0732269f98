-- The Message-ID of each reply we send is mapped to the conversation of the email it answers (email_threads, with
-- email_key null: no inbound email carries it), so a customer's answer whose In-Reply-To / References name only our
-- reply joins that conversation (activities/src/adapters/pg/conversations.ts, linkSentMessageId, written before the
-- SMTP call). Replies sent before: mapped here from sent_mail (our Message-IDs are stored bare; the hash is the one
-- of domain/email-key.ts: sha256 of the lower-cased id without angle brackets).
insert into email_threads (message_id_hash, conversation_id)
select distinct on (h.hash) h.hash, e.conversation_id
from sent_mail s
join emails e on e.email_key = s.email_key
cross join lateral (
  select encode(sha256(convert_to(lower(btrim(btrim(s.message_id), '<>')), 'UTF8')), 'hex') as hash
) h
where e.conversation_id is not null and btrim(btrim(s.message_id), '<>') <> ''
order by h.hash, s.id
on conflict (message_id_hash) do nothing;
