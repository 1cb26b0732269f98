/**
 * The dev-set bars over the 48 labelled emails (../shared/fixtures from the repo root), through the real stages.
 * Skipped, with a message, when the fixtures are not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadShopJson } from '../adapters/shop-json';
import { EmbeddedContextStore } from '../reply/embedded-context-store';
import { ShopKnowledge } from '../reply/shop-knowledge';
import { intentDeps, loadIntentModel } from './intent-model';
import type { TriageDeps } from './pipeline';
import { loadPolicy } from './policy';
import { toTriageLine, triageRaw, type TriageLine } from './triage';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const DEV = path.join(FIXTURES, 'emails-dev');
const present = existsSync(path.join(DEV, 'labels.json')) && existsSync(path.join(FIXTURES, 'shop.json'));
if (!present) console.warn(`dev-set bars skipped: no labelled fixtures at ${DEV}`);

interface Label {
  file: string; lang: string; intent: string; expected_route: string; customer_id: string | null; order_number: string | null;
  pii: { type: string; value: string }[];
}
const norm = (s: string): string => s.normalize('NFC').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

(present ? describe : describe.skip)('dev set (48 labelled emails)', () => {
  let labels: Label[] = [];
  const lines = new Map<string, TriageLine>();

  beforeAll(async () => {
    labels = JSON.parse(readFileSync(path.join(DEV, 'labels.json'), 'utf8')) as Label[];
    const shop = await loadShopJson(path.join(FIXTURES, 'shop.json'));
    const context = new ShopKnowledge(new EmbeddedContextStore(), shop);
    // as production: rules + the committed intent model, calibrated
    const deps: TriageDeps = { shop, policy: await loadPolicy(undefined, await shop.policies()), context, ...intentDeps(loadIntentModel()) };
    for (const f of readdirSync(DEV).filter((n) => n.endsWith('.eml')).sort()) {
      lines.set(f, toTriageLine(f, await triageRaw(readFileSync(path.join(DEV, f)), deps)));
    }
  }, 60_000);

  const share = (pred: (l: Label, p: TriageLine) => boolean, subset: (l: Label) => boolean = () => true): number => {
    const ls = labels.filter(subset);
    return ls.filter((l) => pred(l, lines.get(l.file)!)).length / ls.length;
  };

  it('predicts every file', () => {
    expect(lines.size).toBe(labels.length);
  });
  it('never auto-sends mail that is not routine', () => {
    expect(labels.filter((l) => l.expected_route !== 'auto' && lines.get(l.file)?.route === 'auto').map((l) => l.file)).toEqual([]);
  });
  it('escalates every escalation (100 %)', () => {
    expect(labels.filter((l) => l.expected_route === 'escalate' && lines.get(l.file)?.route !== 'escalate').map((l) => l.file)).toEqual([]);
  });
  it('suppresses all machine mail (100 %)', () => {
    expect(labels.filter((l) => l.expected_route === 'suppress' && lines.get(l.file)?.route !== 'suppress').map((l) => l.file)).toEqual([]);
  });
  it('automates at least 70 % of routine mail', () => {
    expect(share((l, p) => p.route === 'auto', (l) => l.expected_route === 'auto')).toBeGreaterThanOrEqual(0.7);
  });
  it('gets the intent right for at least 85 %', () => {
    expect(share((l, p) => p.intent === l.intent)).toBeGreaterThanOrEqual(0.85);
  });
  it('gets customer and order right for at least 95 %', () => {
    expect(share((l, p) => p.customer_id === l.customer_id)).toBeGreaterThanOrEqual(0.95);
    expect(share((l, p) => p.order_number === l.order_number)).toBeGreaterThanOrEqual(0.95);
  });
  it('finds at least 95 % of the labelled PII', () => {
    let n = 0;
    let ok = 0;
    for (const l of labels) {
      const found = new Set(lines.get(l.file)!.pii.map((x) => norm(x.value)));
      for (const x of l.pii) { n++; if (found.has(norm(x.value))) ok++; }
    }
    expect(ok / n).toBeGreaterThanOrEqual(0.95);
  });
});
