import { readFileSync } from 'node:fs';
import { JsonShopData, shopFileSchema } from '../../activities/src/adapters/shop-json';
import { PgShopData, ShopNotSeededError } from '../../activities/src/adapters/pg/pg-shop-data';
import { seedShop } from '../../activities/src/adapters/pg/seed-shop';
import type { Queryable } from '../../activities/src/adapters/pg/pool';
import { shopFixture } from '../support/paths';
import { withTestDatabase, type TestDatabase } from '../support/pg';

interface ShopJson {
  policies: Record<string, unknown>;
  customers: Array<Record<string, unknown> & { id: string; email: string; first_name: string; last_name: string }>;
  orders: Array<Record<string, unknown> & { number: string; customer_id: string }>;
  products: Array<Record<string, unknown>>;
  today: string;
}

const shopJson = JSON.parse(readFileSync(shopFixture, 'utf8')) as ShopJson;

/** Every CRM row, as JSON, in key order (updated_at excluded). */
async function crmSnapshot(db: Queryable): Promise<unknown> {
  const { rows } = await db.query(`select
    (select jsonb_agg(to_jsonb(p) - 'updated_at' order by shop_id) from shop_policies p) as policies,
    (select jsonb_agg(to_jsonb(c) order by id) from customers c) as customers,
    (select jsonb_agg(to_jsonb(p) order by sku) from products p) as products,
    (select jsonb_agg(to_jsonb(o) order by number) from orders o) as orders`);
  return rows[0];
}

