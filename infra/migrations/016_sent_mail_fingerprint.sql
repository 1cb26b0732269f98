-- What a reply said, as a check and not as text: the keyed hashes of the normalised runs of words of the body that
-- left after any reviewer's edit (activities/src/mail/reply-fingerprint.ts). A customer quoting "our" earlier reply
-- back is checked against it (triage/quoted-shop.ts). Null for sends claimed before this migration: the log then
-- says it cannot vouch for those replies. Our replies are looked up by their Message-ID.

alter table sent_mail add column body_fingerprint text[];
create index sent_mail_message_id_idx on sent_mail (message_id);
