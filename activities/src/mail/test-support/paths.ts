/** Where the shared test data lives, relative to the repository root (../shared next to the checkout). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../../..');
export const sharedDir = resolve(repoRoot, '../shared');
export const externalDir = resolve(sharedDir, 'external');
export const devEmailsDir = resolve(sharedDir, 'fixtures/emails-dev');

/** Jest `describe` or `describe.skip` with a clear message when a data folder is absent. */
export function describeIfPresent(dir: string, name: string, fn: () => void): void {
  if (existsSync(dir)) {
    describe(name, fn);
  } else {
    describe.skip(`${name} (skipped: ${dir} not found)`, fn);
    // eslint-disable-next-line no-console
    console.warn(`[mail tests] ${dir} not found: "${name}" skipped`);
  }
}