describe('seedShop + PgShopData over shared/fixtures/shop.json', () => {
  let db: TestDatabase;
  let pg: PgShopData;
  const json = new JsonShopData(shopFileSchema.parse(shopJson));

  beforeAll(async () => {
    db = await withTestDatabase();
    await seedShop(db.pool, shopJson);
    pg = new PgShopData(db.pool);
  });
  afterAll(() => db.close());

  it('seeding twice leaves the same rows', async () => {
    const before = await crmSnapshot(db.pool);
    const result = await seedShop(db.pool, shopJson);
    expect(result).toEqual({
      customers: shopJson.customers.length, products: shopJson.products.length, orders: shopJson.orders.length, pruned: 0,
    });
    expect(await crmSnapshot(db.pool)).toEqual(before);
  });

  it('returns every customer exactly as the JSON has it', async () => {
    for (const customer of shopJson.customers) {
      expect(await pg.customerById(customer.id)).toStrictEqual(customer);
      expect(await pg.customerByEmail(customer.email)).toStrictEqual(customer);
      expect(await pg.customerByEmail(`  ${customer.email.toUpperCase()} `)).toStrictEqual(customer);
    }
  });

  it('finds customers by name like the JSON adapter (accents, case, spaces), in file order', async () => {
    for (const c of shopJson.customers) {
      const expected = await json.customersByName(c.first_name, c.last_name);
      expect(await pg.customersByName(c.first_name, c.last_name)).toStrictEqual(expected);
      const loose = [c.first_name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(), `  ${c.last_name}  `] as const;
      expect(await pg.customersByName(...loose)).toStrictEqual(expected);
      expect(expected).toContainEqual(c);
    }
    // The fixture has namesakes: both come back, in file order.
    const namesakes = shopJson.customers.filter((c) => c.first_name === 'Camille' && c.last_name === 'Martin');
    expect(namesakes.length).toBeGreaterThan(1);
    expect(await pg.customersByName('camille', 'MARTIN')).toStrictEqual(namesakes);
  });

  it('returns every order exactly as the JSON has it: numbers as numbers, dates as strings, absent fields absent', async () => {
    for (const order of shopJson.orders) {
      expect(await pg.order(order.number)).toStrictEqual(order);
      expect(await pg.order(` ${order.number.toLowerCase()} `)).toStrictEqual(order);
      expect(await pg.order(order.number)).toStrictEqual(await json.order(order.number));
    }
  });

  it('lists the orders of every customer, and all order numbers, in file order', async () => {
    for (const customer of shopJson.customers) {
      const expected = shopJson.orders.filter((o) => o.customer_id === customer.id);
      expect(await pg.ordersOfCustomer(customer.id)).toStrictEqual(expected);
      expect(await pg.ordersOfCustomer(customer.id)).toStrictEqual(await json.ordersOfCustomer(customer.id));
    }
    expect(await pg.allOrderNumbers()).toStrictEqual(await json.allOrderNumbers());
  });

  it('reads a customer with their orders in one statement exactly as the two reads give them (by id, by address)', async () => {
    for (const customer of shopJson.customers) {
      const expected = { customer: await pg.customerById(customer.id), orders: await pg.ordersOfCustomer(customer.id) };
      expect(await pg.customerWithOrders({ id: customer.id })).toStrictEqual(expected);
      const byAddress = await pg.customerWithOrders({ email: `  ${customer.email.toUpperCase()} ` });
      const owner = await pg.customerByEmail(customer.email); // the last customer wins on a shared address
      expect(byAddress).toStrictEqual({ customer: owner, orders: await pg.ordersOfCustomer(owner!.id) });
    }
    expect(await pg.customerWithOrders({ id: 'C9999' })).toBeNull();
    expect(await pg.customerWithOrders({ email: 'nobody@example.org' })).toBeNull();
  });

  it('reads the sender with their orders and the customers of each name in one statement, as the separate reads give them', async () => {
    const names = [...shopJson.customers.slice(0, 5).map((c) => ({ first: c.first_name.toUpperCase(), last: ` ${c.last_name}` })), { first: 'Jean', last: 'Personne' }];
    for (const customer of shopJson.customers.slice(0, 5)) {
      const both = await pg.senderAndNamed(` ${customer.email.toUpperCase()}`, names);
      expect(both.sender).toStrictEqual(await pg.customerWithOrders({ email: customer.email }));
      expect(both.named).toStrictEqual(await Promise.all(names.map((n) => pg.customersByName(n.first, n.last))));
    }
    expect(await pg.senderAndNamed('nobody@example.org', [])).toStrictEqual({ sender: null, named: [] });
  });

  it('finds an order by its tracking number (any case), and learns the order-number format, as the JSON adapter does', async () => {
    const tracked = shopJson.orders.filter((o) => o.tracking_number);
    expect(tracked.length).toBeGreaterThan(0);
    for (const order of tracked) {
      const tracking = String(order.tracking_number);
      expect(await pg.orderByTracking(` ${tracking.toLowerCase()} `)).toStrictEqual(await json.orderByTracking(tracking));
      expect((await pg.orderByTracking(tracking))?.number).toBe(order.number);
    }
    expect(await pg.orderByTracking('NOT-A-TRACKING-NUMBER')).toBeNull();
    expect(await pg.orderNumberFormat()).toStrictEqual(await json.orderNumberFormat());
  });

  it('returns the products, the policies and the pinned today', async () => {
    expect(await pg.products()).toStrictEqual(shopJson.products);
    expect(await pg.policies()).toStrictEqual(shopJson.policies);
    expect(await pg.policies()).toStrictEqual(await json.policies());
    expect(await pg.today()).toBe(shopJson.today);
  });

  it('answers null or [] for what does not exist', async () => {
    expect(await pg.customerById('C9999')).toBeNull();
    expect(await pg.customerByEmail('nobody@example.org')).toBeNull();
    expect(await pg.customersByName('Personne', 'Inconnue')).toEqual([]);
    expect(await pg.order('CMD-00000')).toBeNull();
    expect(await pg.ordersOfCustomer('C9999')).toEqual([]);
  });

  it('reads policies of an unseeded shop as an error, and its today from the clock', async () => {
    const other = new PgShopData(db.pool, { shopId: 'other', now: () => new Date('2027-03-04T23:30:00Z') });
    await expect(other.policies()).rejects.toThrow(ShopNotSeededError);
    expect(await other.today()).toBe('2027-03-04');
  });
});

