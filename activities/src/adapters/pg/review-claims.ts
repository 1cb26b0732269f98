/**
 * Short claims on an email: opening it in the review tool claims it for a few minutes so two reviewers do not work
 * on it at once. A claim is UI coordination only; the workflow still owns the decision.
 */
import type { Queryable } from './pool';

export interface ClaimRow {
  emailKey: string;
  reviewer: string;
  claimedAt: Date;
  expiresAt: Date;
}

/**
 * Claims the email for `reviewer` unless someone else holds a live claim (`force` takes it over anyway).
 * Returns the claim that holds after the call: the caller's, or the other reviewer's.
 */
export async function claimEmail(
  db: Queryable, input: { emailKey: string; reviewer: string; ttlSeconds: number; force?: boolean },
): Promise<ClaimRow> {
  const { rows } = await db.query<ClaimRow>(
    `insert into review_claims (email_key, reviewer, expires_at) values ($1, $2, now() + make_interval(secs => $3))
     on conflict (email_key) do update set reviewer = excluded.reviewer, claimed_at = now(), expires_at = excluded.expires_at
       where review_claims.reviewer = excluded.reviewer or review_claims.expires_at <= now() or $4
     returning email_key as "emailKey", reviewer, claimed_at as "claimedAt", expires_at as "expiresAt"`,
    [input.emailKey, input.reviewer, input.ttlSeconds, input.force ?? false],
  );
  if (rows[0]) return rows[0];
  const current = await liveClaim(db, input.emailKey);
  if (current) return current;
  // The other claim expired between the two statements: try once more.
  return claimEmail(db, input);
}

export async function liveClaim(db: Queryable, emailKey: string): Promise<ClaimRow | null> {
  const { rows } = await db.query<ClaimRow>(
    `select email_key as "emailKey", reviewer, claimed_at as "claimedAt", expires_at as "expiresAt"
     from review_claims where email_key = $1 and expires_at > now()`,
    [emailKey],
  );
  return rows[0] ?? null;
}

/** Live claims of several emails, by email key. */
export async function liveClaims(db: Queryable, emailKeys: string[]): Promise<Map<string, ClaimRow>> {
  const { rows } = await db.query<ClaimRow>(
    `select email_key as "emailKey", reviewer, claimed_at as "claimedAt", expires_at as "expiresAt"
     from review_claims where email_key = any($1::text[]) and expires_at > now()`,
    [emailKeys],
  );
  return new Map(rows.map((r) => [r.emailKey, r]));
}

export async function releaseClaim(db: Queryable, emailKey: string, reviewer: string): Promise<void> {
  await db.query('delete from review_claims where email_key = $1 and reviewer = $2', [emailKey, reviewer]);
}
