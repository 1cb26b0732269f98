/**
 * Discreet upsell: a post-purchase automatic reply may name ONE complementary product of the shop's catalogue
 * (`complementary` of a product in the order), with its catalogue name and price, in one sentence.
 *
 * Only when all of these hold (anything else: no suggestion):
 * - the policy switch is on (`upsell.enabled`) and the template opted in (`upsell.templates`);
 * - the email is a thank-you or an order-status question (`UPSELL_INTENTS`), with no other intent beside it, a tone
 *   that is not negative, and no signal other than a defused keyword (no complaint, delay, refund, escalation cue);
 * - the order is verified as the sender's and post-purchase: delivered, or shipped and on time;
 * - the customer is verified by address, not opted out of AI, refused no offer (memory/), and was not suggested a
 *   product in the last `upsell.period_days` days (memory `upsell` entries);
 * - the product is in the catalogue, not in the order, and not already owned by the customer.
 * The route stage takes the sentence out again unless the email is answered automatically (`withdrawUnlessAuto`), so
 * it never reaches a review, an escalation or a person's draft.
 */
import type { Draft, EmailCase, Intent, ProductRecord } from '../domain/types';
import type { UpsellPolicy } from '../triage/policy';
import type { ReplyContext } from './reply-context';
import { daysBetween, daysLate } from './shop-format';
import { FactSheet } from './templates/template-kit';
import { say } from './wording/say';

export const UPSELL_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['order_status', 'thanks']);
/** Signals that do not stand in the way of a suggestion; every other signal does. */
const HARMLESS_SIGNALS: ReadonlySet<string> = new Set(['escalation_keyword_defused', 'model_defused']);

export interface UpsellChoice {
  sku: string;
  /** The sentence, as it stands in the reply. */
  text: string;
  /** The facts it states (product name and price from shop data). */
  facts: Record<string, string | number>;
}

/** Why no suggestion: the first condition that failed (for tests and the reviewer); null when one is made. */
export function upsellBlocker(ctx: ReplyContext, emailCase: EmailCase, templateId: string, policy: UpsellPolicy | undefined): string | null {
  if (!policy?.enabled) return 'policy_off';
  if (!policy.templates.includes(templateId)) return 'template_not_opted_in';
  const cls = emailCase.classification;
  if (!cls || !UPSELL_INTENTS.has(cls.intent)) return 'intent';
  if (cls.secondaryIntents.some((i) => !UPSELL_INTENTS.has(i))) return 'secondary_intent';
  if (cls.sentiment === 'negative') return 'negative_tone';
  if (cls.signals.some((s) => !HARMLESS_SIGNALS.has(s))) return 'signal';
  if (!ctx.customer || ctx.customer.ai_opt_out) return 'customer_not_verified';
  const order = ctx.order;
  if (!order) return 'no_verified_order';
  const postPurchase = order.status === 'delivered' || (order.status === 'shipped' && daysLate(order, ctx.today) === 0);
  if (!postPurchase) return 'not_post_purchase';
  if (ctx.refusedOffers.length) return 'refused_offers';
  const last = ctx.memory?.lastUpsellAt;
  if (last && daysBetween(last.slice(0, 10), ctx.today) < policy.periodDays) return 'suggested_recently';
  return null;
}

export function chooseUpsell(ctx: ReplyContext, emailCase: EmailCase, templateId: string, policy: UpsellPolicy | undefined): UpsellChoice | null {
  if (upsellBlocker(ctx, emailCase, templateId, policy) !== null) return null;
  const order = ctx.order!;
  const bySku = new Map(ctx.catalogue.map((p) => [p.sku, p]));
  const inOrder = new Set(order.items.map((i) => i.sku));
  for (const item of order.items) {
    const bought = bySku.get(item.sku);
    const next = bought?.complementary.map((sku) => bySku.get(sku)).find((p): p is ProductRecord =>
      p !== undefined && !inOrder.has(p.sku) && !ctx.ownedSkus.has(p.sku));
    if (bought && next) return sentence(ctx, bought, next);
  }
  return null;
}

function sentence(ctx: ReplyContext, bought: ProductRecord, product: ProductRecord): UpsellChoice {
  const f = new FactSheet(ctx.lang);
  const produit = f.text('upsell_product', ctx.lang === 'fr' ? product.name_fr : product.name_en);
  const prix = f.amount('upsell_price', product.price);
  const produitprincipal = ctx.lang === 'fr' ? bought.name_fr : bought.name_en;
  const text = say(ctx, 'upsell.suggestion', f, { produitprincipal, produit, prix });
  return { sku: product.sku, text, facts: { upsell_sku: product.sku, ...(f.facts as Record<string, string | number>) } };
}

const UPSELL_FACTS = ['upsell_sku', 'upsell_product', 'upsell_price'];

/** The route stage's last word: a suggestion stays only in a reply sent automatically. */
export function withdrawUnlessAuto(c: EmailCase): EmailCase {
  const draft = c.draft;
  if (!draft?.upsell || c.decision?.route === 'auto') return c;
  const facts = Object.fromEntries(Object.entries(draft.facts).filter(([k]) => !UPSELL_FACTS.includes(k)));
  const withdrawn: Draft = {
    ...draft, body: draft.body.replace(`\n\n${draft.upsell.text}`, ''), facts, upsell: null, upsellWithdrawn: draft.upsell.sku,
  };
  return { ...c, draft: withdrawn };
}
