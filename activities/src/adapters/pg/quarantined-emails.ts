/**
 * The quarantined emails (state `quarantined`): input that could not be read as an email, or whose data Postgres
 * refused (`data_rejected:<SQLSTATE>`). Nothing was sent for them; the raw bytes are kept for a person. PII-free
 * columns only: key, mailbox, reason, size, times.
 */
import type { Queryable } from './pool';

export interface QuarantinedEmail {
  emailKey: string;
  mailbox: string;
  reason: string | null;
  /** Size of the raw message as received (null: no raw row). */
  rawBytes: number | null;
  /** True once retention purged the raw bytes. */
  rawPurged: boolean;
  receivedAt: Date;
  quarantinedAt: Date;
}

/** The most recently quarantined first, and how many there are in all. */
export async function listQuarantinedEmails(db: Queryable, limit = 200): Promise<{ total: number; emails: QuarantinedEmail[] }> {
  const [{ rows }, count] = await Promise.all([
    db.query<QuarantinedEmail>(
      `select e.email_key as "emailKey", e.mailbox, e.state_reason as reason, r.size as "rawBytes", (r.purged_at is not null) as "rawPurged",
              e.created_at as "receivedAt", e.updated_at as "quarantinedAt"
       from emails e left join raw_emails r on r.id = e.raw_id
       where e.state = 'quarantined'
       order by e.updated_at desc, e.email_key limit $1`,
      [limit],
    ),
    db.query<{ total: number }>(`select count(*)::int as total from emails where state = 'quarantined'`),
  ]);
  return { total: count.rows[0]?.total ?? 0, emails: rows };
}
