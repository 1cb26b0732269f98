/**
 * A data key the vault has just created seals without being read back and unwrapped (at intake, a new sender's
 * message: one select and one KEK unwrap — a KMS call in production — fewer), and only when its own insert won: a vault
 * that lost a concurrent creation seals with the winner's key, as before. Each value is opened by a vault of its own,
 * which reads and unwraps the stored key: the sealed value holds the stored key's id, and that key opens it.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../activities/src/adapters/pg/pool';
import { sealedKeyId } from '../../activities/src/adapters/vault/sealed-field';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { testVault } from '../support/data-keks';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(() => db.close());

/** The pool, with the text of every statement run through it. */
function recording(): { db: Queryable; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    db: { query: (text: string, values?: unknown[]) => (statements.push(text.replace(/\s+/g, ' ')), db.pool.query(text, values)) } as Queryable,
  };
}

const subject = () => `test-subject:${randomBytes(8).toString('hex')}`;

it("seals with the key it just created, without reading it back, and the stored key opens the value", async () => {
  const { db: counted, statements } = recording();
  const vault = testVault(counted);
  const sealed = await vault.seal({ subjectHash: subject() }, 'a new sender’s message');
  expect(statements.map((s) => s.slice(0, 26))).toEqual(['select id, subject_hash as', 'insert into data_keys (sub']);
  expect(await testVault(db.pool).openText(sealed)).toBe('a new sender’s message');
});

it('seals with the winner’s key when another vault created the subject’s key at the same moment', async () => {
  const hash = subject();
  const vaults = [testVault(db.pool), testVault(db.newPool()), testVault(db.newPool())];
  const sealed = await Promise.all(vaults.map((vault, i) => vault.seal({ subjectHash: hash }, `copy ${i}`)));
  const { rows } = await db.pool.query<{ id: string }>('select id::text from data_keys where subject_hash = $1', [hash]);
  expect(rows).toHaveLength(1);
  expect(sealed.map(sealedKeyId)).toEqual([rows[0]!.id, rows[0]!.id, rows[0]!.id]);
  const opener = testVault(db.pool);
  expect(await Promise.all(sealed.map((value) => opener.openText(value)))).toEqual(['copy 0', 'copy 1', 'copy 2']);
});
