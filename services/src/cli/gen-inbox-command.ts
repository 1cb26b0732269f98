/**
 * `replique gen-inbox [--count N] [--seed S] [--shop FILE] DIR`: writes a generated support inbox of N .eml files
 * (5,000 by default) into DIR for the inbox map's demo, test and benchmark (ml/inbox-generator.ts: the project's own
 * phrase banks and the demo shop's data, deterministic for a seed). Generate it into a temporary or cache folder.
 */
import { readFile } from 'node:fs/promises';
import { writeInbox, type ShopData } from '../../../ml/inbox-generator';
import { parseArgs, UsageError } from './args';
import { DEMO_SHOP_FILE } from './shop-source';

export const GEN_INBOX_USAGE = 'usage: replique gen-inbox [--count N] [--seed S] [--shop FILE] DIR';


export async function genInboxCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['count', 'seed', 'shop']);
  const dir = args.positionals[0];
  const count = Number(args.options.count ?? 5000);
  const seed = Number(args.options.seed ?? 1);
  if (!dir || args.positionals.length > 1 || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new UsageError(GEN_INBOX_USAGE);
  const shop = JSON.parse(await readFile(args.options.shop ?? DEMO_SHOP_FILE, 'utf8')) as ShopData;
  write(`${await writeInbox(dir, shop, count, seed)} emails written to ${dir} (seed ${seed})`);
  return 0;
}
