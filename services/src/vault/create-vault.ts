/**
 * The field vault of a process (activities/src/adapters/vault/field-vault.ts) over its pool and its configured key
 * encryption keys: the local wrapper here; a KMS-backed KeyWrapper plugs in at this one place.
 */
import { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { LocalKeyWrapper, type KeyEncryptionKey } from '@replique/activities/adapters/vault/key-wrapper';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { createLogger } from '@replique/activities/logger';

const log = createLogger('vault');
let warned = false;

export function createFieldVault(db: Queryable, keks: KeyEncryptionKey[] | null): FieldVault {
  if (!keks && !warned) {
    warned = true;
    log.warn('DATA_KEKS is unset: customer text (messages, case files, drafts, edits) is stored in Postgres in clear');
  }
  return new FieldVault(db, keks ? new LocalKeyWrapper(keks) : null);
}
