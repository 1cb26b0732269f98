/**
 * The state the review tool's latest decision on each email left it in, as the tool audited it (stage `review-tool`,
 * `data.state`: the workflow's answer to the decision). The queue reads it for emails whose workflow did not answer
 * its query in time, so an email decided a moment ago is not listed again while the mirror catches up.
 */
import type { Queryable } from './pool';

export interface DecidedState {
  state: string;
  at: Date;
}

export async function latestDecidedStates(db: Queryable, emailKeys: readonly string[]): Promise<Map<string, DecidedState>> {
  if (emailKeys.length === 0) return new Map();
  const { rows } = await db.query<DecidedState & { emailKey: string }>(
    `select distinct on (email_key) email_key as "emailKey", data->>'state' as state, at
     from audit_log
     where email_key = any($1::text[]) and stage = 'review-tool' and data ? 'state'
     order by email_key, id desc`,
    [emailKeys],
  );
  return new Map(rows.map((r) => [r.emailKey, { state: r.state, at: r.at }]));
}
