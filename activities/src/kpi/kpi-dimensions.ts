/**
 * The dimensions the KPIs are cut by, as the `route` event of `email.events` carries them: intent, language,
 * template/prompt version, rollout cohort (the draft experiment's variant) and the conversation (a row id, for the
 * re-escalation rate); for the conversion KPI, the CRM customer id of the sender and the complementary products the
 * draft named. All PII-free (ids and SKUs). Pure.
 */
import type { EmailCase, ProductRecord } from '../domain/types';

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
  /** SKUs the draft proposed as complementary products: a catalogue answer's (`product_<SKU>` beside `complementary_to`) and an upsell's. */
  complements: string[];
}

/**
 * The complementary products a draft proposed: the catalogue template records the base product as `complementary_to`
 * and each product it lists as `product_<SKU>`; a listed product counts when the catalogue makes it a complement of
 * the base or of another listed product (a product the customer only asked the price of does not). A draft with
 * several bases records only the last one: a complement of an earlier base still counts when it is a complement of
 * a listed product.
 */
export function complementsNamed(facts: Record<string, unknown>, catalogue: Pick<ProductRecord, 'sku' | 'complementary'>[]): string[] {
  const base = facts.complementary_to;
  if (typeof base !== 'string') return [];
  const listed = Object.keys(facts).filter((k) => k.startsWith('product_')).map((k) => k.slice('product_'.length));
  const anchors = new Set([base, ...listed]);
  const complementOfAnchor = new Set(catalogue.filter((p) => anchors.has(p.sku)).flatMap((p) => p.complementary));
  return listed.filter((sku) => sku !== base && complementOfAnchor.has(sku)).sort();
}

/** `catalogue`: the shop's products, needed only when the draft names a complementary product (facts `complementary_to`). */
export function kpiDimensionsOf(emailCase: EmailCase, conversation: string | null, catalogue: Pick<ProductRecord, 'sku' | 'complementary'>[] = []): KpiDimensions {
  const draft = emailCase.draft;
  const experiment = draft?.experiment;
  return {
    intent: emailCase.classification?.intent ?? null,
    lang: emailCase.classification?.lang ?? draft?.lang ?? null,
    template: draft ? `${draft.templateId}@${draft.version}` : null,
    cohort: experiment ? `${experiment.id}:${experiment.variant}` : 'none',
    conversation,
    customer: emailCase.enrichment && ['sender', 'claimed'].includes(emailCase.enrichment.customerMatch) ? emailCase.enrichment.customerId : null,
    // A catalogue answer's complements, and the one product a discreet upsell suggests (draft.upsell, reply/upsell.ts).
    complements: [...new Set([...complementsNamed(draft?.facts ?? {}, catalogue), ...(draft?.upsell ? [draft.upsell.sku] : [])])].sort(),
  };
}
