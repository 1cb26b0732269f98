/**
 * Trains the intent model and fits its calibration; writes ml/models/intent-model.json.
 *   pnpm exec tsx ml/train-intent-model.ts [--out FILE]
 * Deterministic: a fixed seed drives generation, the split and SGD, so the same sources give the same bytes.
 *
 * 1. Generate messages from ml/data/intent-phrases.ts (greeting + context + one or two intent sentences + closing,
 *    some without accents or in lower case).
 * 2. Split by *phrase*: every 5th source sentence of each intent/language is held out, so the calibration split
 *    measures phrasings the model never saw.
 * 3. Multinomial logistic regression by SGD with L2 over hashed features (activities/src/triage/intent-features.ts).
 * 4. Calibration on the held-out split: the blend logit_i = a·rule_i + b·ln(p_i + ε) + c·[other] (rule_i from the
 *    production rule scorer) is fitted by grid search on log-loss; same for rules alone (b = 0).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent } from '../activities/src/domain/types';
import { ruleIntentScores } from '../activities/src/triage/classify';
import { reliability } from '../activities/src/triage/calibration';
import { FEATURE_VERSION, hashedFeatures } from '../activities/src/triage/intent-features';
import { blendIntentProbabilities, softmax, type IntentModelFile } from '../activities/src/triage/intent-model';
import { findKeywordHits } from '../activities/src/triage/keywords';
import { buildPolicy, parsePolicyFile } from '../activities/src/triage/policy';
import { readFileSync } from 'node:fs';
import { CLOSINGS, DAYS, FILLERS, GREETINGS, PHRASES as FIRST, PRODUCTS, type Lang, type Phrases } from './data/intent-phrases';
import { MORE_PHRASES } from './data/intent-phrases-2';
import { EXTRA_PHRASES } from './data/intent-phrases-3';

/** Both hand-written lists, merged per intent and language. */
const PHRASES: Phrases = Object.fromEntries(Object.entries(FIRST).map(([intent, byLang]) => [intent, {
  fr: [...byLang.fr, ...(MORE_PHRASES[intent]?.fr ?? []), ...(EXTRA_PHRASES[intent]?.fr ?? [])],
  en: [...byLang.en, ...(MORE_PHRASES[intent]?.en ?? []), ...(EXTRA_PHRASES[intent]?.en ?? [])],
}]));

const SEED = 20261124;
const BUCKETS = 1 << 15;
const EPOCHS = 40;
const L2 = 1e-5;
const PER_PHRASE = 12; // generated messages per source sentence

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

export interface Example { text: string; intent: Intent; lang: Lang; heldOut: boolean }

function fill(t: string, lang: Lang): string {
  const order = () => {
    const n = `${pick(['CMD-', 'CMD-', 'CMD ', '#'])}${10000 + Math.floor(rand() * 90000)}`;
    return pick(lang === 'fr' ? [`la commande ${n}`, n, 'ma commande', `n° ${n}`] : [`order ${n}`, n, 'my order', `#${n.replace('#', '')}`]);
  };
  return t
    .replace(/\{order\}/g, order)
    .replace(/\{product\}/g, () => pick(PRODUCTS[lang]))
    .replace(/\{day\}/g, () => pick(DAYS[lang]))
    .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 12)))
    .replace(/\{amount\}/g, () => (lang === 'fr' ? `${10 + Math.floor(rand() * 300)},90 €` : `€${10 + Math.floor(rand() * 300)}.90`));
}

export function generateExamples(): Example[] {
  const out: Example[] = [];
  for (const [intent, byLang] of Object.entries(PHRASES) as [Intent, Record<Lang, string[]>][]) {
    for (const lang of ['fr', 'en'] as const) {
      const phrases = byLang[lang];
      phrases.forEach((core, idx) => {
        const heldOut = idx % 5 === 4;
        const pool = phrases.filter((_, j) => (j % 5 === 4) === heldOut && j !== idx);
        for (let r = 0; r < PER_PHRASE; r++) {
          const parts: string[] = [];
          const g = pick(GREETINGS[lang]);
          if (g) parts.push(g);
          if (rand() < 0.3) parts.push(cap(pick(FILLERS[lang])));
          parts.push(cap(fill(core, lang)));
          if (rand() < 0.25 && pool.length) parts.push(cap(fill(pick(pool), lang)));
          const c = pick(CLOSINGS[lang]);
          if (c) parts.push(c);
          let text = parts.join(rand() < 0.5 ? '\n\n' : ' ');
          if (rand() < 0.15) text = stripAccents(text);
          if (rand() < 0.1) text = text.toLowerCase();
          out.push({ text, intent, lang, heldOut });
        }
      });
    }
  }
  return out;
}

