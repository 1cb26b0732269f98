/**
 * Body retention: after the retention period, the texts of an email that is done go, its rows stay (keys, states,
 * decisions, hashes, sizes, the audit trail). One batch per call, one statement, idempotent (a purged email is
 * skipped), each purged email's audit chain gains a `retention / bodies_purged` row in the same statement.
 *
 * What goes: emails.email_case (parsed headers and bodies), drafts subject/body/facts/offers, the reviewer's edited
 * text, note and override reason (reviewer_actions.sealed, and payload's legacy plaintext), review_edits texts and diff, reply_attachments content. Then raw_emails.raw
 * of messages whose every email is purged (`purgeRawBatch`).
 */
import { FINAL_EMAIL_STATES } from '../../domain/types';
import type { Queryable } from './pool';

/** Purges up to `limit` emails created before `before` whose workflow is over; returns how many. */
export async function purgeBodiesBatch(db: Queryable, before: Date, limit: number): Promise<number> {
  const { rows } = await db.query<{ purged: number }>(
    `with picked as (
       select email_key from emails
       where created_at < $1 and body_purged_at is null and state = any($3::text[])
       order by created_at limit $2 for update skip locked),
     drafts_purged as (
       update drafts set subject = ''::bytea, body = ''::bytea, facts = '{}'::bytea, offers = '[]'
       where email_key in (select email_key from picked)),
     actions_purged as (
       update reviewer_actions set payload = payload - 'edited' - 'note', sealed = null
       where email_key in (select email_key from picked) and (payload ? 'edited' or payload ? 'note' or sealed is not null)),
     edits_purged as (
       update review_edits set draft_body = ''::bytea, sent_body = ''::bytea, diff = ''::bytea
       where email_key in (select email_key from picked)),
     attachments_purged as (
       update reply_attachments set content = ''::bytea where email_key in (select email_key from picked)),
     emails_purged as (
       update emails set email_case = null, body_purged_at = now()
       where email_key in (select email_key from picked) returning email_key),
     audited as (
       insert into audit_log (audit_key, email_key, stage, event, data)
       select 'retention:bodies:' || email_key, email_key, 'retention', 'bodies_purged',
              jsonb_build_object('createdBefore', $1::timestamptz)
       from emails_purged
       on conflict (audit_key) do nothing)
     select count(*)::int as purged from emails_purged`,
    [before, limit, FINAL_EMAIL_STATES],
  );
  return rows[0]!.purged;
}

/** Empties up to `limit` raw messages received before `before` that no unpurged email still reads; returns how many. */
export async function purgeRawBatch(db: Queryable, before: Date, limit: number): Promise<number> {
  const { rowCount } = await db.query(
    `update raw_emails set raw = null, purged_at = now()
     where id in (
       select r.id from raw_emails r
       where r.purged_at is null and r.received_at < $1
         and not exists (select 1 from emails e where e.raw_id = r.id and e.body_purged_at is null)
       order by r.received_at limit $2 for update skip locked)`,
    [before, limit],
  );
  return rowCount ?? 0;
}
