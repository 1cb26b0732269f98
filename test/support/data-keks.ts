/**
 * The key encryption key of the test pipelines and adapter tests: every customer field they store is sealed, as in
 * production (activities/src/adapters/vault/README.md).
 */
import { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { LocalKeyWrapper, parseKekList } from '@replique/activities/adapters/vault/key-wrapper';
import type { Queryable } from '@replique/activities/adapters/pg/pool';

/** `id:base64` of a fixed 32-byte test KEK (never a production key). */
export const TEST_DATA_KEKS = `test-kek-1:${Buffer.alloc(32, 'replique-test-data-kek').toString('base64')}`;

export function testVault(db: Queryable, keks: string = TEST_DATA_KEKS): FieldVault {
  return new FieldVault(db, new LocalKeyWrapper(parseKekList(keks).keks));
}
