/**
 * `replique shop import FILE|- [--prune]`: loads the shop's CRM data (customers, orders, products, policies) into
 * Postgres from a shop JSON file (the format of shared/fixtures/shop.json), or from stdin with `-` (e.g. into a
 * container: `docker compose run --rm -T worker replique shop import - < shop.json`). Validated before anything is
 * written, one transaction, idempotent (an upsert by key); `--prune` also deletes customers, products and orders
 * absent from the file. The worker reads the shop from the database (it waits at start until the data is there):
 * run this, or push the data to the sync endpoint (PUT /shop/crm/*, docs/deploy.md), and again whenever it changes.
 * DATABASE_URL and REPLIQUE_MIGRATIONS_DIR as for the services.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { migrate } from '@replique/activities/adapters/pg/migrate';
import { seedShop } from '@replique/activities/adapters/pg/seed-shop';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';

export const SHOP_USAGE = 'shop import FILE|- [--prune]';

export async function shopCommand(
  argv: string[], write: (line: string) => void,
  io: { env?: NodeJS.ProcessEnv; readStdin?: () => Promise<string> } = {},
): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, [], ['prune']);
  const source = args.positionals[0];
  if (sub !== 'import' || !source || args.positionals.length > 1) throw new UsageError(`usage: replique ${SHOP_USAGE}`);
  const text = source === '-' ? await (io.readStdin ?? readStdin)() : await readFile(source, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source === '-' ? 'stdin' : source} is not JSON: ${(error as Error).message}`);
  }
  const config = parseEnv('replique shop', z.object(postgresEnv), io.env ?? process.env);
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    await migrate(db, { dir: config.REPLIQUE_MIGRATIONS_DIR });
    const result = await seedShop(db, json, { prune: args.flags.has('prune') });
    write(`imported ${result.customers} customers, ${result.products} products, ${result.orders} orders, the policies` +
      (args.flags.has('prune') ? `; pruned ${result.pruned} rows` : ''));
    return 0;
  } finally {
    await db.end();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('give the shop JSON as a file or on stdin (-)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
