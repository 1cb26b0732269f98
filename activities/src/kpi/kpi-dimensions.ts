/**
 * The dimensions the KPIs are cut by, as the `route` event of `email.events` carries them: intent, language,
 * template/prompt version, rollout cohort (the draft experiment's variant) and the conversation (a row id, for the
 * re-escalation rate); for the conversion KPI, the CRM customer id of the sender and the complementary products the
 * draft named. All PII-free (ids and SKUs). Pure.
 */
import type { EmailCase } from '../domain/types';

export interface KpiDimensions {
  intent: string | null;
  lang: string | null;
  /** `templateId@version` of the draft (a template or a prompt); null without a draft. */
  template: string | null;
  /** `experimentId:variant` when a draft experiment assigned the email; `none` otherwise. */
  cohort: string;
  /** The conversation's id (table `conversations`); null when the email was never linked to one. */
  conversation: string | null;
  /** The CRM customer id when the sender is that customer (by address or a claimed identity); null otherwise. */
  customer: string | null;
  /** SKUs the draft proposed as complementary products (catalogue answers: facts `product_<SKU>` beside `complementary_to`). */
  complements: string[];
}

/**
 * The complementary products a draft named: the catalogue template records the base product as `complementary_to`
 * and each product it lists as `product_<SKU>`; the listed ones other than the base are its complements. A draft
 * with several bases records only the last base: its other bases then count as complements too.
 */
export function complementsNamed(facts: Record<string, unknown>): string[] {
  const base = facts.complementary_to;
  if (typeof base !== 'string') return [];
  return Object.keys(facts).filter((k) => k.startsWith('product_')).map((k) => k.slice('product_'.length))
    .filter((sku) => sku !== base).sort();
}

export function kpiDimensionsOf(emailCase: EmailCase, conversation: string | null): KpiDimensions {
  const draft = emailCase.draft;
  const experiment = draft?.experiment;
  return {
    intent: emailCase.classification?.intent ?? null,
    lang: emailCase.classification?.lang ?? draft?.lang ?? null,
    template: draft ? `${draft.templateId}@${draft.version}` : null,
    cohort: experiment ? `${experiment.id}:${experiment.variant}` : 'none',
    conversation,
    customer: emailCase.enrichment && ['sender', 'claimed'].includes(emailCase.enrichment.customerMatch) ? emailCase.enrichment.customerId : null,
    complements: complementsNamed(draft?.facts ?? {}),
  };
}
