/** Staff accounts of the review tool: a login name, a role and a password hash (never the password). */
import type { Queryable } from './pool';

/**
 * In rank order. A prompt owner (`prompts`) is a reviewer who also edits the template and prompt versions; a lead (head
 * of support) also edits the live policy and sees the KPIs; an admin also manages accounts.
 */
export const REVIEWER_ROLES = ['reviewer', 'prompts', 'senior', 'lead', 'admin'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export interface ReviewerRow {
  id: string;
  name: string;
  role: ReviewerRole;
  passwordHash: string;
  disabledAt: Date | null;
}

const COLUMNS = `id, name, role, password_hash as "passwordHash", disabled_at as "disabledAt"`;

/** Creates the account, or replaces the role and password of an existing one (re-enabling it). */
export async function upsertReviewer(
  db: Queryable, input: { name: string; role: ReviewerRole; passwordHash: string },
): Promise<{ created: boolean }> {
  const { rows } = await db.query<{ created: boolean }>(
    `insert into reviewers (name, role, password_hash) values ($1, $2, $3)
     on conflict (name) do update set role = excluded.role, password_hash = excluded.password_hash, disabled_at = null
     returning (xmax = 0) as created`,
    [input.name, input.role, input.passwordHash],
  );
  return { created: rows[0]?.created ?? false };
}

export async function findReviewerByName(db: Queryable, name: string): Promise<ReviewerRow | null> {
  const { rows } = await db.query<ReviewerRow>(`select ${COLUMNS} from reviewers where name = $1`, [name]);
  return rows[0] ?? null;
}

export async function listReviewers(db: Queryable): Promise<Omit<ReviewerRow, 'passwordHash'>[]> {
  const { rows } = await db.query<ReviewerRow>(`select ${COLUMNS} from reviewers order by name`);
  return rows.map(({ passwordHash: _hash, ...rest }) => rest);
}

export async function disableReviewer(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query('update reviewers set disabled_at = now() where name = $1 and disabled_at is null', [name]);
  await db.query('delete from review_sessions where reviewer_id = (select id from reviewers where name = $1)', [name]);
  return rowCount === 1;
}
