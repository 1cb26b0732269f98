import type { ShopData } from '../domain/types';
import { testShop } from '../triage/test-support/fixtures';
import { ReferenceCachedShop } from './reference-cached-shop';

/** The test shop, counting the reads that reach it per method. */
function countingShop(): { shop: ShopData; reads: Map<string, number>; failNext: Set<string> } {
  const source = testShop();
  const reads = new Map<string, number>();
  const failNext = new Set<string>();
  const shop = new Proxy(source, {
    get(target, name: string) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        if (failNext.delete(name)) throw new Error(`${name} failed`);
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { shop, reads, failNext };
}

describe('ReferenceCachedShop', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('reads policies, today, products and the order format once per ttl, and again after it', async () => {
    const { shop, reads } = countingShop();
    const cached = new ReferenceCachedShop(shop, { ttlMs: 30_000, now });
    for (let i = 0; i < 3; i++) {
      expect((await cached.policies()).refund_double_approval_over).toBe(100);
      expect(await cached.today()).toBe('2026-03-10');
      expect(await cached.products()).toHaveLength(2);
      expect(await cached.orderNumberFormat()).toEqual({ prefix: 'ORD', digits: 4 });
    }
    expect(Object.fromEntries(reads)).toEqual({ policies: 1, today: 1, products: 1, orderNumberFormat: 1 });
    clock += 29_999;
    await cached.policies();
    expect(reads.get('policies')).toBe(1);
    clock += 1;
    await cached.policies();
    expect(reads.get('policies')).toBe(2);
  });

  it('gives concurrent callers one read', async () => {
    const { shop, reads } = countingShop();
    const cached = new ReferenceCachedShop(shop, { ttlMs: 30_000, now });
    const all = await Promise.all(Array.from({ length: 20 }, () => cached.policies()));
    expect(new Set(all).size).toBe(1);
    expect(reads.get('policies')).toBe(1);
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const { shop, reads, failNext } = countingShop();
    const cached = new ReferenceCachedShop(shop, { ttlMs: 30_000, now });
    failNext.add('today');
    await expect(cached.today()).rejects.toThrow('today failed');
    expect(await cached.today()).toBe('2026-03-10');
    expect(reads.get('today')).toBe(2);
  });

  it('reads customers and orders through, every time', async () => {
    const { shop, reads } = countingShop();
    const cached = new ReferenceCachedShop(shop, { ttlMs: 30_000, now });
    for (let i = 0; i < 2; i++) {
      expect((await cached.order('ord-5501'))?.customer_id).toBe('K1');
      expect((await cached.customerByEmail('anne.leclerc@example.fr'))?.id).toBe('K1');
      expect((await cached.customerById('K2'))?.first_name).toBe('Oliver');
      expect(await cached.customersByName('anne', 'leclerc')).toHaveLength(2);
      expect(await cached.ordersOfCustomer('K1')).toHaveLength(3);
      expect((await cached.orderByTracking('1ztest01'))?.number).toBe('ORD-5501');
      expect(await cached.allOrderNumbers()).toContain('ORD-7001');
    }
    expect(Object.fromEntries(reads)).toEqual({
      order: 2, customerByEmail: 2, customerById: 2, customersByName: 2, ordersOfCustomer: 2, orderByTracking: 2, allOrderNumbers: 2,
    });
  });
});
