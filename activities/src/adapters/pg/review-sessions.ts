/**
 * Server-side sessions of the review tool. The cookie carries a random token; the table keeps only its SHA-256,
 * the reviewer, the CSRF (synchronizer) token and the expiry. A disabled account's sessions stop working at once.
 */
import type { Queryable } from './pool';
import type { ReviewerRole } from './reviewers';

export interface SessionRow {
  reviewerId: string;
  reviewer: string;
  role: ReviewerRole;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable, input: { tokenHash: string; reviewerId: string; csrfToken: string; ttlSeconds: number },
): Promise<void> {
  await db.query(
    `insert into review_sessions (token_hash, reviewer_id, csrf_token, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [input.tokenHash, input.reviewerId, input.csrfToken, input.ttlSeconds],
  );
  // Expired sessions are dead weight; each login sweeps them.
  await db.query('delete from review_sessions where expires_at < now()');
}

/** The live session with this token hash, or null (unknown, expired, or account disabled). */
export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>(
    `select r.id as "reviewerId", r.name as reviewer, r.role, s.csrf_token as "csrfToken", s.expires_at as "expiresAt"
     from review_sessions s join reviewers r on r.id = s.reviewer_id
     where s.token_hash = $1 and s.expires_at > now() and r.disabled_at is null`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from review_sessions where token_hash = $1', [tokenHash]);
}
