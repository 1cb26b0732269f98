/**
 * Feeding orders on the real Postgres and the review service over HTTP. The one way, `PUT /shop/crm/orders`: refuses a
 * request without its token and an invalid batch (storing nothing of it), keeps each order's state and records it once
 * as placed by number (at `placed_at`, else the start of `ordered_at`; a repeat is a duplicate, a changed repeat a
 * conflict that is not applied, a record that cannot be an order placed is named). The deprecated alias
 * `POST /shop/orders` says so and stores orders placed the same way; `replique orders import` and `replique orders
 * replay` (the demo shop's generated stream, sent to the one endpoint) too; the generator is deterministic for a seed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ordersCommand } from '@replique/services/cli/orders-command';
import { UsageError } from '@replique/services/cli/args';
import { seedShop } from '../../activities/src/adapters/pg/seed-shop';
import { startReviewService } from '../../services/src/review/main';
import { ReviewEnvSchema } from '../../services/src/config/review-config';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { shopFixture } from '../support/paths';

const TOKEN = 'test-shop-feed-token-abcdef012345';
let db: TestDatabase;
let review: Awaited<ReturnType<typeof startReviewService>>;
let baseUrl: string;

beforeAll(async () => {
  db = await withTestDatabase();
  await seedShop(db.pool, JSON.parse(readFileSync(shopFixture, 'utf8')));
  review = await startReviewService(ReviewEnvSchema.parse({
    DATABASE_URL: db.databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    REVIEW_HTTP_PORT: '0', REVIEW_TOKEN: 'test-token-0123456789abcdef', SHOP_FEED_TOKEN: TOKEN,
  }));
  baseUrl = `http://127.0.0.1:${review.port}`;
});

afterAll(async () => {
  await review?.stop();
  await db?.close();
});

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id, customerId: 'C0001', placedAt: '2026-11-20T10:15:00+01:00', currency: 'EUR', total: 54.8,
  items: [{ sku: 'SKU-1002', qty: 2, unitPrice: 24.9 }], ...extra,
});

const post = (body: unknown, token = TOKEN) => fetch(`${baseUrl}/shop/orders`, {
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
});
const put = (body: unknown, token = TOKEN) => fetch(`${baseUrl}/shop/crm/orders`, {
  method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
});
/** A CRM order record, as the shop sends it. */
const crmOrder = (number: string, extra: Record<string, unknown> = {}) => ({
  number, customer_id: 'C0001', ordered_at: '2026-11-20', placed_at: '2026-11-20T10:15:00+01:00', status: 'processing',
  items: [{ sku: 'SKU-1002', qty: 2, unit_price: 24.9 }], total: 54.8, currency: 'EUR', shipping_fee: 5, ...extra,
});
const stored = async () => (await db.pool.query<{ order_id: string; total: string; skus: string[]; source: string; placed_at: Date }>(
  'select order_id, total, skus, source, placed_at from placed_orders order by order_id')).rows;

async function cli(argv: string[], stdin = '') {
  const lines: string[] = [];
  const code = await ordersCommand(argv, (l) => lines.push(l), {
    env: { DATABASE_URL: db.databaseUrl, SHOP_FEED_TOKEN: TOKEN }, readStdin: async () => stdin,
  });
  return { code, lines };
}

