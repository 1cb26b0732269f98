-- The email states are the workflow's (activities/src/domain/types.ts EMAIL_STATES): `analysing` and `sending`
-- while it works, `send_failed` when the SMTP server refused the reply for good.
alter table emails drop constraint emails_state_check;
update emails set state = 'analysing' where state = 'processing';
update emails set state = 'send_failed' where state = 'failed';
alter table emails add constraint emails_state_check check (state in (
  'received', 'analysing', 'quarantined', 'suppressed', 'waiting_review', 'escalated', 'sending', 'sent', 'rejected',
  'send_failed'));
