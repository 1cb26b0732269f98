/**
 * Trains the machine-mail head (activities/src/mail/machine-head.ts) and writes its weights
 * (activities/src/mail/machine-head-weights.ts):
 *   pnpm exec tsx ml/train-machine-head.ts --shop SHOP.json LABELLED_DIR
 * (ml/train-meaning-model.ts runs it too, on the same folder.) Targets: expected_route 'suppress' in the labelled
 * corpus, and the hand-written families of ml/machine-synthetic.ts. The head is compiled into the code, so
 * `eval --folds` cannot retrain it: it never trains on the corpus's held-back fold (ml/corpus.ts `isHeldBackFold`),
 * whichever folder it is given — the whole corpus and its folds 0–3 give the same bytes. Logistic regression by full-batch gradient descent
 * over named structural features (no randomness in the fit; the synthetic draw is seeded): the same sources give the
 * same bytes. The threshold is fitted on out-of-fold predictions (SHA-256(file name) third byte mod 4; synthetic mail
 * always trains): above every mail a person wrote that the head may vote on (corpus out of fold, + 0.1; synthetic people
 * in sample, + 0.05), never below 0.7.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEmail } from '../activities/src/mail/parse-email';
import { cleanBody } from '../activities/src/mail/clean-body';
import { orderNumberPattern } from '../activities/src/mail/customer-voice';
import { customersMatterAlone, machineEvidence, machineFeatures, machineProbability, type MachineHeadWeights } from '../activities/src/mail/machine-head';
import { isHeldBackFold } from './corpus';
import { mulberry32 } from './logreg';
import { machineSynthetic } from './machine-synthetic';

export interface HeadRow { id: string; x: Record<string, number>; y: 0 | 1; weight: number; gated: boolean; fold: number }

const FORWARD_SUBJECT = /^\s*(?:fwd?|tr|fw|wg|rv)\s*:/i;

function fit(rows: readonly HeadRow[], names: readonly string[], epochs = 800, lr = 0.5, l2 = 1e-3): { bias: number; weights: Record<string, number> } {
  const w = new Float64Array(names.length);
  let b = 0;
  const X = rows.map((r) => names.map((n) => r.x[n] ?? 0));
  const total = rows.reduce((s, r) => s + r.weight, 0);
  for (let e = 0; e < epochs; e++) {
    const gw = new Float64Array(names.length);
    let gb = 0;
    rows.forEach((r, i) => {
      let z = b;
      for (let j = 0; j < names.length; j++) z += w[j]! * X[i]![j]!;
      const err = (1 / (1 + Math.exp(-z)) - r.y) * r.weight;
      gb += err;
      for (let j = 0; j < names.length; j++) gw[j]! += err * X[i]![j]!;
    });
    b -= (lr * gb) / total;
    for (let j = 0; j < names.length; j++) w[j]! -= lr * (gw[j]! / total + l2 * w[j]!);
  }
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  return { bias: round(b), weights: Object.fromEntries(names.map((n, j) => [n, round(w[j]!)])) };
}

export async function headRows(dir: string, shopFile: string): Promise<HeadRow[]> {
  const shop = JSON.parse(readFileSync(shopFile, 'utf8')) as { policies: { shop_name: string; support_address: string; website: string }; customers: { email: string }[] };
  const identity = { name: shop.policies.shop_name, domains: [shop.policies.support_address.split('@')[1] ?? '', /^(?:https?:\/\/)?([^/:]+)/i.exec(shop.policies.website)?.[1] ?? ''] };
  const customers = new Set(shop.customers.map((c) => c.email.toLowerCase()));
  const orderNumber = orderNumberPattern('CMD', 5);
  const rows: HeadRow[] = [];
  const add = async (id: string, raw: Buffer | string, y: 0 | 1, weight: number, fold: number): Promise<void> => {
    const parsed = await parseEmail(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
    const x = machineFeatures({ parsed, cleaned: cleanBody(parsed), shop: identity, orderNumber });
    const gated = !customers.has((parsed.from?.address ?? '').toLowerCase()) && !FORWARD_SUBJECT.test(parsed.subject) && !x.customer_voice && !customersMatterAlone(x) && machineEvidence(x) >= 2;
    rows.push({ id, x, y, weight, gated, fold });
  };
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { file: string; expected_route: string }[];
  for (const l of labels.filter((label) => !isHeldBackFold(label.file))) {
    const fold = createHash('sha256').update(l.file).digest()[2]! % 4;
    await add(l.file, readFileSync(path.join(dir, l.file)), l.expected_route === 'suppress' ? 1 : 0, 2, fold);
  }
  for (const [i, s] of machineSynthetic(mulberry32(20261206)).entries()) await add(`synthetic-${s.family}-${i}`, s.raw, s.machine ? 1 : 0, 1, -1);
  return rows;
}

export function trainMachineHead(rows: readonly HeadRow[], version: string): { head: MachineHeadWeights; report: Record<string, unknown> } {
  const names = Object.keys(rows[0]!.x).filter((n) => n !== 'customer_voice' && n !== 'customer_matter');
  // out-of-fold probabilities of the corpus (synthetic mail always trains)
  const oof = new Map<string, number>();
  for (let k = 0; k < 4; k++) {
    const model = fit(rows.filter((r) => r.fold !== k), names);
    for (const r of rows.filter((row) => row.fold === k)) oof.set(r.id, machineProbability(r.x, { ...model, version, threshold: 1 }));
  }
  const corpus = rows.filter((r) => r.fold >= 0 && r.gated);
  // people the head may vote on: the corpus's (out of fold) and the synthetic ones (in sample: a floor, not a measure)
  const synthPeople = rows.filter((r) => r.fold < 0 && r.gated && r.y === 0);
  const peopleMax = Math.max(0, ...corpus.filter((r) => r.y === 0).map((r) => oof.get(r.id)!));
  const synthMax = Math.max(0, ...synthPeople.map((r) => machineProbability(r.x, { ...fit(rows, names), version, threshold: 1 })));
  const threshold = Math.round(Math.min(0.97, Math.max(0.7, peopleMax + 0.1, synthMax + 0.05)) * 100) / 100;
  const machines = corpus.filter((r) => r.y === 1);
  const final = fit(rows, names);
  const report = {
    corpus: rows.filter((r) => r.fold >= 0).length, synthetic: rows.filter((r) => r.fold < 0).length,
    people_may_vote: corpus.filter((r) => r.y === 0).length, people_oof_max: Math.round(peopleMax * 1000) / 1000,
    synthetic_people_may_vote: synthPeople.length, synthetic_people_max: Math.round(synthMax * 1000) / 1000, threshold,
    machine_may_vote: machines.length, machine_oof_above: machines.filter((r) => oof.get(r.id)! >= threshold).length,
  };
  return { head: { version, ...final, threshold }, report };
}

export async function writeMachineHead(dir: string, shopFile: string, outFile = path.resolve(__dirname, '../activities/src/mail/machine-head-weights.ts')): Promise<Record<string, unknown>> {
  const rows = await headRows(dir, shopFile);
  const digest = createHash('sha256').update(JSON.stringify(rows.map((r) => [r.id, r.y]))).digest('hex').slice(0, 12);
  const { head, report } = trainMachineHead(rows, `machine-head-v1/${digest}`);
  writeFileSync(outFile, `/** Written by ml/train-machine-head.ts: do not edit by hand. ${JSON.stringify(report)} */\nimport type { MachineHeadWeights } from './machine-head';\n\nexport const MACHINE_HEAD: MachineHeadWeights = ${JSON.stringify(head, null, 1)};\n`);
  return report;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const shop = argv.includes('--shop') ? argv[argv.indexOf('--shop') + 1] : undefined;
  const dir = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--shop')[0];
  if (!dir || !shop) throw new Error('usage: tsx ml/train-machine-head.ts --shop SHOP.json LABELLED_DIR');
  console.log(JSON.stringify(await writeMachineHead(dir, shop)));
}

if (require.main === module) {
  main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
}