interface Sparse { idx: Int32Array; val: Float64Array }
const sparse = (m: Map<number, number>): Sparse => ({ idx: Int32Array.from(m.keys()), val: Float64Array.from(m.values()) });

function train(maps: Map<number, number>[], ys: number[], k: number): { w: Float64Array; b: Float64Array } {
  const xs = maps.map(sparse);
  const w = new Float64Array(BUCKETS * k);
  const b = new Float64Array(k);
  const z = new Float64Array(k);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = 0.5 / (1 + epoch * 0.2);
    for (const n of order) {
      const { idx, val } = xs[n]!;
      z.set(b);
      for (let t = 0; t < idx.length; t++) {
        const off = idx[t]! * k;
        const v = val[t]!;
        for (let c = 0; c < k; c++) z[c]! += v * w[off + c]!;
      }
      let mx = -Infinity;
      for (let c = 0; c < k; c++) mx = Math.max(mx, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c]! - mx); sum += z[c]!; }
      for (let c = 0; c < k; c++) z[c] = z[c]! / sum; // z now holds p
      z[ys[n]!]! -= 1;
      for (let c = 0; c < k; c++) b[c]! -= lr * z[c]!;
      for (let t = 0; t < idx.length; t++) {
        const off = idx[t]! * k;
        const v = val[t]!;
        for (let c = 0; c < k; c++) w[off + c]! -= lr * (z[c]! * v + L2 * w[off + c]!);
      }
    }
  }
  return { w, b };
}

