import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadShopJson } from './shop-json';
import { SHOP_FILE, testShop } from '../triage/test-support/fixtures';

describe('JsonShopData', () => {
  const shop = testShop();
  it('looks customers up by address (any case), id and name (accent-insensitive)', async () => {
    expect((await shop.customerByEmail(' Anne.Leclerc@Example.fr '))?.id).toBe('K1');
    expect((await shop.customerById('K2'))?.first_name).toBe('Oliver');
    expect((await shop.customersByName('anne', 'LECLERC')).map((c) => c.id)).toEqual(['K1', 'K4']);
    expect(await shop.customerByEmail('nobody@example.com')).toBeNull();
  });
  it('looks orders up by number and by customer', async () => {
    expect((await shop.order('ord-5501'))?.customer_id).toBe('K1');
    expect((await shop.ordersOfCustomer('K1')).map((o) => o.number).sort()).toEqual(['ORD-5501', 'ORD-5502', 'ORD-5530']);
    expect(await shop.allOrderNumbers()).toContain('ORD-7001');
    expect(await shop.orderNumberFormat()).toEqual({ prefix: 'ORD', digits: 4 });
    expect((await shop.orderByTracking(' jdtest02 '))?.number).toBe('ORD-5510');
    expect(await shop.orderByTracking('1ZNOPE')).toBeNull();
    expect(await shop.today()).toBe('2026-03-10');
    expect((await shop.policies()).refund_double_approval_over).toBe(100);
  });
  it('validates the file and names it in the error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shop-'));
    const good = path.join(dir, 'shop.json');
    await writeFile(good, JSON.stringify(SHOP_FILE));
    expect((await (await loadShopJson(good)).products()).length).toBe(2);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...SHOP_FILE, today: 'tomorrow' }));
    await expect(loadShopJson(bad)).rejects.toThrow(/bad\.json/);
  });
});
