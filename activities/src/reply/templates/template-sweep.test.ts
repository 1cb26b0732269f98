/**
 * No false alarms: every template, for every order of every customer of the demo shop, in French or English, writes a
 * draft its own check passes — the templates and the fact-check agree on every value and every form. (Drafts meant
 * for a reviewer promise a person's follow-up or carry an offer; those reports are expected there, and only there.)
 */
import type { Intent, OrderRecord } from '../../domain/types';
import { daysLate, returnDeadline } from '../shop-format';
import { draftAndCheck, makeCase, readShopFile, replyDeps } from '../test-support/fixture-shop';

const ORDER_INTENTS: Intent[] = [
  'order_status', 'delivery_delay', 'return_request', 'refund_request', 'refund_status', 'damaged_item', 'missing_item',
  'invoice_request', 'cancel_order', 'change_address', 'payment_issue', 'thanks', 'other',
];
/**
 * Cases ROUTING.md answers automatically (mirrors the route stage's routine cases): their drafts must not promise a
 * person's follow-up, or they would never go out.
 */
function routine(intent: Intent, o: OrderRecord, data: ReturnType<typeof readShopFile>): boolean {
  const late = daysLate(o, data.today);
  switch (intent) {
    case 'order_status': return o.status === 'processing' || o.status === 'delivered' || (o.status === 'shipped' && (late === 0 || (late <= 5 && !!o.tracking_number)));
    case 'delivery_delay': return o.status === 'shipped' && !!o.tracking_number && late <= 5;
    case 'invoice_request': return o.status === 'delivered';
    case 'refund_status': return o.status === 'refunded';
    case 'return_request': return o.status === 'delivered' && (returnDeadline(o, data.policies) ?? '') >= data.today;
    case 'thanks': return true;
    default: return false;
  }
}

/** Orders alternate between the languages (both are covered for every status) to keep the sweep to a few seconds. */

test('every template over every order passes the draft check (fr or en); follow-up promises and offers only outside routine cases', async () => {
  const data = readShopFile();
  const deps = replyDeps();
  const failures: string[] = [];
  let drafts = 0;
  let routineDrafts = 0;
  for (const [i, order] of data.orders.entries()) {
    const items = order.items.map((it) => data.products.find((p) => p.sku === it.sku)!.name_fr).join(', ');
    for (const intent of ORDER_INTENTS) {
      const lang = i % 2 === 0 ? 'fr' : 'en';
      const c = await draftAndCheck(makeCase({ intent, lang, customerId: order.customer_id, orderNumber: order.number, text: items }), deps);
      drafts++;
      const reviewOnly = ['human_follow_up', 'offer_needs_approval'];
      const facts = c.guardrails!.details.filter((d) => !reviewOnly.includes(d.check) || routine(intent, order, data));
      if (routine(intent, order, data)) routineDrafts++;
      if (facts.length) failures.push(`${order.number} ${intent} ${lang}: ${JSON.stringify(facts)}`);
    }
  }
  expect(drafts).toBe(data.orders.length * ORDER_INTENTS.length);
  expect(failures).toEqual([]);
  expect(routineDrafts).toBeGreaterThan(200);
});
