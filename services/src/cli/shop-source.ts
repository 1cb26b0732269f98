/**
 * Where a decision command reads the shop when `--shop` is not given: the CRM in Postgres (DATABASE_URL, default
 * the local stack's). On a machine where DATABASE_URL is unset and no database answers at the local stack's address
 * (a fresh checkout before `pnpm stack up`), the demo shop next to the checkout instead, said on stderr, so that
 * `replique eval ../shared/fixtures/emails-dev` runs there as documented. A DATABASE_URL that is set and does not
 * answer stays an error: that CRM was asked for.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createPool } from '@replique/activities/adapters/pg/pool';

/** The demo shop next to the checkout (../shared/fixtures/shop.json), or REPLIQUE_SHARED_DIR's. */
export const DEMO_SHOP_FILE = path.join(process.env.REPLIQUE_SHARED_DIR ?? path.resolve(__dirname, '../../../../shared'), 'fixtures', 'shop.json');

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5433/replique';

export type ShopSource = { databaseUrl: string } | { shopFile: string };

export interface ShopSourceOptions {
  notice?: (line: string) => void;
  demoShopFile?: string;
  localDatabaseUrl?: string;
}

export async function shopSource(env: NodeJS.ProcessEnv, options: ShopSourceOptions = {}): Promise<ShopSource> {
  const { notice = (line) => process.stderr.write(`${line}\n`), demoShopFile = DEMO_SHOP_FILE, localDatabaseUrl = LOCAL_DATABASE_URL } = options;
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  const refusal = await connectionRefusal(localDatabaseUrl);
  if (!refusal || !existsSync(demoShopFile)) return { databaseUrl: localDatabaseUrl };
  notice(`replique: no CRM database at the local stack's address (${refusal}) and DATABASE_URL is unset: deciding with the demo shop ${demoShopFile} and the shipped policy (--shop FILE or DATABASE_URL to choose)`);
  return { shopFile: demoShopFile };
}

/** Why a connection to `url` fails (its error code), or null when it connects. */
async function connectionRefusal(url: string): Promise<string | null> {
  const pool = createPool(url, { max: 1, applicationName: 'replique-cli', onIdleError: () => undefined });
  try {
    await pool.query('select 1');
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
