/**
 * `replique keys`: the data keys of encryption at rest (activities/src/adapters/vault/README.md), without a server.
 *
 *   pnpm -s replique keys status          how many data keys each KEK wraps (and how many are destroyed)
 *   pnpm -s replique keys rotate          re-wraps every data key not wrapped by the first KEK of DATA_KEKS with it;
 *                                         the data is not touched. Then the old KEK can leave DATA_KEKS.
 *   pnpm -s replique keys seal-existing   seals the customer text stored before encryption at rest (idempotent)
 *
 * DATABASE_URL and DATA_KEKS (or DATA_KEKS_FILE) as for the services.
 */
import { z } from 'zod';
import { createPool } from '@replique/activities/adapters/pg/pool';
import { countKeysByKek } from '@replique/activities/adapters/pg/data-keys';
import { LocalKeyWrapper } from '@replique/activities/adapters/vault/key-wrapper';
import { rotateDataKeys } from '@replique/activities/adapters/vault/rotate-data-keys';
import { sealExistingFields } from '@replique/activities/adapters/vault/seal-existing-fields';
import { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { UsageError } from './args';
import { parseEnv } from '../config/parse-env';
import { postgresEnv } from '../config/shared-env';
import { dataKeksOf, dataKeysEnv } from '../config/data-keys-env';

export const KEYS_USAGE = 'keys status | keys rotate | keys seal-existing';

export async function keysCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  if (!['status', 'rotate', 'seal-existing'].includes(sub ?? '') || rest.length > 0) throw new UsageError(`usage: replique ${KEYS_USAGE}`);
  const config = parseEnv('replique keys', z.object({ ...postgresEnv, ...dataKeysEnv }), env);
  const keks = dataKeksOf('replique keys', config);
  if (!keks && sub !== 'status') throw new UsageError('DATA_KEKS (or DATA_KEKS_FILE) is not set');
  const db = createPool(config.DATABASE_URL, { max: 2, applicationName: 'replique-cli' });
  try {
    if (sub === 'status') {
      for (const { kekId, keys } of await countKeysByKek(db)) write(`${kekId ?? '(destroyed)'}\t${keys}`);
      return 0;
    }
    const wrapper = new LocalKeyWrapper(keks!);
    if (sub === 'rotate') {
      const result = await rotateDataKeys(db, wrapper);
      const from = Object.entries(result.fromKeks).map(([kek, n]) => `${n} from "${kek}"`).join(', ');
      write(`re-wrapped ${result.rewrapped} data key(s) with "${wrapper.currentKekId}"${from ? ` (${from})` : ''}; no data rewritten`);
      return 0;
    }
    const sealed = await sealExistingFields(db, new FieldVault(db, wrapper));
    for (const [column, n] of Object.entries(sealed)) write(`${column}\t${n}`);
    write(`sealed ${Object.values(sealed).reduce((a, b) => a + b, 0)} value(s) stored in clear`);
    return 0;
  } finally {
    await db.end();
  }
}
