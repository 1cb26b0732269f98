/**
 * Every reviewer edit kept as a diff with a similarity score between draft and sent text, stamped with the intent
 * and the template/prompt version: how much reviewers rewrite each intent and version. PII: the two bodies and the
 * diff, sealed with the email's data key (../vault/field-vault.ts).
 */
import type { FieldVault } from '../vault/field-vault';
import type { Queryable } from './pool';

export interface ReviewEdit {
  decisionId: string;
  emailKey: string;
  reviewer: string;
  intent: string | null;
  templateId: string | null;
  version: string | null;
  draftBody: string;
  sentBody: string;
  diff: string;
  similarity: number;
}

/** Once per decision: a retried request writes nothing. */
export async function recordReviewEdit(db: Queryable, vault: FieldVault, edit: ReviewEdit): Promise<{ inserted: boolean }> {
  const owner = { emailKey: edit.emailKey };
  const [draftBody, sentBody, diff] = await Promise.all([vault.seal(owner, edit.draftBody), vault.seal(owner, edit.sentBody), vault.seal(owner, edit.diff)]);
  const { rowCount } = await db.query(
    `insert into review_edits (decision_id, email_key, reviewer, intent, template_id, version, draft_body, sent_body,
       diff, similarity)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (decision_id) do nothing`,
    [edit.decisionId, edit.emailKey, edit.reviewer, edit.intent, edit.templateId, edit.version, draftBody, sentBody, diff,
      edit.similarity],
  );
  return { inserted: rowCount === 1 };
}

export interface EditSimilarityRow {
  intent: string | null;
  templateId: string | null;
  version: string | null;
  edits: number;
  averageSimilarity: number;
}

/** Average similarity of sent text to draft, per intent and template/prompt version; most rewritten first. */
export async function editSimilarityByIntent(db: Queryable): Promise<EditSimilarityRow[]> {
  const { rows } = await db.query<EditSimilarityRow>(
    `select intent, template_id as "templateId", version, count(*)::int as edits,
       avg(similarity)::float8 as "averageSimilarity"
     from review_edits group by intent, template_id, version order by avg(similarity), intent, template_id, version`,
  );
  return rows;
}

export async function editsOf(db: Queryable, vault: FieldVault, emailKey: string): Promise<(ReviewEdit & { createdAt: Date })[]> {
  type Stored = Omit<ReviewEdit, 'draftBody' | 'sentBody' | 'diff'> & { draftBody: Buffer; sentBody: Buffer; diff: Buffer; createdAt: Date };
  const { rows } = await db.query<Stored>(
    `select decision_id as "decisionId", email_key as "emailKey", reviewer, intent, template_id as "templateId",
       version, draft_body as "draftBody", sent_body as "sentBody", diff, similarity, created_at as "createdAt"
     from review_edits where email_key = $1 order by id`,
    [emailKey],
  );
  return Promise.all(rows.map(async (row) => ({
    ...row,
    draftBody: (await vault.openText(row.draftBody)) ?? '',
    sentBody: (await vault.openText(row.sentBody)) ?? '',
    diff: (await vault.openText(row.diff)) ?? '',
  })));
}
