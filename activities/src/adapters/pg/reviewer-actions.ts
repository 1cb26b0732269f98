/**
 * What reviewers did, once per idempotency key (a double click or a retried request records one action). The payload
 * (the edited text, the note, an override's reason) is sealed with the email's data key in `sealed`; `payload` keeps
 * legacy rows' plaintext until `replique keys seal-existing` moves it.
 */
import type { FieldVault } from '../vault/field-vault';
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
  vault: FieldVault,
  input: {
    idempotencyKey: string; emailKey: string; reviewer: string; action: ReviewerActionKind;
    payload?: Record<string, unknown>;
  },
): Promise<{ inserted: boolean }> {
  const sealed = await vault.sealJson({ emailKey: input.emailKey }, input.payload ?? {});
  const { rowCount } = await db.query(
    `insert into reviewer_actions (idempotency_key, email_key, reviewer, action, sealed)
     values ($1, $2, $3, $4, $5) on conflict (idempotency_key) do nothing`,
    [input.idempotencyKey, input.emailKey, input.reviewer, input.action, sealed],
  );
  return { inserted: rowCount === 1 };
}

/** Oldest first. */
export async function reviewerActionsOf(db: Queryable, vault: FieldVault, emailKey: string): Promise<ReviewerActionRow[]> {
  const { rows } = await db.query<ReviewerActionRow & { sealed: Buffer | null }>(
    `select id, idempotency_key as "idempotencyKey", email_key as "emailKey", reviewer, action, payload, sealed,
       created_at as "createdAt"
     from reviewer_actions where email_key = $1 order by id`,
    [emailKey],
  );
  return Promise.all(rows.map(async ({ sealed, ...row }) => ({
    ...row, payload: { ...row.payload, ...(await vault.openJson<Record<string, unknown>>(sealed)) },
  })));
}
