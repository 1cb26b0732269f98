-- Threading: a customer's reply that arrives while the email it answers is still open (analysing, waiting for a
-- reviewer, escalated) is handed to that email's workflow as a signal instead of starting a workflow of its own.
-- Such a follow-up ends in state `threaded`, and `followup_of` names the email whose workflow took it.
alter table emails drop constraint emails_state_check;
alter table emails add constraint emails_state_check check (state in (
  'received', 'analysing', 'quarantined', 'suppressed', 'waiting_review', 'escalated', 'sending', 'sent', 'rejected',
  'send_failed', 'threaded'));
alter table emails add column followup_of text references emails (email_key);
create index emails_followup_of_idx on emails (followup_of) where followup_of is not null;