describe('seedShop with an unusual shop', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await withTestDatabase();
  });
  afterAll(() => db.close());

  const unusual = {
    today: '2026-01-02',
    policies: {
      shop_name: 'Test', support_address: 'support@test.example', return_window_days: 14,
      refund_processing_days: '5', free_shipping_threshold: 50, refund_double_approval_over: 100.5,
      custom_rule: { nested: [1, 2.5, 'x'] },
    },
    products: [
      { sku: 'P2', name_fr: 'Deux', name_en: 'Two', price: 10, colour: 'red' },
      { sku: 'P1', name_fr: 'Un', name_en: 'One', price: 0.1 },
    ],
    customers: [
      { id: 'B', first_name: 'Zoé', last_name: "D'Arc", email: 'Shared@Example.org' },
      { id: 'A', first_name: 'Zoe', last_name: 'd’Arc', email: 'shared@example.org', vip: true, created_at: '2020-02-29' },
    ],
    orders: [
      {
        number: 'cmd-2', customer_id: 'A', ordered_at: '2025-12-31', status: 'weird', items: [], total: 0.30000000000000004,
        currency: 'EUR', shipping_fee: 0, carrier: null, refunded_amount: 12.34, gift: true, notes: { a: null },
      },
      {
        number: 'CMD-1', customer_id: 'ghost', ordered_at: '2025-01-01', status: 'delivered',
        items: [{ sku: 'P1', qty: 3, unit_price: 0.1 }], total: 0.3, currency: 'EUR', shipping_fee: 4.9,
        delivered_at: '2025-01-03',
      },
    ],
  };

  it('round-trips extra keys, explicit nulls, defaults, odd numbers and shared addresses like the JSON adapter', async () => {
    await seedShop(db.pool, unusual);
    const pg = new PgShopData(db.pool);
    const json = new JsonShopData(shopFileSchema.parse(unusual));
    expect(await pg.policies()).toStrictEqual(await json.policies());
    expect(await pg.products()).toStrictEqual(await json.products());
    for (const id of ['A', 'B']) expect(await pg.customerById(id)).toStrictEqual(await json.customerById(id));
    expect(await pg.customerByEmail('shared@example.org')).toStrictEqual(await json.customerByEmail('shared@example.org'));
    expect(await pg.customersByName('zoe', "d'arc")).toStrictEqual(await json.customersByName('zoe', "d'arc"));
    for (const n of ['CMD-2', 'cmd-1']) expect(await pg.order(n)).toStrictEqual(await json.order(n));
    expect(await pg.order('CMD-2')).toHaveProperty('carrier', null);
    expect(await pg.order('CMD-1')).not.toHaveProperty('carrier');
    expect(await pg.allOrderNumbers()).toStrictEqual(await json.allOrderNumbers());
    expect(await pg.orderNumberFormat()).toStrictEqual(await json.orderNumberFormat()); // no PREFIX-NNN number: the default
    expect(await pg.ordersOfCustomer('ghost')).toStrictEqual(await json.ordersOfCustomer('ghost'));
    // The joined read: odd numbers, explicit nulls and extra keys of the orders come back the same.
    expect(await pg.customerWithOrders({ email: 'SHARED@example.org' })).toStrictEqual({
      customer: await json.customerByEmail('shared@example.org'), orders: await json.ordersOfCustomer('A'),
    });
    expect(await pg.senderAndNamed('SHARED@example.org', [{ first: 'zoe', last: "d'arc" }])).toStrictEqual({
      sender: { customer: await json.customerByEmail('shared@example.org'), orders: await json.ordersOfCustomer('A') },
      named: [await json.customersByName('zoe', "d'arc")],
    });
  });

  it('prunes what the file no longer holds, only when asked', async () => {
    const smaller = { ...unusual, orders: unusual.orders.slice(1), products: unusual.products.slice(0, 1) };
    expect((await seedShop(db.pool, smaller)).pruned).toBe(0);
    expect(await new PgShopData(db.pool).order('CMD-2')).not.toBeNull();
    expect((await seedShop(db.pool, smaller, { prune: true })).pruned).toBe(2);
    const pg = new PgShopData(db.pool);
    expect(await pg.order('CMD-2')).toBeNull();
    expect(await pg.products()).toHaveLength(1);
  });

  it('rejects what the tables cannot hold, and writes nothing', async () => {
    const before = await crmSnapshot(db.pool);
    const badDate = { ...unusual, orders: [{ ...unusual.orders[1], number: 'CMD-3', shipped_at: '03/01/2025' }] };
    await expect(seedShop(db.pool, badDate)).rejects.toThrow(/orders\[0\] \(CMD-3\)[\s\S]*shipped_at/);
    const duplicate = { ...unusual, orders: [unusual.orders[1], { ...unusual.orders[1], number: 'cmd-1' }] };
    await expect(seedShop(db.pool, duplicate)).rejects.toThrow(/duplicate order number/);
    await expect(seedShop(db.pool, { ...unusual, today: 'tomorrow' })).rejects.toThrow(/invalid shop data/);
    expect(await crmSnapshot(db.pool)).toEqual(before);
  });

  it('learns the order-number format in SQL exactly as orderFormatOf does (most frequent shape, the first seen on a tie)', async () => {
    const numbers = ['ab-123', 'CD-4567', 'AB-999', 'CD-1234', 'X-1', 'nodash42'];
    const shapes = { ...unusual, orders: numbers.map((number, i) => ({ ...unusual.orders[i % unusual.orders.length]!, number })) };
    await seedShop(db.pool, shapes, { prune: true });
    const pg = new PgShopData(db.pool);
    expect(await pg.orderNumberFormat()).toStrictEqual({ prefix: 'AB', digits: 3 });
    expect(await pg.orderNumberFormat()).toStrictEqual(await new JsonShopData(shopFileSchema.parse(shapes)).orderNumberFormat());
    await seedShop(db.pool, { ...shapes, orders: [...shapes.orders, { ...shapes.orders[1]!, number: 'CD-9999' }] });
    expect(await pg.orderNumberFormat()).toStrictEqual({ prefix: 'CD', digits: 4 });
  });
});
