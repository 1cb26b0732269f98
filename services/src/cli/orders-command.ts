/**
 * `replique orders`: the shop's order feed from the command line (the conversion-after-email KPI reads it).
 *
 *   orders import FILE|-                       validate every order (JSON lines, a JSON array or {"orders": [...]}),
 *                                              then store them, idempotent by order id (nothing stored if one is invalid)
 *   orders generate --seed N --from DAY --days N [--lift 0.5] [--daily-rate 0.02] [--shop FILE]
 *                                              a deterministic stream (JSON lines on stdout) for the demo shop: its
 *                                              customers and products from Postgres (or a shop JSON), and the replies
 *                                              the KPI tables hold in the range, after which customers order more
 *   orders replay FILE|- --url URL             send the file to the review service's PUT /shop/crm/orders (SHOP_FEED_TOKEN)
 *                                              as CRM order records, 500 a request: the demo shop replaying its stream
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createPool, type Queryable } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { storePlacedOrders } from '@replique/activities/adapters/pg/placed-orders';
import { shopFileSchema } from '@replique/activities/adapters/shop-json';
import { parseOrderFile, type PlacedOrder } from '@replique/activities/orders/placed-order';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { conversionEnv, postgresEnv } from '../config/shared-env';
import { generateOrderStream, type StreamCustomer, type StreamProduct, type StreamReply } from '../demo/order-stream';
import { feedOrders, shopFromDb } from '../demo/demo-shop-orders';

export const ORDERS_USAGE = 'orders import FILE|- | generate --seed N --from YYYY-MM-DD --days N [--lift X] [--daily-rate X] [--shop FILE] | replay FILE|- --url URL';

type Io = { env?: NodeJS.ProcessEnv; readStdin?: () => Promise<string>; fetch?: typeof fetch };

export async function ordersCommand(argv: string[], write: (line: string) => void, io: Io = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'import') return importOrders(rest, write, io);
  if (sub === 'generate') return generate(rest, write, io);
  if (sub === 'replay') return replay(rest, write, io);
  throw new UsageError(`usage: replique ${ORDERS_USAGE}`);
}

async function readSource(source: string, io: Io): Promise<PlacedOrder[]> {
  const text = source === '-' ? await (io.readStdin ?? readStdin)() : await readFile(source, 'utf8');
  let parsed;
  try {
    parsed = parseOrderFile(text);
  } catch (error) {
    throw new UsageError(`${source === '-' ? 'stdin' : source} is not JSON: ${(error as Error).message}`);
  }
  if (parsed.invalid.length > 0) {
    const shown = parsed.invalid.slice(0, 5).map((i) => `  #${i.at}: ${i.error}`).join('\n');
    throw new UsageError(`${parsed.invalid.length} invalid order(s), nothing stored:\n${shown}`);
  }
  return parsed.orders;
}

async function withDb<T>(io: Io, work: (db: Queryable, env: z.output<typeof DbEnv>) => Promise<T>): Promise<T> {
  const env = parseEnv('replique orders', DbEnv, io.env ?? process.env);
  const db = createPool(env.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: env.REPLIQUE_MIGRATIONS_DIR });
    return await work(db, env);
  } finally {
    await db.end();
  }
}
const DbEnv = z.object({ ...postgresEnv, ...conversionEnv });

async function importOrders(argv: string[], write: (line: string) => void, io: Io): Promise<number> {
  const args = parseArgs(argv, []);
  const source = args.positionals[0];
  if (!source || args.positionals.length > 1) throw new UsageError('usage: replique orders import FILE|-');
  const orders = await readSource(source, io);
  const result = await withDb(io, (db) => storePlacedOrders(db, orders, 'import'));
  write(`stored ${result.stored} orders, ${result.duplicates} already there` +
    (result.conflicts.length > 0 ? `, ${result.conflicts.length} conflicting (not applied): ${result.conflicts.slice(0, 10).join(', ')}` : ''));
  return 0;
}

const number = (text: string | undefined, name: string, fallback?: number): number => {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (text === undefined || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number`);
  return n;
};

async function generate(argv: string[], write: (line: string) => void, io: Io): Promise<number> {
  const args = parseArgs(argv, ['seed', 'from', 'days', 'lift', 'daily-rate', 'shop']);
  const from = args.options.from;
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new UsageError('--from YYYY-MM-DD is required');
  const days = number(args.options.days, 'days');
  const base = { seed: number(args.options.seed, 'seed'), start: from, days, replyLift: number(args.options.lift, 'lift', 0.5),
    dailyRate: number(args.options['daily-rate'], 'daily-rate', 0.02) };
  let shop: { customers: StreamCustomer[]; products: StreamProduct[]; replies: StreamReply[]; windowDays?: number };
  if (args.options.shop) {
    const file = shopFileSchema.parse(JSON.parse(await readFile(args.options.shop, 'utf8')));
    shop = {
      customers: file.customers.map((c) => ({ id: c.id, vip: c.vip, priorOrders: file.orders.filter((o) => o.customer_id === c.id && o.ordered_at < from).length })),
      products: file.products.map((p) => ({ sku: p.sku, price: p.price })), replies: [],
    };
  } else {
    shop = await withDb(io, async (db, env) => ({ ...(await shopFromDb(db, from, days)), windowDays: env.KPI_CONVERSION_WINDOW_DAYS }));
  }
  for (const order of generateOrderStream({ ...base, ...shop })) write(JSON.stringify(order));
  return 0;
}

async function replay(argv: string[], write: (line: string) => void, io: Io): Promise<number> {
  const args = parseArgs(argv, ['url']);
  const source = args.positionals[0];
  const url = args.options.url;
  if (!source || !url || args.positionals.length > 1) throw new UsageError('usage: replique orders replay FILE|- --url URL');
  const { SHOP_FEED_TOKEN: token } = parseEnv('replique orders replay', z.object({ SHOP_FEED_TOKEN: z.string().min(16) }), io.env ?? process.env);
  const orders = await readSource(source, io);
  const totals = await feedOrders(url, token, orders, io.fetch ?? fetch);
  write(`posted ${orders.length} orders: ${totals.stored} stored, ${totals.duplicates} already there, ${totals.conflicts} conflicting`);
  return 0;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('give the orders as a file or on stdin (-)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
