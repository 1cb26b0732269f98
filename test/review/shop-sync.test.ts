/**
 * The shop's CRM data through the sync endpoint (review service, PUT /shop/crm/*, SHOP_FEED_TOKEN) into Postgres:
 * a worker started on an empty database waits for the data instead of stopping, starts once the policies arrive,
 * and decides with what was synced exactly as with the shop file. Bad batches are refused whole; a batch changes
 * only what it names.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setLogLevel } from '@replique/activities/logger';
import { PgShopData } from '@replique/activities/adapters/pg/pg-shop-data';
import { loadShopJson } from '@replique/activities/adapters/shop-json';
import { ReviewEnvSchema } from '@replique/services/config/review-config';
import { WorkerEnvSchema } from '@replique/services/config/worker-config';
import { startReviewService } from '@replique/services/review/main';
import { createWorkerDeps } from '@replique/services/worker/create-worker-deps';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort, startSmtpSink, type RunningSmtpSink } from '../support/smtp-sink';
import { devEmailsDir, shopFixture } from '../support/paths';
import { TEST_TEMPORAL_PAYLOAD_KEYS } from '../support/temporal-payload-keys';
import { cliDecisions, workerDecisions } from '../parity/decision-paths';

jest.setTimeout(180_000);

const FEED_TOKEN = 'shop-feed-token-0123456789abcdef';
let db: TestDatabase;
let sink: RunningSmtpSink;
let review: Awaited<ReturnType<typeof startReviewService>>;
let shop: { policies: Record<string, unknown>; today: string; customers: Record<string, unknown>[]; orders: Record<string, unknown>[]; products: Record<string, unknown>[] };

beforeAll(async () => {
  setLogLevel('warn');
  [db, sink] = await Promise.all([withTestDatabase(), startSmtpSink()]);
  shop = JSON.parse(await readFile(shopFixture, 'utf8'));
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, REVIEW_TOKEN: 'review-token-0123456789abcdef', SHOP_FEED_TOKEN: FEED_TOKEN,
    REVIEW_HTTP_PORT: '0', TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test', TEMPORAL_PAYLOAD_KEYS: TEST_TEMPORAL_PAYLOAD_KEYS, LOG_LEVEL: 'warn',
  }));
});

afterAll(async () => {
  await review?.stop();
  await sink?.stop();
  await db?.close();
});

async function put(kind: string, body: unknown, token = FEED_TOKEN) {
  const res = await fetch(`http://127.0.0.1:${review.port}/shop/crm/${kind}`, {
    method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const count = async (table: string) => Number((await db.pool.query(`select count(*) as n from ${table}`)).rows[0].n);

test('a worker on an unseeded shop waits; the data synced over HTTP starts it, and it decides as from the shop file', async () => {
  const workerConfig = WorkerEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, SMTP_PORT: String(sink.port), EVENT_RELAY_ENABLED: 'false', POLICY_POLL_MS: '200', LOG_LEVEL: 'warn',
  });
  let started = false;
  const starting = createWorkerDeps(workerConfig).then((deps) => { started = true; return deps; });
  await new Promise((r) => setTimeout(r, 1500));
  expect(started).toBe(false); // waiting, not stopped: a rejection would fail the test at `await starting`

  expect((await put('customers', { customers: shop.customers }, 'wrong-token-0123456789abcdef')).status).toBe(401);
  const bad = await put('customers', { customers: [shop.customers[0], { ...shop.customers[1], email: undefined, vip: 'yes' }] });
  expect(bad.status).toBe(400);
  expect(String(bad.json.error)).toMatch(/customers\[1\]\.email[\s\S]*customers\[1\]\.vip|customers\[1\]\.vip[\s\S]*customers\[1\]\.email/);
  expect(await count('customers')).toBe(0); // nothing of a bad batch
  expect((await put('nothing', {})).status).toBe(404);

  // Customers in two batches (the second names a few of the first again), then the rest.
  const half = Math.floor(shop.customers.length / 2);
  expect((await put('customers', { customers: shop.customers.slice(0, half) })).json).toEqual({ kind: 'customers', upserted: half });
  expect((await put('customers', { customers: shop.customers.slice(half - 3) })).json).toEqual({ kind: 'customers', upserted: shop.customers.length - half + 3 });
  expect((await put('products', { products: shop.products })).status).toBe(200);
  // Orders: their state, and each recorded once as placed for the conversion KPI (the one way to feed orders).
  expect((await put('orders', { orders: shop.orders })).json).toEqual({
    kind: 'orders', upserted: shop.orders.length, placed: { stored: shop.orders.length, duplicates: 0, conflicts: [], skipped: [] },
  });
  expect(await count('placed_orders')).toBe(shop.orders.length);
  expect(started).toBe(false);
  expect((await put('policies', { policies: shop.policies, today: shop.today })).json).toEqual({ kind: 'policies', upserted: 1 });
  const deps = await starting;
  await deps.close();

  // What was synced is what the shop file says, record for record, in the file's order.
  const fromFile = await loadShopJson(shopFixture);
  const synced = new PgShopData(db.pool);
  expect(await synced.policies()).toEqual(await fromFile.policies());
  expect(await synced.today()).toBe(await fromFile.today());
  expect(await synced.products()).toEqual(await fromFile.products());
  expect(await synced.allOrderNumbers()).toEqual(await fromFile.allOrderNumbers());
  for (const c of shop.customers) {
    expect(await synced.customerByEmail(String(c.email))).toEqual(await fromFile.customerByEmail(String(c.email)));
    expect(await synced.ordersOfCustomer(String(c.id))).toEqual(await fromFile.ordersOfCustomer(String(c.id)));
  }

  // The worker decides from the synced shop as the CLI does from the shop file.
  const files = ['d005.eml', 'd007.eml', 'd041.eml'].map((f) => path.join(devEmailsDir, f));
  const decided = await workerDecisions(workerConfig, files);
  expect(decided.map((d) => d.route)).toEqual(['auto', 'review', 'escalate']);
  expect((await cliDecisions(db.databaseUrl, files)).decisions).toEqual(decided);
});

test('a batch changes only what it names; the same batch again changes nothing', async () => {
  const order = shop.orders.find((o) => o.status === 'shipped')!;
  const before = { orders: await count('orders'), customers: await count('customers') };
  const delivered = { ...order, status: 'delivered', delivered_at: '2026-11-23' };
  // A change of state is not a new order placed.
  expect((await put('orders', { orders: [delivered] })).json).toEqual({
    kind: 'orders', upserted: 1, placed: { stored: 0, duplicates: 1, conflicts: [], skipped: [] },
  });
  const synced = new PgShopData(db.pool);
  expect(await synced.order(String(order.number))).toMatchObject({ status: 'delivered', delivered_at: '2026-11-23' });
  expect(await count('orders')).toBe(before.orders);
  const ordinals = async () => (await db.pool.query('select id, ordinal from customers order by id')).rows;
  const placed = await ordinals();
  expect((await put('customers', { customers: shop.customers })).status).toBe(200);
  expect(await ordinals()).toEqual(placed);
  expect(await count('customers')).toBe(before.customers);
});
