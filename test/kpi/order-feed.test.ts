/**
 * The shop's order feed on the real Postgres and the review service over HTTP: the endpoint refuses a request without
 * its token and an invalid batch (storing nothing of it), stores orders once by id (a repeat is a duplicate, a changed
 * repeat a conflict that is not applied); `replique orders import` and `replique orders replay` (the demo shop's
 * generated stream, posted to the endpoint) store the same way; the generator is deterministic for a seed.
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
import { freePort } from '../support/smtp-sink';
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
    REVIEW_HTTP_PORT: String(await freePort()), REVIEW_TOKEN: 'test-token-0123456789abcdef', SHOP_FEED_TOKEN: TOKEN,
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
const stored = async () => (await db.pool.query<{ order_id: string; total: string; skus: string[]; source: string; placed_at: Date }>(
  'select order_id, total, skus, source, placed_at from placed_orders order by order_id')).rows;

async function cli(argv: string[], stdin = '') {
  const lines: string[] = [];
  const code = await ordersCommand(argv, (l) => lines.push(l), {
    env: { DATABASE_URL: db.databaseUrl, SHOP_FEED_TOKEN: TOKEN }, readStdin: async () => stdin,
  });
  return { code, lines };
}

test('the endpoint: token required, invalid batches refused whole, each order stored once by id', async () => {
  expect((await post({ orders: [order('A-1')] }, 'wrong-token-wrong-token-wrong')).status).toBe(401);
  const invalid = await post({ orders: [order('A-1'), order('A-2', { placedAt: 'yesterday' }), order('A-3', { items: [] })] });
  expect(invalid.status).toBe(400);
  expect(JSON.stringify(await invalid.json())).toMatch(/placedAt/);
  expect(await stored()).toEqual([]);

  const first = await post({ orders: [order('A-1'), order('A-2'), order('A-2')] });
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ stored: 2, duplicates: 1, conflicts: [] });
  const again = await post({ orders: [order('A-1'), order('A-2', { total: 99 }), order('A-3')] });
  expect(await again.json()).toEqual({ stored: 1, duplicates: 1, conflicts: ['A-2'] });
  const rows = await stored();
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

test('the demo shop replays a generated stream through the endpoint: the same seed gives the same orders, stored once', async () => {
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

  // From Postgres, the stream reacts to the replies the KPI tables hold (none here) and to the CRM's customers.
  expect((await cli(['generate', '--seed', '7', '--from', '2026-11-02', '--days', '14'])).lines).toEqual(stream);
});
