/**
 * A preview of a template version on a real past email (from Postgres): the draft the version in force wrote
 * and the one the chosen version writes, each checked by the guardrails, with the shop as it is now. Only words
 * change between the two; nothing is saved or sent. For a prompt version, the preview is the model's system message
 * (the review process calls no model).
 */
import type { Draft, GuardrailReport } from '@replique/activities/domain/types';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { latestPolicyVersion } from '@replique/activities/adapters/pg/policy-versions';
import { activeWordingVersion, getWordingVersion } from '@replique/activities/adapters/pg/wording-versions';
import { checkDraft } from '@replique/activities/reply/check-draft';
import { draftReply } from '@replique/activities/reply/draft-reply';
import { EmbeddedContextStore } from '@replique/activities/reply/embedded-context-store';
import { readStoredTemplateWording } from '@replique/activities/reply/wording/template-wording-schema';
import { buildPolicy } from '@replique/activities/triage/policy';
import type { TriageDeps } from '@replique/activities/triage/pipeline';

export interface PreviewedDraft {
  version: number;
  draft: Draft | null;
  guardrails: GuardrailReport | null;
}

/** Recent emails a preview can use: a person's mail with a draft (no subject or address: the key, intent, route). */
export async function previewableEmails(db: Pool, limit = 30): Promise<Array<{ emailKey: string; intent: string; route: string; createdAt: Date }>> {
  const { rows } = await db.query<{ emailKey: string; intent: string; route: string; createdAt: Date }>(
    `select e.email_key as "emailKey", e.intent, e.route, e.created_at as "createdAt" from emails e
     where e.intent is not null and e.route in ('auto', 'review', 'escalate')
       and exists (select 1 from drafts d where d.email_key = e.email_key)
     order by e.created_at desc limit $1`, [limit]);
  return rows;
}

export async function previewTemplateVersion(
  db: Pool, vault: FieldVault, emailKey: string, version: number,
): Promise<{ inForce: PreviewedDraft; candidate: PreviewedDraft } | null> {
  const emailCase = await loadCase(db, vault, emailKey);
  const [chosen, active, policyRow] = await Promise.all([
    getWordingVersion(db, 'templates', version), activeWordingVersion(db, 'templates'), latestPolicyVersion(db),
  ]);
  if (!emailCase || !chosen || !active || !policyRow) return null;
  const shop = new PgShopData(db);
  const base: TriageDeps = { shop, policy: buildPolicy(policyRow.body, await shop.policies()), context: new EmbeddedContextStore() };
  const write = async (v: number, body: unknown): Promise<PreviewedDraft> => {
    const deps = { ...base, wording: { version: v, wording: readStoredTemplateWording(body) } };
    const drafted = await checkDraft(await draftReply({ ...emailCase, draft: null, guardrails: null }, deps), deps);
    return { version: v, draft: drafted.draft, guardrails: drafted.guardrails };
  };
  return { inForce: await write(active.row.version, active.row.body), candidate: await write(chosen.version, chosen.body) };
}
