/** Where the repository, its local stack and the shared fixtures are, for tests and benchmarks. */
import path from 'node:path';
import fs from 'node:fs';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const localHome = process.env.REPLIQUE_HOME ?? path.join(repoRoot, '.local');
/** ../shared next to the checkout; REPLIQUE_SHARED_DIR points elsewhere (a worktree whose parent has none). */
export const sharedRoot = process.env.REPLIQUE_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const shopFixture = path.join(sharedRoot, 'fixtures', 'shop.json');
export const devEmailsDir = path.join(sharedRoot, 'fixtures', 'emails-dev');

export function requireFile(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file} — run \`pnpm stack up\` first`);
  return file;
}

export function temporalTestServerPath(): string {
  return requireFile(
    process.env.TEMPORAL_TEST_SERVER ?? path.join(localHome, 'venv', 'bin', 'temporal-test-server'),
    'the time-skipping Temporal test server',
  );
}

export function temporalCliPath(): string {
  return requireFile(process.env.TEMPORAL_CLI ?? path.join(localHome, 'venv', 'bin', 'temporal'), 'the temporal CLI');
}
