import { enrich } from './enrich';
import { JsonShopData } from '../adapters/shop-json';
import { emailCase, SHOP_FILE, testShop } from './test-support/fixtures';

describe('enrich', () => {
  const shop = testShop();

  it('finds the customer by sender address and the order as written', async () => {
    const e = await enrich(emailCase({ clean: 'Où en est ma commande ord 5501 ?' }), shop);
    expect(e).toMatchObject({ customerId: 'K1', customerMatch: 'sender', orderNumber: 'ORD-5501', orderFound: true, orderOwnedBySender: true, flags: [] });
  });

  it('falls back to the subject, then to quoted history, for the order', async () => {
    expect((await enrich(emailCase({ clean: 'Any news?', subject: 'Re: ORD-5502' }), shop)).orderNumber).toBe('ORD-5502');
    expect((await enrich(emailCase({ clean: 'See below', quoted: '> Your order ORD-5530 has shipped' }), shop)).orderNumber).toBe('ORD-5530');
  });

  it('takes, of two orders in the new text, the one not said to be settled (a number, or the digits of an own order)', async () => {
    const en = await enrich(emailCase({ clean: 'The refund on ORD-5530 came through fine, thanks. ORD-5501 is still not here, any news?' }), shop);
    expect(en).toMatchObject({ orderNumber: 'ORD-5501', orderFoundBy: 'written' });
    const fr = await enrich(emailCase({ clean: 'La commande ORD-5502 est bien arrivée, rien à signaler. Il me faudrait la facture de la 5530.' }), shop);
    expect(fr).toMatchObject({ orderNumber: 'ORD-5530', orderFoundBy: 'written_without_prefix' });
    expect(fr.orderNumbersMentioned).toEqual(['ORD-5502', 'ORD-5530']); // two orders named, one by its digits alone
    const neither = await enrich(emailCase({ clean: 'ORD-5502 est abîmée et ORD-5501 est en retard.' }), shop);
    expect(neither.orderNumber).toBe('ORD-5502');
  });

  it('flags an unknown order without correcting it', async () => {
    const e = await enrich(emailCase({ clean: 'Order ORD-9999 please' }), shop);
    expect(e.orderNumber).toBe('ORD-9999');
    expect(e.orderFound).toBe(false);
    expect(e.flags).toContain('unknown_order_number');
  });

  it('flags a look-alike of one of the sender\'s orders, never correcting it', async () => {
    const e = await enrich(emailCase({ clean: 'Ma commande ORD-5510 ?' }), shop); // K2's order; K1 owns ORD-5501 (two digits swapped)
    expect(e.orderNumber).toBe('ORD-5510');
    expect(e.flags).toEqual(expect.arrayContaining(['order_belongs_to_other_customer', 'lookalike_order_number']));
    expect(e.lookalikeOf).toBe('ORD-5501');
  });

  it('flags a number with a digit missing as a look-alike of the sender\'s order, never correcting it', async () => {
    const e = await enrich(emailCase({ clean: 'Hello, any news on ORD-550? Thanks' }), shop); // K1 owns ORD-5501 and ORD-5502
    expect(e.orderNumber).toBe('ORD-550');
    expect(e.flags).toEqual(expect.arrayContaining(['unknown_order_number', 'lookalike_order_number']));
  });

  it('flags an order owned by another customer', async () => {
    const e = await enrich(emailCase({ clean: 'Where is ORD-7001?' }), shop);
    expect(e.orderOwnedBySender).toBe(false);
    expect(e.flags).toContain('order_belongs_to_other_customer');
    expect(e.flags).not.toContain('lookalike_order_number');
  });

  it('reads VIP and AI opt-out from the customer', async () => {
    const vip = await enrich(emailCase({ clean: 'Hi', from: 'oliver.stone@example.co.uk', name: 'Oliver Stone' }), shop);
    expect(vip).toMatchObject({ customerId: 'K2', vip: true, aiOptOut: false });
    const optOut = await enrich(emailCase({ clean: 'Bonjour', from: 'rose.faure@example.fr', name: 'Rose Faure' }), shop);
    expect(optOut.aiOptOut).toBe(true);
  });

  it('recognises a claimed identity from an unknown address and flags it', async () => {
    const e = await enrich(emailCase({
      clean: 'Hello, this is Oliver Stone, my usual address oliver.stone@example.co.uk no longer works. Please update it.',
      from: 'o.stone.new@gmail.com', name: 'Oliver Stone',
    }), shop);
    expect(e).toMatchObject({ customerId: 'K2', customerMatch: 'claimed' });
    expect(e.flags).toEqual(expect.arrayContaining(['sender_not_customer_address', 'suspected_account_takeover']));
  });

  it('does not claim a namesake on a name alone', async () => {
    const e = await enrich(emailCase({ clean: 'Bonjour, une question.\nAnne Leclerc', from: 'someone@else.example', name: 'Anne Leclerc' }), shop);
    expect(e.customerId).toBeNull();
  });

  it('flags amounts that match nothing on the order', async () => {
    const ok = await enrich(emailCase({ clean: 'I paid 28,90 € for ORD-5501' }), shop);
    expect(ok.flags).not.toContain('amount_mismatch');
    const bad = await enrich(emailCase({ clean: 'I paid 35,00 € for ORD-5501' }), shop);
    expect(bad.flags).toContain('amount_mismatch');
    expect(bad.amountsMentioned).toEqual([{ text: '35,00 €', value: 35, currency: 'EUR' }]);
  });

  it('takes no order from an auto-reply', async () => {
    const c = emailCase({ clean: 'Je suis absente.', subject: 'Réponse automatique : ORD-5501' });
    c.machine = { isMachine: true, kind: 'auto_reply', reasons: ['auto_submitted_header'] };
    expect((await enrich(c, shop)).orderNumber).toBeNull();
  });
});

