/**
 * `replique gdpr`: the customer's rights that need no server (docs/privacy.md "The customer's rights").
 *
 *   pnpm -s replique gdpr erase --customer C-1234 [--by alice]
 *       erasure: the customer memory forgets them (Qdrant, when QDRANT_URL is set), then crypto-shredding destroys
 *       their data keys: every field sealed with them (Postgres, sealed texts in Temporal histories) is unreadable
 *       at once. Prints how many keys and emails; a second run destroys nothing. The audit log gains `gdpr / erased`.
 *
 *   pnpm -s replique gdpr export --customer C-1234 [--by alice] [--out file.json]
 *       access and portability: one JSON document of everything held about the customer, opened with the KEKs
 *       (DATA_KEKS or DATA_KEKS_FILE). To stdout, or to a file (mode 0600). The audit log gains `gdpr / exported`.
 *
 * DATABASE_URL as for the services; QDRANT_URL / QDRANT_API_KEY as for the worker (its customer memory).
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { eraseCustomerEverywhere } from '@replique/activities/gdpr/erase-customer-everywhere';
import { exportCustomer } from '@replique/activities/gdpr/export-customer';
import type { MemoryStore } from '@replique/activities/memory/memory-store';
import { parseArgs, UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';
import { dataKeksOf, dataKeysEnv } from '../config/data-keys-env';
import { createFieldVault } from '../vault/create-vault';
import { customerMemoryEnv, customerMemoryStore } from '../privacy/customer-memory-store';

export const GDPR_USAGE = 'gdpr erase|export --customer ID [--by NAME] [--out FILE]';

const GdprEnv = z.object({ ...postgresEnv, ...dataKeysEnv, ...customerMemoryEnv });

export interface GdprCommandOptions {
  /** The customer memory to erase from / export (tests: an embedded store); default: Qdrant when QDRANT_URL is set. */
  memory?: MemoryStore | null;
}

export async function gdprCommand(
  argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env, options: GdprCommandOptions = {},
): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, ['customer', 'by', 'out']);
  const customerId = args.options.customer?.trim();
  if ((sub !== 'erase' && sub !== 'export') || !customerId || args.positionals.length > 0) throw new UsageError(`usage: replique ${GDPR_USAGE}`);
  const config = parseEnv('replique gdpr', GdprEnv, env);
  const memory = options.memory !== undefined ? options.memory : customerMemoryStore(config);
  const by = args.options.by ?? 'cli';
  const db = createPool(config.DATABASE_URL, { max: 1, applicationName: 'replique-cli' });
  try {
    if (sub === 'erase') {
      const result = await eraseCustomerEverywhere(db, { customerId, by, memory });
      write(`erased: ${result.keysDestroyed} data key(s) destroyed, ${result.emails} email(s) unlinked, memory ${result.memoryForgotten ? 'forgotten' : 'not configured'}`);
      return 0;
    }
    const vault = createFieldVault(db, dataKeksOf('replique gdpr', config));
    const document = JSON.stringify(await exportCustomer(db, vault, { customerId, by, memory }), null, 2);
    if (args.options.out) {
      writeFileSync(args.options.out, `${document}\n`, { mode: 0o600 });
      write(`exported to ${args.options.out}`);
    } else write(document);
    return 0;
  } finally {
    await db.end();
  }
}
