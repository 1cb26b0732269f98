/**
 * The state the review tool's latest decision on each email left it in, as the tool audited it (stage `review-tool`,
 * `data.state`: the workflow's answer to the decision), when that decision is newer than the mirror's last change to
 * the email (`emails.updated_at`, compared in Postgres at its microsecond precision). The queue reads it so that an
 * email decided a moment ago is not listed again while the mirror and the workflow's state query catch up (the
 * decision's update answers before the workflow's main line records the verdict), nor when the query does not answer.
 */
import type { Queryable } from './pool';

export async function decidedSinceMirror(db: Queryable, emailKeys: readonly string[]): Promise<Map<string, string>> {
  if (emailKeys.length === 0) return new Map();
  const { rows } = await db.query<{ emailKey: string; state: string }>(
    `select distinct on (a.email_key) a.email_key as "emailKey", a.data->>'state' as state
     from audit_log a join emails e on e.email_key = a.email_key
     where a.email_key = any($1::text[]) and a.stage = 'review-tool' and a.data ? 'state' and a.at > e.updated_at
     order by a.email_key, a.id desc`,
    [emailKeys],
  );
  return new Map(rows.map((r) => [r.emailKey, r.state]));
}
