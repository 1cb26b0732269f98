/** `replique user`: accounts for the review tool, scrypt-hashed, in a database of the test's own. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findReviewerByName } from '@replique/activities/adapters/pg/reviewers';
import { verifyPassword } from '@replique/services/review/auth/password';
import { userCommand } from '@replique/services/review/user-command';
import { withTestDatabase, type TestDatabase } from '../support/pg';

let db: TestDatabase;
beforeAll(async () => {
  db = await withTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function run(argv: string[], env: Record<string, string> = {}, stdin = '') {
  const lines: string[] = [];
  const code = await userCommand(argv, (l) => lines.push(l), {
    env: { DATABASE_URL: db.databaseUrl, ...env }, readStdin: async () => stdin,
  });
  return { code, lines };
}

test('user add stores a scrypt hash, never the password; the password comes from the environment or stdin', async () => {
  expect((await run(['add', '--role', 'senior', 'sam'], { REPLIQUE_USER_PASSWORD: 'correct horse battery' })).lines).toEqual(['created sam (senior)']);
  const sam = await findReviewerByName(db.pool, 'sam');
  expect(sam?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(sam?.passwordHash).not.toContain('correct horse');
  expect(await verifyPassword('correct horse battery', sam!.passwordHash)).toBe(true);
  expect(await verifyPassword('wrong', sam!.passwordHash)).toBe(false);
  expect((await run(['add', '--role', 'reviewer', 'rita'], {}, 'from stdin 123\n')).code).toBe(0);
  expect(await verifyPassword('from stdin 123', (await findReviewerByName(db.pool, 'rita'))!.passwordHash)).toBe(true);
  await expect(run(['add', '--role', 'boss', 'x1'], { REPLIQUE_USER_PASSWORD: 'long enough pw' })).rejects.toThrow(/--role/);
  await expect(run(['add', '--role', 'reviewer', 'shorty'], { REPLIQUE_USER_PASSWORD: 'short' })).rejects.toThrow(/at least/);
  expect((await run(['list'])).lines).toEqual(['rita\treviewer', 'sam\tsenior']);
  expect((await run(['disable', 'rita'])).lines).toEqual(['disabled rita']);
});

test('user demo creates the demo accounts (reviewer, senior, lead, prompts) once and writes their passwords to the file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'replique-users-'));
  const file = path.join(dir, 'tokens.env');
  try {
    const first = await run(['demo', '--file', file]);
    expect(first.lines).toHaveLength(8);
    const written = readFileSync(file, 'utf8');
    const password = /^REVIEW_SENIOR_PASSWORD=(.+)$/m.exec(written)![1]!;
    expect(await verifyPassword(password, (await findReviewerByName(db.pool, 'senior'))!.passwordHash)).toBe(true);
    expect((await findReviewerByName(db.pool, 'lead'))!.role).toBe('lead');
    expect((await findReviewerByName(db.pool, 'prompts'))!.role).toBe('prompts');
    expect((await run(['demo', '--file', file])).lines[0]).toMatch(/already exist/);
    expect(readFileSync(file, 'utf8')).toBe(written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
