/** What reviewers did, once per idempotency key (a double click or a retried request records one action). */
import type { Queryable } from './pool';

export const REVIEWER_ACTIONS = ['approve', 'edit', 'reject', 'escalate', 'takeover'] as const;
export type ReviewerActionKind = (typeof REVIEWER_ACTIONS)[number];

export interface ReviewerActionRow {
  id: string;
  idempotencyKey: string;
  emailKey: string;
  reviewer: string;
  action: ReviewerActionKind;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export async function recordReviewerAction(
  db: Queryable,
  input: {
    idempotencyKey: string; emailKey: string; reviewer: string; action: ReviewerActionKind;
    payload?: Record<string, unknown>;
  },
): Promise<{ inserted: boolean }> {
  const { rowCount } = await db.query(
    `insert into reviewer_actions (idempotency_key, email_key, reviewer, action, payload)
     values ($1, $2, $3, $4, $5::jsonb) on conflict (idempotency_key) do nothing`,
    [input.idempotencyKey, input.emailKey, input.reviewer, input.action, JSON.stringify(input.payload ?? {})],
  );
  return { inserted: rowCount === 1 };
}

/** Oldest first. */
export async function reviewerActionsOf(db: Queryable, emailKey: string): Promise<ReviewerActionRow[]> {
  const { rows } = await db.query<ReviewerActionRow>(
    `select id, idempotency_key as "idempotencyKey", email_key as "emailKey", reviewer, action, payload,
       created_at as "createdAt"
     from reviewer_actions where email_key = $1 order by id`,
    [emailKey],
  );
  return rows;
}
