/**
 * No false alarms: every template, for every order of every customer of the demo shop, in French or English, writes a
 * draft its own check passes — the templates and the fact-check agree on every value and every form. (Drafts meant
 * for a reviewer promise a person's follow-up; that one report is expected and ignored here.)
 */
import type { Intent } from '../../domain/types';
import { draftAndCheck, makeCase, readShopFile, replyDeps } from '../test-support/fixture-shop';

const ORDER_INTENTS: Intent[] = [
  'order_status', 'delivery_delay', 'return_request', 'refund_request', 'refund_status', 'damaged_item', 'missing_item',
  'invoice_request', 'cancel_order', 'change_address', 'payment_issue', 'thanks', 'other',
];
/** Orders alternate between the languages (both are covered for every status) to keep the sweep to a few seconds. */

test('every template over every order passes the draft check (fr or en); only follow-up promises are reported', async () => {
  const data = readShopFile();
  const deps = replyDeps();
  const failures: string[] = [];
  let drafts = 0;
  for (const [i, order] of data.orders.entries()) {
    const items = order.items.map((it) => data.products.find((p) => p.sku === it.sku)!.name_fr).join(', ');
    for (const intent of ORDER_INTENTS) {
      const lang = i % 2 === 0 ? 'fr' : 'en';
      const c = await draftAndCheck(makeCase({ intent, lang, customerId: order.customer_id, orderNumber: order.number, text: items }), deps);
      drafts++;
      const facts = c.guardrails!.details.filter((d) => d.check !== 'human_follow_up');
      if (facts.length) failures.push(`${order.number} ${intent} ${lang}: ${JSON.stringify(facts)}`);
    }
  }
  expect(drafts).toBe(data.orders.length * ORDER_INTENTS.length);
  expect(failures).toEqual([]);
});
