/**
 * The customer's rating of one reply (reply_ratings): one row per reply, changeable. A vote that changes the
 * score or the comment writes the row and its audit row in one transaction; the same vote again changes nothing.
 * The comment (the customer's own words) is sealed with the email's data key (../vault/field-vault.ts).
 */
import type { Pool } from 'pg';
import type { FieldVault } from '../vault/field-vault';
import { appendAudit } from './audit-log';
import type { Queryable } from './pool';
import { withTransaction } from './transaction';

export interface ReplyRating {
  score: number;
  comment: string | null;
  changes: number;
  ratedAt: Date;
  updatedAt: Date;
}

export type RatingOutcome =
  | { status: 'recorded'; previousScore: number | null; changes: number }
  | { status: 'unchanged' }
  | { status: 'no_such_reply' };

export async function replyRating(db: Queryable, vault: FieldVault, emailKey: string): Promise<ReplyRating | null> {
  const { rows } = await db.query<Omit<ReplyRating, 'comment'> & { comment: Buffer | null }>(
    `select score, comment, changes, rated_at as "ratedAt", updated_at as "updatedAt" from reply_ratings where email_key = $1`,
    [emailKey],
  );
  return rows[0] ? { ...rows[0], comment: await vault.openText(rows[0].comment) } : null;
}

/** Records a vote (audit row `csat:rated`: score, previous score, whether a comment was given; never its text). */
export async function rateReply(
  pool: Pool, vault: FieldVault, vote: { emailKey: string; score: number; comment: string | null },
): Promise<RatingOutcome> {
  return withTransaction(pool, async (client) => {
    const email = await client.query('select 1 from emails where email_key = $1', [vote.emailKey]);
    if (email.rowCount === 0) return { status: 'no_such_reply' } as const;
    const { rows: prior } = await client.query<{ score: number; comment: Buffer | null }>(
      'select score, comment from reply_ratings where email_key = $1 for update', [vote.emailKey],
    );
    const before = prior[0];
    if (before && before.score === vote.score && (await vault.openText(before.comment)) === vote.comment) return { status: 'unchanged' } as const;
    const { rows } = await client.query<{ changes: number }>(
      `insert into reply_ratings (email_key, score, comment) values ($1, $2, $3)
       on conflict (email_key) do update set score = excluded.score, comment = excluded.comment,
         changes = reply_ratings.changes + 1, updated_at = now()
       returning changes`,
      [vote.emailKey, vote.score, await vault.sealText({ emailKey: vote.emailKey }, vote.comment)],
    );
    const changes = rows[0]!.changes;
    await appendAudit(client, {
      emailKey: vote.emailKey, stage: 'csat', event: 'rated', auditKey: `${vote.emailKey}:csat:rated:${changes}`,
      data: { score: vote.score, previousScore: before?.score ?? null, changes, comment: vote.comment !== null },
      publish: true, // also an event of `email.events` (the outbox): the KPI consumer's input
    });
    return { status: 'recorded', previousScore: before?.score ?? null, changes } as const;
  });
}
