/**
 * Drafts written for an email, one row per draft key (derived from the email and the step). Each row is stamped
 * with its template/prompt id and version, generator and model. PII: subject and body.
 */
import type { Draft } from '../../domain/types';
import type { Queryable } from './pool';

export interface DraftRow extends Draft {
  id: string;
  draftKey: string;
  emailKey: string;
  createdAt: Date;
}

/** Stores the draft once; returns its id (the existing one when the key was already used). */
export async function saveDraft(
  db: Queryable, input: { draftKey: string; emailKey: string; draft: Draft },
): Promise<string> {
  const d = input.draft;
  const inserted = await db.query<{ id: string }>(
    `insert into drafts (draft_key, email_key, subject, body, lang, template_id, version, generator, model, facts, offers)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)
     on conflict (draft_key) do nothing returning id`,
    [
      input.draftKey, input.emailKey, d.subject, d.body, d.lang, d.templateId, d.version, d.generator, d.model ?? null,
      JSON.stringify(d.facts), JSON.stringify(d.offers),
    ],
  );
  if (inserted.rows[0]) return inserted.rows[0].id;
  // A separate statement sees a draft committed concurrently under the same key (see sent-mail.ts).
  const existing = await db.query<{ id: string }>('select id from drafts where draft_key = $1', [input.draftKey]);
  if (!existing.rows[0]) throw new Error(`draft ${input.draftKey} neither inserted nor found`);
  return existing.rows[0].id;
}

export async function latestDraft(db: Queryable, emailKey: string): Promise<DraftRow | null> {
  const { rows } = await db.query<DraftRow>(
    `select id, draft_key as "draftKey", email_key as "emailKey", subject, body, lang, template_id as "templateId",
       version, generator, model, facts, offers, created_at as "createdAt"
     from drafts where email_key = $1 order by id desc limit 1`,
    [emailKey],
  );
  return rows[0] ?? null;
}
