import type { EmailCase, OrderRecord } from '../domain/types';
import { invoiceFor } from './invoice-document';
import { checkDraft } from './check-draft';
import { draftAndCheck, fixtureShop, makeCase, readShopFile, replyDeps } from './test-support/fixture-shop';

const shop = readShopFile();
const customerOf = (o: OrderRecord) => shop.customers.find((c) => c.id === o.customer_id)!;
const withStatus = (status: string) => shop.orders.find((o) => o.status === status)!;

describe('invoiceFor: an invoice from the verified order, or why there is none', () => {
  test('a delivered order: every line, the shipping fee and the total, in the reply language', () => {
    const order = shop.orders.find((o) => o.status === 'delivered' && o.items.length > 1 && o.shipping_fee > 0)
      ?? shop.orders.find((o) => o.status === 'delivered' && o.items.length > 1)!;
    const res = invoiceFor(order, customerOf(order), shop.products, shop.policies, 'en');
    if (!res.ok) throw new Error(res.reason);
    const doc = res.attachment;
    expect(doc).toMatchObject({ kind: 'invoice', filename: `invoice-${order.number}.pdf`, orderNumber: order.number, total: order.total });
    for (const it of order.items) {
      const name = shop.products.find((p) => p.sku === it.sku)!.name_en;
      expect(doc.lines.some((l) => l.startsWith(`${name} (${it.sku}): ${it.qty} x €${it.unit_price.toFixed(2)}`))).toBe(true);
    }
    expect(doc.lines).toContain(`Shipping: €${order.shipping_fee.toFixed(2)}`);
    expect(doc.lines).toContain(`Total paid: €${order.total.toFixed(2)}`);
    expect(doc.lines).toContain(`Customer: ${customerOf(order).first_name} ${customerOf(order).last_name}`);
  });

  test.each([
    ['processing', 'not_delivered_yet'], ['shipped', 'not_delivered_yet'],
    ['cancelled', 'credit_note_needed'], ['refunded', 'credit_note_needed'], ['returned', 'credit_note_needed'],
  ])('a %s order has no invoice to send (%s)', (status, reason) => {
    const order = withStatus(status);
    expect(invoiceFor(order, customerOf(order), shop.products, shop.policies, 'fr')).toEqual({ ok: false, reason });
  });

  test('an order whose lines and fee do not add up to its total gets no invoice', () => {
    const order = withStatus('delivered');
    const wrong = { ...order, total: order.total + 10 };
    expect(invoiceFor(wrong, customerOf(order), shop.products, shop.policies, 'fr')).toEqual({ ok: false, reason: 'totals_do_not_add_up' });
  });
});

describe('the check reads the attached invoice like the text', () => {
  const delivered = withStatus('delivered');
  const invoiceCase = () => draftAndCheck(makeCase({ intent: 'invoice_request', lang: 'fr', customerId: delivered.customer_id, orderNumber: delivered.number }));
  const recheck = (c: EmailCase) => checkDraft({ ...c, guardrails: null }, replyDeps(fixtureShop()));

  test('the template invoice passes', async () => {
    const c = await invoiceCase();
    expect(c.draft!.attachments).toHaveLength(1);
    expect(c.guardrails).toEqual({ passed: true, fired: [], details: [] });
  });

  test('a wrong total or date inside the document is a fact mismatch', async () => {
    const c = await invoiceCase();
    const doc = c.draft!.attachments![0]!;
    const tampered = doc.lines.map((l) => (l.startsWith('Total payé') ? 'Total payé: 1,00 €' : l.startsWith('Date de livraison') ? 'Date de livraison: 2 janvier 2026' : l));
    const out = await recheck({ ...c, draft: { ...c.draft!, attachments: [{ ...doc, lines: tampered }] } });
    expect(out.guardrails!.fired).toEqual(['fact_mismatch']);
    expect(out.guardrails!.details.map((d) => d.message).join('\n')).toMatch(/facture-.*amount 1,00 €[\s\S]*date "2 janvier 2026"/);
  });

  test("another customer's order as the document: refused", async () => {
    const c = await invoiceCase();
    const other = shop.orders.find((o) => o.status === 'delivered' && o.customer_id !== delivered.customer_id)!;
    const res = invoiceFor(other, customerOf(other), shop.products, shop.policies, 'fr');
    if (!res.ok) throw new Error(res.reason);
    const out = await recheck({ ...c, draft: { ...c.draft!, attachments: [res.attachment] } });
    expect(out.guardrails!.fired).toContain('attachment_mismatch');
  });

  test('the text and the attachments agree: "ci-joint" with nothing joined, or a file the text does not mention', async () => {
    const c = await invoiceCase();
    const noFile = await recheck({ ...c, draft: { ...c.draft!, attachments: [] } });
    expect(noFile.guardrails!.fired).toEqual(['attachment_mismatch']);
    const silent = await recheck({ ...c, draft: { ...c.draft!, body: 'Bonjour,\n\nMerci pour votre message.' } });
    expect(silent.guardrails!.fired).toEqual(['attachment_mismatch']);
  });
});
