/**
 * The helpers' client-format sets for clean_body (test/fixtures/challenge-clean-1 … -18, 254 emails written to differ
 * from the training corpus: header blocks in other languages, web mail and mobile clients, HTML-only layouts, inline
 * answers, disclaimers, writing habits that look like structure). Each was read once blind (figure in its README);
 * they now guard the cleaner against regressions, with score.py's comparison on the exported clean body
 * (labelledCleanBody: up to the writer's name). A set's optional
 * `known-differences.json` ({file: reason}) lists labels the cleaner reads the other way on purpose (a convention
 * difference, with its reason); those must still differ, so the list stays honest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanBody, labelledCleanBody } from './clean-body';
import { parseEmail } from './parse-email';
import { repoRoot } from './test-support/paths';
import { sameCleanBody } from './test-support/score-norm';

interface Label {
  file: string;
  clean_body: string;
}

const fixtures = resolve(repoRoot, 'test/fixtures');
const sets = readdirSync(fixtures).filter((d) => /^challenge-clean-\d+$/.test(d)).sort();

describe('challenge-clean sets: clean_body as labelled', () => {
  it('finds the eighteen sets', () => {
    expect(sets.length).toBeGreaterThanOrEqual(18);
  });

  it.each(sets)('%s: every email cleaned as labelled', async (set) => {
    const dir = join(fixtures, set);
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Label[];
    expect(labels.length).toBeGreaterThan(0);
    const knownFile = join(dir, 'known-differences.json');
    const known = existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as Record<string, string>) : {};
    const misses: string[] = [];
    const stale: string[] = [];
    for (const label of labels) {
      const cleaned = labelledCleanBody(cleanBody(await parseEmail(readFileSync(join(dir, label.file)))));
      const same = sameCleanBody(cleaned, label.clean_body);
      if (label.file in known) {
        if (same) stale.push(label.file);
      } else if (!same) misses.push(`${label.file}: ${JSON.stringify(cleaned)}`);
    }
    expect(misses).toEqual([]);
    expect(stale).toEqual([]);
  });
});
