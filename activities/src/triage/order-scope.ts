/**
 * Whether the order enrich inferred is the mail's topic once its intent is read. A product, account or
 * data-protection question is about no order — "does my stand mixer come with a dough hook?", "I can't log in to
 * look at my orders", "a copy of my data, delivery addresses included" — though its words may fit one of the writer's
 * orders (goods they own, a delivery word and their only open order). An order the mail names itself (its number, the
 * digits of it, its tracking number) stays, and so does one read from goods (or an amount, a date) the text says were
 * bought, received or are awaited, faulty or missing (order-evidence.ts speaksOfGoodsHad): a question about them is
 * about that order.
 * And the other way: a question read as about a pending order of the writer's ("j'ai commandé il y a plus d'une
 * semaine, vous pouvez regarder ?") whose words named no order is about their only open order, as enrich takes it when
 * its cue words ask. Pure over the records it is given.
 */
import type { Enrichment, Intent, OrderRecord } from '../domain/types';
import type { ProductMatcher } from '../reply/product-mentions';
import { asksToAddGoods, isOpenOrder, speaksOfGoodsHad, speaksOfOwnOrder, speaksOfPurchaseToCome } from './order-evidence';

const NO_ORDER_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['product_question', 'account_access', 'gdpr_request']);
const NAMED_BY_THE_MAIL: ReadonlySet<string> = new Set(['written', 'written_without_prefix', 'other_format_digits', 'tracking_number']);
const CONTEXT_ONLY: ReadonlySet<string> = new Set(['only_open_order', 'order_state', 'latest_order']);

/**
 * An order number written only in the thread (the subject, the quoted history), none of whose digits the new text
 * repeats: a reply asking a product question ("Re: Remboursement CMD-10499" — "vendez-vous des filtres ?") is about
 * no order, the thread's order is its context, as an inferred order is. Not when the reply asks for goods to be
 * added to it ("could you pop a tin of the sencha in with this?"): that is a change to the thread's order.
 */
function namedByThreadOnly(enr: Enrichment, clean: string): boolean {
  return enr.orderFoundBy === 'written' && !clean.replace(/\D/g, '').includes(enr.orderNumber!.replace(/\D/g, ''))
    && !asksToAddGoods(clean);
}

/** The enrichment without an inferred order, or one only the thread names, when the intent is about none; else as it is. */
export function orderInScope(enr: Enrichment, intent: Intent, clean: string, matcher: ProductMatcher): Enrichment {
  if (!enr.orderNumber || !enr.orderFoundBy) return enr;
  if (NAMED_BY_THE_MAIL.has(enr.orderFoundBy) && !namedByThreadOnly(enr, clean)) return enr;
  if (!NO_ORDER_INTENTS.has(intent)) return enr;
  // an order read from goods, an amount or a date is about those goods; the writer's only open order, the one in the
  // state they describe or their latest is only context of the question ("I can't log in to see my delivery")
  if (!CONTEXT_ONLY.has(enr.orderFoundBy) && speaksOfGoodsHad(clean, matcher)) return enr;
  const { orderFoundBy: _inferredBy, ...rest } = enr;
  return {
    ...rest,
    orderNumber: null,
    orderFound: false,
    orderOwnedBySender: null,
    orderNumbersMentioned: enr.orderNumbersMentioned.filter((n) => n !== enr.orderNumber),
    flags: [...enr.flags.filter((f) => !f.startsWith('order_identified_by_')), 'inferred_order_not_the_topic'],
  };
}

const NOT_THE_WRITERS: ReadonlySet<string> = new Set(['order_of_someone_else', 'foreign_order_reference',
  'tracking_number_not_ours']);
const PENDING_ORDER_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['order_status', 'delivery_delay']);

/**
 * The writer's only open order for a pending-order question that speaks of an order of theirs and named none (no
 * number, tracking number, product, or orders that fit equally); else the enrichment as it is.
 */
export function onlyOpenOrderForIntent(enr: Enrichment, intent: Intent, clean: string, own: readonly OrderRecord[],
  productsNamed: number): Enrichment {
  if (enr.orderNumber || enr.orderCandidates?.length || enr.customerMatch !== 'sender' || productsNamed) return enr;
  // the mail is about someone else's or another shop's order (enrich's order-others reading): none of the writer's
  if (enr.flags.some((f) => NOT_THE_WRITERS.has(f))) return enr;
  if (!PENDING_ORDER_INTENTS.has(intent) || !speaksOfOwnOrder(clean) || speaksOfPurchaseToCome(clean)) return enr;
  const open = own.filter(isOpenOrder);
  if (open.length !== 1) return enr;
  return {
    ...enr,
    orderNumber: open[0]!.number,
    orderFoundBy: 'only_open_order',
    orderFound: true,
    orderOwnedBySender: true,
    flags: [...enr.flags, 'order_identified_by_only_open_order'],
  };
}
