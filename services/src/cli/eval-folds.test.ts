import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_INTENT_MODEL_FILE, intentModelFileSchema } from '@replique/activities/triage/intent-model';
import { SHOP_FILE } from '@replique/activities/triage/test-support/fixtures';
import { authorOf, crossValidate, foldOf, foldPlan, groupPlan } from './eval-folds';
import type { Label } from './evaluate';
import { buildTriageDeps } from './triage-command';

describe('fold split', () => {
  it('is the first byte of SHA-256(file name) mod k (the same as any other tool computing it)', () => {
    // values from Python: hashlib.sha256(name.encode()).digest()[0] % 5
    expect(foldOf('t001.eml', 5)).toBe(4);
    expect(foldOf('t002.eml', 5)).toBe(1);
    expect(foldOf('a.eml', 5)).toBe(3);
    expect(foldOf('/some/dir/d017.eml', 5)).toBe(1);
  });

  it('tests every file exactly once and never trains a fold on its own files', () => {
    const files = Array.from({ length: 200 }, (_, i) => `m${i}.eml`);
    const plans = foldPlan(files, 5);
    expect(plans.flatMap((p) => p.test).sort()).toEqual([...files].sort());
    for (const p of plans) {
      expect(p.test.filter((f) => p.train.includes(f))).toEqual([]);
      expect(p.test.length + p.train.length).toBe(files.length);
    }
  });
});

describe('author split (leave one author out)', () => {
  it('puts each block of 120 files by the number in the name in one author', () => {
    expect(['t001.eml', 't120.eml', 't121.eml', 't240.eml', 't241.eml', 't480.eml'].map((f) => authorOf(f))).toEqual([0, 0, 1, 1, 2, 3]);
    expect(authorOf('/x/t361.eml', 120)).toBe(3);
    expect(authorOf('m7.eml', 5)).toBe(1);
  });

  it('tests each author present once and never trains on the author it tests', () => {
    const files = ['t002.eml', 't119.eml', 't130.eml', 't250.eml', 't399.eml', 't400.eml'];
    const plans = groupPlan(files, { kind: 'authors', block: 120 });
    expect(plans.map((p) => p.fold)).toEqual([0, 1, 2, 3]);
    for (const p of plans) {
      expect(p.test.every((f) => authorOf(f) === p.fold)).toBe(true);
      expect(p.train.some((f) => authorOf(f) === p.fold)).toBe(false);
      expect(p.test.length + p.train.length).toBe(files.length);
    }
  });
});

const EML = (name: string, subject: string, body: string): string =>
  `From: Anne Leclerc <anne.leclerc@example.fr>\nTo: help@atelier-test.example\nSubject: ${subject}\nDate: Mon, 09 Mar 2026 10:00:00 +0100\n`
  + `Message-ID: <${name}@example.fr>\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`;

describe('crossValidate', () => {
  it("trains each fold's model without that fold's emails and predicts every email once", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'replique-folds-'));
    const shop = path.join(dir, 'shop.json');
    await writeFile(shop, JSON.stringify(SHOP_FILE));
    const bodies = [
      ['Suivi', 'Bonjour, où en est ma commande ORD-5501 ? Merci'],
      ['Tracking', 'Hi, where is my parcel? Thanks'],
      ['Facture', "Pourriez-vous m'envoyer la facture de ma dernière commande ?"],
      ['Data', 'Please erase everything you keep about me.'],
      ['Merci', 'Tout est arrivé, merci beaucoup !'],
      ['Size', 'Is the large casserole suitable for induction hobs?'],
      ['Retard', "Mon colis devait arriver lundi, je n'ai rien reçu."],
      ['Bank', "I'll ask my bank to take the money back."],
    ];
    const labels: Label[] = bodies.map((_, i) => ({
      file: `m${i}.eml`, lang: 'fr', intent: 'order_status', expected_route: 'review', customer_id: null, order_number: null,
      ...{ route_reasons: ['x'] },
    }));
    for (const [i, [subject, body]] of bodies.entries()) await writeFile(path.join(dir, `m${i}.eml`), EML(`m${i}`, subject!, body!));
    await writeFile(path.join(dir, 'labels.json'), JSON.stringify(labels));

    const committed = intentModelFileSchema.parse(JSON.parse(readFileSync(DEFAULT_INTENT_MODEL_FILE, 'utf8')));
    const seen: string[][] = [];
    const deps = await buildTriageDeps(shop, undefined, { noModel: true });
    const out: string[] = [];
    const { lines } = await crossValidate(dir, labels, deps, 3, (l) => out.push(l), (corpus) => {
      seen.push(corpus.map((c) => c.file));
      return committed;
    });
    await deps.close();

    const plans = foldPlan(labels.map((l) => l.file), 3).filter((p) => p.test.length);
    expect(seen).toHaveLength(plans.length);
    plans.forEach((p, j) => {
      expect(seen[j]!.filter((f) => p.test.includes(f))).toEqual([]);
      expect([...seen[j]!].sort()).toEqual([...p.train].sort());
    });
    expect(lines.map((l) => l.file).sort()).toEqual(labels.map((l) => l.file).sort());
    expect(out.filter((l) => /^fold \d: \d+ emails \(trained on/.test(l))).toHaveLength(plans.length);
  }, 60_000);
});
