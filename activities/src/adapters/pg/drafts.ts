/**
 * Drafts written for an email, one row per draft key (derived from the email and the step). Each row is stamped
 * with its template/prompt id and version, generator and model, and, when a model was asked, how the call went
 * (`generation`: prompt, tokens, latency, fallback reason; columns of migration 013), the template version whose
 * words it uses (`wording_version`, migration 026) and its experiment cohort `experimentId:variant` (`cohort`, 030). PII: subject, body and facts, sealed with the email's data key
 * (../vault/field-vault.ts).
 */
import type { Draft } from '../../domain/types';
import type { FieldVault } from '../vault/field-vault';
import type { Queryable } from './pool';
import type { ChangeRider } from './audit-log';

export interface DraftRow extends Draft {
  id: string;
  draftKey: string;
  emailKey: string;
  createdAt: Date;
}

export interface DraftInput { draftKey: string; emailKey: string; draft: Draft }

const DRAFT_COLUMNS = `draft_key, email_key, subject, body, lang, template_id, version, generator, model, facts, offers,
  prompt_id, prompt_version, prompt_tokens, completion_tokens, latency_ms, fallback_reason, wording_version, cohort`;
/** The types of DRAFT_COLUMNS, for an insert whose values are not a VALUES list (draftRider). */
const DRAFT_TYPES = ['text', 'text', 'bytea', 'bytea', 'text', 'text', 'text', 'text', 'text', 'bytea', 'jsonb',
  'text', 'text', 'integer', 'integer', 'integer', 'text', 'integer', 'text'];

/** A drafts row's values, its subject, body and facts sealed with the email's data key. */
async function draftValues(vault: FieldVault, input: DraftInput): Promise<unknown[]> {
  const d = input.draft;
  const g = d.generation ?? null;
  const owner = { emailKey: input.emailKey };
  const [subject, body, facts] = await Promise.all([vault.seal(owner, d.subject), vault.seal(owner, d.body), vault.sealJson(owner, d.facts)]);
  return [
    input.draftKey, input.emailKey, subject, body, d.lang, d.templateId, d.version, d.generator,
    d.model ?? g?.model ?? null, facts, JSON.stringify(d.offers),
    g?.promptId ?? null, g?.promptVersion ?? null, g?.promptTokens ?? null, g?.completionTokens ?? null,
    g ? Math.round(g.latencyMs) : null, g?.fallbackReason ?? null, d.wordingVersion ?? null,
    d.experiment ? `${d.experiment.id}:${d.experiment.variant}` : null,
  ];
}

/** Stores the draft once; returns its id (the existing one when the key was already used). */
export async function saveDraft(db: Queryable, vault: FieldVault, input: DraftInput): Promise<string> {
  const inserted = await db.query<{ id: string }>(
    `insert into drafts (${DRAFT_COLUMNS})
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19)
     on conflict (draft_key) do nothing returning id`,
    await draftValues(vault, input),
  );
  if (inserted.rows[0]) return inserted.rows[0].id;
  // A separate statement sees a draft committed concurrently under the same key (see sent-mail.ts).
  const existing = await db.query<{ id: string }>('select id from drafts where draft_key = $1', [input.draftKey]);
  if (!existing.rows[0]) throw new Error(`draft ${input.draftKey} neither inserted nor found`);
  return existing.rows[0].id;
}

/**
 * `saveDraft` riding on the draft stage's save of the case file (one statement: emails.ts CaseWrite.riders), its
 * fields sealed beforehand (`sealDraftRider`, async; the rider itself is built when the save is).
 */
export async function sealDraftRider(vault: FieldVault, input: DraftInput): Promise<ChangeRider> {
  const values = await draftValues(vault, input);
  return (param) => `insert into drafts (${DRAFT_COLUMNS})
    select ${values.map((v, i) => `${param(v)}::${DRAFT_TYPES[i]}`).join(', ')}
    from changed limit 1 on conflict (draft_key) do nothing`;
}

/** SQL: the `generation` of the drafts row `d`, as JSON (null when no model was asked). */
export function generationJson(d: string): string {
  return `case when ${d}.prompt_id is null then null else jsonb_build_object('promptId', ${d}.prompt_id,
    'promptVersion', ${d}.prompt_version, 'model', ${d}.model, 'promptTokens', ${d}.prompt_tokens,
    'completionTokens', ${d}.completion_tokens, 'latencyMs', ${d}.latency_ms, 'fallbackReason', ${d}.fallback_reason) end`;
}

/** A drafts row as stored: its sealed fields still sealed (`openDraftFields`). */
export type SealedDraftFields<T> = Omit<T, 'subject' | 'body' | 'facts'> & { subject: Buffer; body: Buffer; facts: Buffer };

/** Opens the sealed subject, body and facts of a drafts row. */
export async function openDraftFields<T extends Pick<Draft, 'subject' | 'body' | 'facts'>>(
  vault: FieldVault, row: SealedDraftFields<T>,
): Promise<T> {
  const [subject, body, facts] = await Promise.all([vault.openText(row.subject), vault.openText(row.body), vault.openJson<Draft['facts']>(row.facts)]);
  return { ...row, subject: subject ?? '', body: body ?? '', facts: facts ?? {} } as unknown as T;
}

export async function latestDraft(db: Queryable, vault: FieldVault, emailKey: string): Promise<DraftRow | null> {
  const { rows } = await db.query<SealedDraftFields<DraftRow>>(
    `select id, draft_key as "draftKey", email_key as "emailKey", subject, body, lang, template_id as "templateId",
       version, generator, model, facts, offers, ${generationJson('d')} as generation, wording_version as "wordingVersion",
       case when cohort is null then null else jsonb_build_object('id', split_part(cohort, ':', 1), 'variant', substr(cohort, strpos(cohort, ':') + 1)) end
         as experiment,
       created_at as "createdAt"
     from drafts d where email_key = $1 order by id desc limit 1`,
    [emailKey],
  );
  return rows[0] ? openDraftFields<DraftRow>(vault, rows[0]) : null;
}

/** Model calls behind drafts, per model and prompt version: the KPIs of the LLM path. */
export interface ModelDraftStats {
  model: string;
  promptId: string;
  promptVersion: string;
  /** Drafts for which the model was asked. */
  calls: number;
  /** … whose model text was used (the others fell back to the template). */
  modelDrafts: number;
  fallbacks: number;
  avgLatencyMs: number;
  p95LatencyMs: number;
  avgPromptTokens: number | null;
  avgCompletionTokens: number | null;
}

export async function modelDraftStats(db: Queryable): Promise<ModelDraftStats[]> {
  const { rows } = await db.query<ModelDraftStats>(
    `select model, prompt_id as "promptId", prompt_version as "promptVersion", count(*)::int as calls,
       count(*) filter (where fallback_reason is null)::int as "modelDrafts",
       count(*) filter (where fallback_reason is not null)::int as fallbacks,
       round(avg(latency_ms))::int as "avgLatencyMs",
       round(percentile_cont(0.95) within group (order by latency_ms))::int as "p95LatencyMs",
       round(avg(prompt_tokens))::int as "avgPromptTokens", round(avg(completion_tokens))::int as "avgCompletionTokens"
     from drafts where prompt_id is not null
     group by model, prompt_id, prompt_version order by model, prompt_id, prompt_version`,
  );
  return rows;
}
