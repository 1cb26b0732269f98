import type { Enrichment, OrderRecord, ProductRecord } from '../domain/types';
import { productMatcher } from '../reply/product-mentions';
import { onlyOpenOrderForIntent, orderInScope } from './order-scope';

const products: ProductRecord[] = [
  { sku: 'T-1', name_fr: 'Théière en fonte', name_en: 'Cast-iron teapot', price: 39, complementary: [] },
  { sku: 'T-2', name_fr: 'Grille-pain 2 fentes', name_en: 'Toaster 2 slots', price: 59, complementary: [] },
];
const matcher = productMatcher(products);
const enr = (extra: Partial<Enrichment> = {}): Enrichment => ({
  customerId: 'K9', customerMatch: 'sender', orderNumber: null, orderNumbersMentioned: [], orderFound: false,
  orderOwnedBySender: null, lookalikeOf: null, vip: false, aiOptOut: false, flags: [], amountsMentioned: [],
  datesMentioned: [], productsMentioned: [], ...extra,
});
const inferred = (by: Enrichment['orderFoundBy']): Enrichment => enr({
  orderNumber: 'ORD-1', orderFoundBy: by, orderFound: true, orderOwnedBySender: true, flags: [`order_identified_by_${by}`],
});
const order = (number: string, status: string): OrderRecord => ({
  number, customer_id: 'K9', ordered_at: '2026-02-01', status, items: [{ sku: 'T-1', qty: 1, unit_price: 39 }],
  total: 44, currency: 'EUR', shipping_fee: 5,
});

describe('orderInScope: an inferred order is no topic of a product, account or data question', () => {
  it('drops an order inferred from goods owned or the only open order', () => {
    const out = orderInScope(inferred('products'), 'product_question', 'Does my teapot work on induction?', matcher);
    expect(out).toMatchObject({ orderNumber: null, orderFound: false, flags: ['inferred_order_not_the_topic'] });
    expect(out.orderFoundBy).toBeUndefined();
    expect(orderInScope(inferred('only_open_order'), 'account_access', 'I cannot log in to see my delivery.', matcher).orderNumber).toBeNull();
  });
  it('keeps an order the mail names, goods said come, and any order of another intent', () => {
    expect(orderInScope(inferred('tracking_number'), 'product_question', 'Parcel 1Z999: is the teapot dishwasher safe?', matcher).orderNumber).toBe('ORD-1');
    expect(orderInScope(inferred('products'), 'product_question', 'Théière reçue ce matin, elle va au lave-vaisselle ?', matcher).orderNumber).toBe('ORD-1');
    expect(orderInScope(inferred('products'), 'damaged_item', 'My teapot has a crack.', matcher).orderNumber).toBe('ORD-1');
  });
  it('keeps an order whose goods the text says were bought, or asks after, whatever the intent read', () => {
    expect(orderInScope(inferred('products'), 'product_question', 'The toaster I bought last month: does it have a defrost button?', matcher).orderNumber).toBe('ORD-1');
    expect(orderInScope(inferred('products'), 'product_question', 'Ma théière est-elle déjà partie ?', matcher).orderNumber).toBe('ORD-1');
    expect(orderInScope(inferred('products'), 'product_question', 'How long does delivery to Spain take for the teapot?', matcher).orderNumber).toBeNull();
  });
});

describe('orderInScope: an order only the thread names is no topic of a product question asked in a reply', () => {
  const written = enr({ orderNumber: 'ORD-10499', orderFoundBy: 'written', orderFound: true, orderOwnedBySender: true,
    orderNumbersMentioned: ['ORD-10499'] });
  it('drops the number of the subject or quoted history the new text does not repeat', () => {
    const out = orderInScope(written, 'product_question', 'Autre chose : vendez-vous des filtres pour la cafetière ?', matcher);
    expect(out).toMatchObject({ orderNumber: null, orderNumbersMentioned: [], flags: ['inferred_order_not_the_topic'] });
    expect(orderInScope(written, 'account_access', 'Quick one: how do I reset my password?', matcher).orderNumber).toBeNull();
  });
  it('keeps it when the new text writes it, speaks of its goods had, or asks of another intent', () => {
    expect(orderInScope(written, 'product_question', 'Is order 10499 eligible for the new warranty?', matcher).orderNumber).toBe('ORD-10499');
    expect(orderInScope(written, 'product_question', 'The teapot I received: can it go on induction?', matcher).orderNumber).toBe('ORD-10499');
    expect(orderInScope(written, 'order_status', 'Any news?', matcher).orderNumber).toBe('ORD-10499');
    // goods asked to be added to the thread's order, whatever the intent read (challenge-orders-12 dq025)
    expect(orderInScope(written, 'product_question', 'Any chance you could pop a teapot in with this before it goes out?', matcher)
      .orderNumber).toBe('ORD-10499');
  });
});

describe('onlyOpenOrderForIntent: a pending-order question about an order of the writer\'s names their only open one', () => {
  const own = [order('ORD-1', 'delivered'), order('ORD-2', 'shipped')];
  it('takes the only open order', () => {
    expect(onlyOpenOrderForIntent(enr(), 'order_status', "J'ai commandé la semaine dernière, ça avance ?", own, 0))
      .toMatchObject({ orderNumber: 'ORD-2', orderFoundBy: 'only_open_order', orderFound: true, flags: ['order_identified_by_only_open_order'] });
  });
  it('takes nothing for another intent, no order of theirs spoken of, products named, two open orders or candidates', () => {
    const text = 'I ordered last week, any progress?';
    expect(onlyOpenOrderForIntent(enr(), 'product_question', text, own, 0).orderNumber).toBeNull();
    expect(onlyOpenOrderForIntent(enr(), 'order_status', 'Do you ship on Saturdays?', own, 0).orderNumber).toBeNull();
    expect(onlyOpenOrderForIntent(enr(), 'order_status', text, own, 1).orderNumber).toBeNull();
    expect(onlyOpenOrderForIntent(enr(), 'order_status', text, [...own, order('ORD-3', 'processing')], 0).orderNumber).toBeNull();
    expect(onlyOpenOrderForIntent(enr({ orderCandidates: ['ORD-1', 'ORD-2'] }), 'order_status', text, own, 0).orderNumber).toBeNull();
    expect(onlyOpenOrderForIntent(enr({ customerMatch: 'claimed' }), 'order_status', text, own, 0).orderNumber).toBeNull();
  });
});