describe('enrich: orders named without a number', () => {
  const shop = new JsonShopData({
    ...SHOP_FILE,
    orders: [
      ...SHOP_FILE.orders,
      { number: 'ORD-5540', customer_id: 'K1', ordered_at: '2026-03-03', status: 'shipped', items: [{ sku: 'P-2', qty: 1, unit_price: 40 }], total: 44.9, currency: 'EUR', shipping_fee: 4.9, carrier: 'DHL', tracking_number: 'XY123450001', estimated_delivery: '2026-03-11' },
      { number: 'ORD-5541', customer_id: 'K2', ordered_at: '2026-03-04', status: 'shipped', items: [{ sku: 'P-1', qty: 1, unit_price: 12 }], total: 16.9, currency: 'EUR', shipping_fee: 4.9, carrier: 'DHL', tracking_number: 'XY123450002', estimated_delivery: '2026-03-12' },
    ],
  });

  it('takes the order of a tracking number written in the new text', async () => {
    const e = await enrich(emailCase({ clean: 'Bonjour, le colis xy123450001 est-il toujours en route ?' }), shop);
    expect(e).toMatchObject({ orderNumber: 'ORD-5540', orderFound: true, orderOwnedBySender: true, orderFoundBy: 'tracking_number' });
    expect(e.flags).toEqual(['order_identified_by_tracking_number']);
  });

  it('keeps a tracking number of another customer\'s order as that order, flagged', async () => {
    const e = await enrich(emailCase({ clean: 'Parcel XY123450002, when will it come?' }), shop);
    expect(e.orderNumber).toBe('ORD-5541');
    expect(e.flags).toContain('order_belongs_to_other_customer');
  });

  it('prefers the products of one of the sender\'s orders in the new text over an old number in the subject', async () => {
    const e = await enrich(emailCase({ clean: 'Mes deux tasses sont bien arrivées, merci !', subject: 'Re: Remboursement ORD-5530' }), shop);
    expect(e).toMatchObject({ orderNumber: 'ORD-5501', orderFoundBy: 'products' });
  });

  it('leaves the order unidentified, with the candidates, when two orders fit', async () => {
    const e = await enrich(emailCase({ clean: 'Thanks again for the jugs I ordered, they look great.' }), shop);
    expect(e.orderNumber).toBeNull();
    expect(e.orderCandidates).toEqual(['ORD-5502', 'ORD-5530', 'ORD-5540']);
    expect(e.flags).toContain('order_ambiguous');
  });

  it('takes the only open order for a question about a pending order', async () => {
    const e = await enrich(emailCase({ clean: 'Bonjour, où en est ma commande ? Merci', from: 'rose.faure@example.fr', name: 'Rose Faure' }), shop);
    expect(e).toMatchObject({ customerId: 'K3', orderNumber: 'ORD-5520', orderFoundBy: 'only_open_order' });
  });

  it('lets the subject say which of several numbers in the new text the mail is about', async () => {
    const e = await enrich(emailCase({ clean: 'Not ORD-5501, that one is fine: please cancel ORD-5540.', subject: 'Cancel ORD-5540' }), shop);
    expect(e.orderNumber).toBe('ORD-5540');
    expect(e.orderNumbersMentioned).toEqual(['ORD-5540', 'ORD-5501']);
  });

  it('finds the customer a third party writes for, when it names them and their order; the sender stays unverified', async () => {
    const e = await enrich(emailCase({
      clean: 'Bonjour, je vous écris de la part de M. Stone au sujet de sa commande ORD-7001 : où en est-elle ?',
      from: 'assistante@bureau-conseil.example', name: 'Paula Girard',
    }), shop);
    expect(e).toMatchObject({ customerId: 'K2', customerMatch: 'on_behalf', orderNumber: 'ORD-7001', orderOwnedBySender: false, vip: true });
    expect(e.flags).toEqual(expect.arrayContaining(['sender_not_customer_address', 'order_owner_unverified']));
    expect(e.flags).not.toContain('suspected_account_takeover');
    expect(e.flags).not.toContain('lookalike_order_number');
  });

  it('does not give a third party the customer of an order it quotes without naming them', async () => {
    const e = await enrich(emailCase({ clean: 'Where is order ORD-7001?', from: 'someone@else.example', name: 'Sam Blake' }), shop);
    expect(e.customerId).toBeNull();
    expect(e.flags).toContain('order_owner_unverified');
  });

  it('tells namesakes apart by the products of an order only one of them placed', async () => {
    const e = await enrich(emailCase({
      clean: "Bonjour, j'écris depuis mon adresse du bureau : les tasses commandées sont arrivées, il en manque une.\nAnne Leclerc",
      from: 'anne.l@cabinet.example', name: 'Anne Leclerc',
    }), shop);
    expect(e).toMatchObject({ customerId: 'K1', customerMatch: 'claimed', orderNumber: 'ORD-5501' });
    expect(e.flags).toContain('suspected_account_takeover');
  });

  it('reads the parcel of a carrier notice, never an order it merely quotes in an auto-reply', async () => {
    const notice = emailCase({ clean: 'Votre colis XY123450001 sera livré demain.', from: 'no-reply@carrier.example', name: 'Carrier' });
    notice.machine = { isMachine: true, kind: 'system', reasons: ['no_reply_sender'] };
    expect(await enrich(notice, shop)).toMatchObject({ orderNumber: 'ORD-5540', customerId: null, flags: ['order_identified_by_tracking_number'] });
  });

  it('reads the order of a bounced reply from the products its subject names, among the bounced recipient\'s orders', async () => {
    const c = emailCase({ clean: 'Message not delivered: mailbox full.', from: 'mailer-daemon@mx.example', name: '' });
    c.machine = { isMachine: true, kind: 'bounce', reasons: ['delivery_status_report'] };
    c.parsed.report = { reportType: 'delivery-status', partTypes: [], fields: {}, recipients: ['oliver.stone@example.co.uk'], originalMessageId: null, originalSubject: 'Re: Jug arrived broken' };
    // K2 holds one order with the jug (ORD-5510) and one with cups (ORD-7001, ORD-5541): the jug's
    expect(await enrich(c, shop)).toMatchObject({ orderNumber: 'ORD-5510', customerId: null });
  });

  it('takes the sender\'s own order written without its prefix, and only theirs', async () => {
    expect(await enrich(emailCase({ clean: 'Hello, about 5540 - still nothing here. Any news?' }), shop))
      .toMatchObject({ orderNumber: 'ORD-5540', orderFoundBy: 'written_without_prefix' });
    expect((await enrich(emailCase({ clean: 'Hello, about 5541 - still nothing here. Any news?' }), shop)).orderNumber).not.toBe('ORD-5541');
  });

  it('reads the order of a bounced reply from the returned message\'s subject', async () => {
    const c = emailCase({ clean: 'Your message could not be delivered.', from: 'mailer-daemon@mx.example', name: '' });
    c.machine = { isMachine: true, kind: 'bounce', reasons: ['delivery_status_report'] };
    c.parsed.report = { reportType: 'delivery-status', partTypes: [], fields: {}, recipients: [], originalMessageId: null, originalSubject: 'Re: Damaged jug - order ORD-5502' };
    expect((await enrich(c, shop)).orderNumber).toBe('ORD-5502');
  });
});