test('PUT /shop/crm/orders: token required, invalid batches refused whole, each order kept and recorded once as placed', async () => {
  expect((await put({ orders: [crmOrder('P-1')] }, 'wrong-token-wrong-token-wrong')).status).toBe(401);
  const invalid = await put({ orders: [crmOrder('P-1'), crmOrder('P-2', { placed_at: 'yesterday' })] });
  expect(invalid.status).toBe(400);
  expect(JSON.stringify(await invalid.json())).toMatch(/placed_at[^"]*P-2/);
  expect((await put({ orders: [crmOrder('P-1', { ordered_at: '20/11/2026' })] })).status).toBe(400);
  expect((await stored()).filter((r) => r.order_id.startsWith('P-'))).toEqual([]);

  const first = await put({ orders: [crmOrder('P-1'), crmOrder('P-2', { placed_at: undefined, ordered_at: '2026-11-21' }), crmOrder('P-3', { items: [] })] });
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({
    kind: 'orders', upserted: 3,
    placed: { stored: 2, duplicates: 0, conflicts: [], skipped: [{ number: 'P-3', error: expect.stringMatching(/items/) }] },
  });
  // Its state changes: the same order placed (a duplicate); other amounts: a conflict, not applied to the order placed.
  const again = await put({ orders: [crmOrder('P-1', { status: 'shipped', carrier: 'UPS' }), crmOrder('P-2', { placed_at: undefined, ordered_at: '2026-11-21', total: 99 })] });
  expect(await again.json()).toEqual({ kind: 'orders', upserted: 2, placed: { stored: 0, duplicates: 1, conflicts: ['P-2'], skipped: [] } });
  const rows = (await stored()).filter((r) => r.order_id.startsWith('P-'));
  expect(rows.map((r) => [r.order_id, Number(r.total), r.skus, r.source, r.placed_at.toISOString()])).toEqual([
    ['P-1', 54.8, ['SKU-1002'], 'http', '2026-11-20T09:15:00.000Z'], ['P-2', 54.8, ['SKU-1002'], 'http', '2026-11-21T00:00:00.000Z'],
  ]);
  const { rows: crm } = await db.pool.query<{ number: string; status: string; total: string }>(
    `select number, status, total from orders where number like 'P-%' order by number`);
  expect(crm.map((o) => [o.number, o.status, Number(o.total)])).toEqual([['P-1', 'shipped', 54.8], ['P-2', 'processing', 99], ['P-3', 'processing', 54.8]]);
});

test('POST /shop/orders, the deprecated alias: says so, invalid batches refused whole, each order placed stored once by id', async () => {
  expect((await post({ orders: [order('A-1')] }, 'wrong-token-wrong-token-wrong')).status).toBe(401);
  const invalid = await post({ orders: [order('A-1'), order('A-2', { placedAt: 'yesterday' }), order('A-3', { items: [] })] });
  expect(invalid.status).toBe(400);
  expect(JSON.stringify(await invalid.json())).toMatch(/placedAt/);
  expect((await stored()).filter((r) => r.order_id.startsWith('A-'))).toEqual([]);

  const first = await post({ orders: [order('A-1'), order('A-2'), order('A-2')] });
  expect(first.status).toBe(200);
  expect(first.headers.get('deprecation')).toBe('true');
  expect(first.headers.get('link')).toBe('</shop/crm/orders>; rel="successor-version"');
  expect(await first.json()).toEqual({ stored: 2, duplicates: 1, conflicts: [] });
  const again = await post({ orders: [order('A-1'), order('A-2', { total: 99 }), order('A-3')] });
  expect(await again.json()).toEqual({ stored: 1, duplicates: 1, conflicts: ['A-2'] });
  const rows = (await stored()).filter((r) => r.order_id.startsWith('A-'));
  expect(rows.map((r) => [r.order_id, Number(r.total), r.skus, r.source])).toEqual([
    ['A-1', 54.8, ['SKU-1002'], 'http'], ['A-2', 54.8, ['SKU-1002'], 'http'], ['A-3', 54.8, ['SKU-1002'], 'http'],
  ]);
  expect(rows[0]!.placed_at.toISOString()).toBe('2026-11-20T09:15:00.000Z');
});

test('replique orders import: JSON lines or an array, validated whole, idempotent with the endpoint', async () => {
  await expect(cli(['import', '-'], `${JSON.stringify(order('B-1'))}\n{"id": "B-2"}\n`)).rejects.toThrow(/1 invalid order\(s\), nothing stored:\n {2}#2/);
  expect((await stored()).some((r) => r.order_id.startsWith('B-'))).toBe(false);
  await expect(cli(['import'])).rejects.toThrow(UsageError);

  const dir = mkdtempSync(path.join(tmpdir(), 'orders-'));
  const file = path.join(dir, 'orders.jsonl');
  writeFileSync(file, [order('A-1'), order('B-1'), order('B-2')].map((o) => JSON.stringify(o)).join('\n'));
  expect(await cli(['import', file])).toEqual({ code: 0, lines: ['stored 2 orders, 1 already there'] });
  expect(await cli(['import', '-'], JSON.stringify([order('B-1'), order('B-2')]))).toEqual({ code: 0, lines: ['stored 0 orders, 2 already there'] });
  expect((await stored()).filter((r) => r.order_id.startsWith('B-')).map((r) => r.source)).toEqual(['import', 'import']);
});

test('the demo shop replays a generated stream through PUT /shop/crm/orders: the same seed gives the same orders, stored once', async () => {
  const generate = async (seed: number) => (await cli(['generate', '--seed', String(seed), '--from', '2026-11-02', '--days', '14', '--shop', shopFixture])).lines;
  const stream = await generate(7);
  expect(stream.length).toBeGreaterThan(5);
  expect(await generate(7)).toEqual(stream);
  expect(await generate(8)).not.toEqual(stream);

  const dir = mkdtempSync(path.join(tmpdir(), 'orders-'));
  const file = path.join(dir, 'stream.jsonl');
  writeFileSync(file, `${stream.join('\n')}\n`);
  const replay = await cli(['replay', file, '--url', baseUrl]);
  expect(replay).toEqual({ code: 0, lines: [`posted ${stream.length} orders: ${stream.length} stored, 0 already there, 0 conflicting`] });
  expect((await cli(['replay', file, '--url', baseUrl])).lines).toEqual([`posted ${stream.length} orders: 0 stored, ${stream.length} already there, 0 conflicting`]);
  const ids = stream.map((l) => (JSON.parse(l) as { id: string }).id);
  const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from placed_orders where order_id = any($1)', [ids]);
  expect(rows[0]!.n).toBe(stream.length);
  const { rows: crm } = await db.pool.query<{ n: number }>(`select count(*)::int as n from orders where number = any($1) and status = 'processing'`, [ids]);
  expect(crm[0]!.n).toBe(stream.length);
  const { rows: instants } = await db.pool.query<{ order_id: string; placed_at: Date }>('select order_id, placed_at from placed_orders where order_id = any($1)', [ids]);
  const placedAt = new Map(stream.map((l) => JSON.parse(l) as { id: string; placedAt: string }).map((o) => [o.id, new Date(o.placedAt).getTime()]));
  expect(instants.every((r) => r.placed_at.getTime() === placedAt.get(r.order_id))).toBe(true);

  // From Postgres, the stream reacts to the replies the KPI tables hold (none here) and to the CRM's customers.
  expect((await cli(['generate', '--seed', '7', '--from', '2026-11-02', '--days', '14'])).lines).toEqual(stream);
});
