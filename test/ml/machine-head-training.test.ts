/**
 * The machine-mail head is compiled into the code, so `eval --folds` cannot retrain it per fold: its trainer leaves out
 * the corpus's held-back fold whatever folder it is given, and the standard training command (which also writes the
 * head) reproduces the committed weights from the whole corpus.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { foldOf, isHeldBackFold } from '../../ml/corpus';
import { headRows } from '../../ml/train-machine-head';
import { sharedRoot, shopFixture } from '../support/paths';

const corpus = path.join(sharedRoot, 'fixtures/emails-train');
const shop = shopFixture;

describe('the machine head trains without the held-back fold', () => {
  it('reads fold 4 of five as held back, and nothing else', () => {
    expect(foldOf('t001.eml', 5)).toBe(4);
    expect(isHeldBackFold('t001.eml')).toBe(true);
    expect(isHeldBackFold('t002.eml')).toBe(false);
  });

  it('leaves the held-back fold out of a folder that holds it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'head-rows-'));
    const files = ['t001.eml', 't002.eml'];
    for (const f of files) copyFileSync(path.join(corpus, f), path.join(dir, f));
    writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(files.map((file) => ({ file, expected_route: 'auto_send' }))));
    const corpusIds = (await headRows(dir, shop)).filter((r) => r.fold >= 0).map((r) => r.id);
    expect(corpusIds).toEqual(['t002.eml']);
  });
});
