import { enrich } from './enrich';
import { emailCase, testShop } from './test-support/fixtures';

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