function main(): void {
  const outFile = process.argv.includes('--out')
    ? process.argv[process.argv.indexOf('--out') + 1]!
    : path.resolve(__dirname, 'models/intent-model.json');
  const examples = generateExamples();
  const intents = Object.keys(PHRASES) as Intent[];
  const k = intents.length;
  const trainSet = examples.filter((e) => !e.heldOut);
  const calSet = examples.filter((e) => e.heldOut);
  const xsTrain = trainSet.map((e) => hashedFeatures(e.text, BUCKETS));
  const ysTrain = trainSet.map((e) => intents.indexOf(e.intent));
  const { w, b } = train(xsTrain, ysTrain, k);

  // int8 quantisation of the buckets that carry weight
  let maxAbs = 0;
  for (const v of w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 127;
  const rows: number[] = [];
  const q: number[] = [];
  for (let f = 0; f < BUCKETS; f++) {
    const row = Array.from(w.subarray(f * k, f * k + k), (v) => Math.round(v / scale));
    if (row.some((v) => v !== 0)) { rows.push(f); q.push(...row); }
  }
  const bias = Array.from(b, (v) => Math.round(v * 1e4) / 1e4);
  const rowOf = new Map(rows.map((f, i) => [f, i]));
  const predict = (text: string): Record<string, number> => {
    const z = bias.slice();
    for (const [f, v] of hashedFeatures(text, BUCKETS)) {
      const r = rowOf.get(f);
      if (r === undefined) continue;
      for (let c = 0; c < k; c++) z[c]! += v * q[r * k + c]! * scale;
    }
    const p = softmax(z);
    return Object.fromEntries(intents.map((i, j) => [i, p[j]!]));
  };

  // calibration on the held-out phrases: model probabilities + production rule scores
  const policy = buildPolicy(parsePolicyFile(readFileSync(path.resolve(__dirname, '../policies/default.json'), 'utf8')));
  const calAll = calSet.map((e) => {
    const defused = findKeywordHits(e.text, policy).defusedText;
    const rules = ruleIntentScores({ subject: '', clean: e.text, quoted: '', hidden: '', machineKind: null, daysLate: null, accountTakeover: false }, defused);
    return { e, rules, model: predict(e.text) as Partial<Record<Intent, number>> };
  });
  // fit the blend on half the held-out phrases' messages, measure its reliability on the other half
  const cal = calAll.filter((_, i) => i % 2 === 0);
  const check = calAll.filter((_, i) => i % 2 === 1);
  const eps = 1e-3;
  const nll = (a: number, bb: number, c: number, withModel: boolean): number => {
    let s = 0;
    for (const x of cal) {
      const p = blendIntentProbabilities(x.rules, withModel ? x.model : null, { a, b: bb, c, eps }, { a, c }, intents);
      s -= Math.log(Math.max(p[x.e.intent], 1e-9));
    }
    return s / cal.length;
  };
  const grid = (lo: number, hi: number, n: number): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  let best = { a: 0, b: 1, c: 0, loss: Infinity };
  for (const a of grid(0, 2, 21)) for (const bb of grid(0.2, 2, 19)) for (const c of grid(-3, 3, 13)) {
    const loss = nll(a, bb, c, true);
    if (loss < best.loss) best = { a, b: bb, c, loss };
  }
  let bestRules = { a: 0, c: 0, loss: Infinity };
  for (const a of grid(0, 3, 31)) for (const c of grid(-2, 6, 17)) {
    const loss = nll(a, 0, c, false);
    if (loss < bestRules.loss) bestRules = { a, c, loss };
  }
  const acc = (f: (x: (typeof cal)[number]) => Record<string, number>): number =>
    check.filter((x) => { const p = f(x); return intents.reduce((m, i) => (p[i]! > p[m]! ? i : m), intents[0]!) === x.e.intent; }).length / check.length;
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const scored = (withModel: boolean) => check.map((x) => {
    const p = blendIntentProbabilities(x.rules, withModel ? x.model : null, { ...best, eps }, bestRules, intents);
    const top = intents.reduce((m, i) => (p[i] > p[m] ? i : m), intents[0]!);
    return { confidence: p[top], correct: top === x.e.intent };
  });
  const file: IntentModelFile = {
    kind: 'hashed-ngram-logreg',
    version: `intent-model/${new Date(Date.UTC(2026, 10, 24)).toISOString().slice(0, 10)}/seed-${SEED}`,
    feature_version: FEATURE_VERSION,
    buckets: BUCKETS,
    intents,
    rows: Buffer.from(new Uint32Array(rows).buffer).toString('base64'),
    weights: Buffer.from(new Int8Array(q).buffer).toString('base64'),
    scale,
    bias,
    blend: { a: round(best.a), b: round(best.b), c: round(best.c), eps },
    rules_only: { a: round(bestRules.a), c: round(bestRules.c) },
    training: {
      seed: SEED, examples: examples.length, train: trainSet.length, calibration_fit: cal.length, calibration_check: check.length,
      epochs: EPOCHS, l2: L2,
      stored_rows: rows.length,
      calibration_accuracy: {
        model: round(acc((x) => x.model as Record<string, number>)),
        rules: round(acc((x) => blendIntentProbabilities(x.rules, null, { ...best, eps }, bestRules, intents))),
        blend: round(acc((x) => blendIntentProbabilities(x.rules, x.model, { ...best, eps }, bestRules, intents))),
      },
      check_accuracy_per_intent: Object.fromEntries(intents.map((i) => {
        const xs = check.filter((x) => x.e.intent === i);
        const ok = xs.filter((x) => { const p = blendIntentProbabilities(x.rules, x.model, { ...best, eps }, bestRules, intents); return intents.reduce((m, j) => (p[j] > p[m] ? j : m), intents[0]!) === i; });
        return [i, round(ok.length / Math.max(1, xs.length))];
      })),
      calibration_log_loss: { blend: round(best.loss), rules: round(bestRules.loss) },
      reliability: { blend: reliability(scored(true)), rules: reliability(scored(false)) },
    },
  };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(file, null, 1)}\n`);
  console.log(JSON.stringify({ ...file.training, reliability: undefined }, null, 1));
  console.log(`blend ${JSON.stringify(file.blend)} rules_only ${JSON.stringify(file.rules_only)} → ${outFile}`);
}

if (require.main === module) main();
