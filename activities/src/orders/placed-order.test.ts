import { placedOrderOfShopOrder, shopOrderOfPlacedOrder, type PlacedOrder } from './placed-order';

const placed: PlacedOrder = {
  id: 'W7-00012', customerId: 'C0042', placedAt: '2026-11-20T00:30:00+01:00', currency: 'EUR', total: 54.8,
  items: [{ sku: 'SKU-1002', qty: 2, unitPrice: 24.9 }, { sku: 'SKU-1007', qty: 1, unitPrice: 5 }],
};

test('an order placed and its CRM record say the same: the round trip gives it back', () => {
  const record = shopOrderOfPlacedOrder(placed);
  expect(record).toMatchObject({ number: 'W7-00012', customer_id: 'C0042', ordered_at: '2026-11-19', status: 'processing', shipping_fee: 0 });
  expect(placedOrderOfShopOrder(record)).toEqual({ order: placed });
});

test('a CRM record without placed_at is placed at the start of its day (UTC)', () => {
  const { placed_at: _omitted, ...record } = shopOrderOfPlacedOrder(placed);
  expect(placedOrderOfShopOrder({ ...record, ordered_at: '2026-11-21' })).toEqual({ order: { ...placed, placedAt: '2026-11-21T00:00:00Z' } });
});

test('a record that cannot be an order placed says why', () => {
  const record = shopOrderOfPlacedOrder(placed);
  expect(placedOrderOfShopOrder({ ...record, items: [] })).toEqual({ error: expect.stringMatching(/items/) });
  expect(placedOrderOfShopOrder({ ...record, currency: 'eur' })).toEqual({ error: expect.stringMatching(/currency/) });
});
