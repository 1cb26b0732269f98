/**
 * `replique gdpr`: the customer's rights that need no server (docs/privacy.md).
 *
 *   pnpm -s replique gdpr erase --customer C-1234 [--by alice]
 *       crypto-shredding: destroys the customer's data keys; every field sealed with them is unreadable at once.
 *       Prints how many keys and emails; a second run destroys nothing. The audit log gains a `gdpr / erased` row.
 *
 * DATABASE_URL as for the services (no KEK needed: nothing is decrypted).
 */
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { eraseCustomer } from '@replique/activities/adapters/vault/erase-customer';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';

export const GDPR_USAGE = 'gdpr erase --customer ID [--by NAME]';

export async function gdprCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['customer', 'by']);
  const customerId = args.options.customer?.trim();
  if (sub !== 'erase' || !customerId || args.positionals.length > 0) throw new UsageError(`usage: replique ${GDPR_USAGE}`);
  const config = parseEnv('replique gdpr', z.object(postgresEnv), env);
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    const result = await eraseCustomer(db, { customerId, by: args.options.by ?? 'cli' });
    write(`erased: ${result.keysDestroyed} data key(s) destroyed, ${result.emails} email(s) unlinked`);
    return 0;
  } finally {
    await db.end();
  }
}
