/** `replique shop import`: the shop's CRM data into Postgres (a database of the test's own), validated first, idempotent. */
import { readFileSync } from 'node:fs';
import { PgShopData, ShopNotSeededError } from '@replique/activities/adapters/pg/pg-shop-data';
import { shopCommand } from '@replique/services/cli/shop-command';
import { UsageError } from '@replique/services/cli/args';
import { shopFixture } from '../support/paths';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function run(argv: string[], stdin = '') {
  const lines: string[] = [];
  const code = await shopCommand(argv, (l) => lines.push(l), { env: { DATABASE_URL: db.databaseUrl }, readStdin: async () => stdin });
  return { code, lines };
}

const counts = async () => (await db.pool.query<{ customers: number; orders: number; products: number }>(
  `select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders,
          (select count(*)::int from products) as products`)).rows[0];

test('a refused file writes nothing; the import from a file and from stdin gives the shop the worker reads, twice the same', async () => {
  const shop = new PgShopData(db.pool);
  await expect(run(['import', '-'], '{"customers": "not a list"}')).rejects.toThrow();
  await expect(run(['import', '-'], 'not json')).rejects.toThrow(UsageError);
  await expect(run(['import'])).rejects.toThrow(/usage: replique shop import/);
  await expect(shop.policies()).rejects.toThrow(ShopNotSeededError);

  const fixture = JSON.parse(readFileSync(shopFixture, 'utf8')) as { customers: unknown[]; orders: unknown[]; products: unknown[] };
  const expected = { customers: fixture.customers.length, orders: fixture.orders.length, products: fixture.products.length };
  const first = await run(['import', shopFixture]);
  expect(first).toEqual({ code: 0, lines: [`imported ${expected.customers} customers, ${expected.products} products, ${expected.orders} orders, the policies`] });
  expect(await counts()).toEqual(expected);
  expect(await shop.policies()).toBeTruthy();

  expect((await run(['import', '-'], readFileSync(shopFixture, 'utf8'))).code).toBe(0);
  expect(await counts()).toEqual(expected);
});
