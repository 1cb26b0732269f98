-- Threading at the start in one round trip. `linkToConversation` (activities/src/adapters/pg/conversations.ts) ran six
-- statements per new email, one after the other (its conversation if linked already, the conversation of a known
-- Message-ID hash, the conversation's upsert, the hashes' links, the email's attachment, the conversation's open
-- email): the starter's biggest share of an email's Postgres work (docs/benchmarks/README.md). The same statements, in
-- the same order and with the same idempotence, run here as one function call (and so in one transaction).
create function link_email_to_conversation(
  p_email_key text, p_message_id_hash text, p_reference_hashes text[], p_customer_id text, p_open_states text[],
  out conversation_id bigint, out existing_workflow_id text, out existing_email_key text
) language plpgsql as $$
declare
  v_refs text[] := array(select distinct h from unnest(coalesce(p_reference_hashes, '{}')) h
                         where p_message_id_hash is null or h <> p_message_id_hash);
  v_created_at timestamptz;
begin
  -- The conversation it was linked to already (a redelivery), else that of any hash it carries (the oldest), else its
  -- thread root's (created when new).
  select e.conversation_id into conversation_id from emails e where e.email_key = p_email_key;
  if conversation_id is null then
    select t.conversation_id into conversation_id from email_threads t
    where t.message_id_hash = any(array_remove(array_prepend(p_message_id_hash, coalesce(p_reference_hashes, '{}')), null))
    order by t.conversation_id limit 1;
  end if;
  if conversation_id is null then
    insert into conversations (thread_key, customer_id, first_email_key, last_email_key)
    values (coalesce(p_reference_hashes[1], p_message_id_hash, 'email:' || p_email_key), p_customer_id, p_email_key, p_email_key)
    on conflict (thread_key) do update set thread_key = excluded.thread_key
    returning id into conversation_id;
  end if;
  -- The email's own hash (with its key) and its reference hashes map to the conversation; the first mapping wins.
  insert into email_threads (message_id_hash, conversation_id, email_key)
  select h.hash, link_email_to_conversation.conversation_id, case when h.own then p_email_key end
  from (select p_message_id_hash as hash, true as own where p_message_id_hash is not null
        union all select r, false from unnest(v_refs) r) h
  on conflict (message_id_hash) do update set email_key = coalesce(email_threads.email_key, excluded.email_key);
  -- The email joins the conversation, whose "last" moves forward.
  update emails e set conversation_id = coalesce(e.conversation_id, link_email_to_conversation.conversation_id), updated_at = now()
  where e.email_key = p_email_key returning e.created_at into v_created_at;
  if found then
    update conversations c set
      customer_id = coalesce(c.customer_id, p_customer_id),
      last_email_key = case when v_created_at >= c.last_at then p_email_key else c.last_email_key end,
      last_at = greatest(c.last_at, v_created_at)
    where c.id = link_email_to_conversation.conversation_id;
  end if;
  -- The newest OTHER email of the conversation still open, whose workflow may take this one as a follow-up.
  select e.workflow_id, e.email_key into existing_workflow_id, existing_email_key from emails e
  where e.conversation_id = link_email_to_conversation.conversation_id and e.email_key <> p_email_key
    and e.state = any(p_open_states)
  order by e.created_at desc, e.email_key limit 1;
end $$;
