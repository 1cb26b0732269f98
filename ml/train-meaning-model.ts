/**
 * The model of meaning: trains the intent head and the risk head (hashed features, activities/src/triage/
 * intent-features.ts) on the hand-written synthetic data plus a labelled corpus, and calibrates both on out-of-fold
 * predictions of that corpus. `trainMeaningModel` is what `replique eval --folds` calls per fold; the script writes
 * the committed artefact:
 *   pnpm exec tsx ml/train-meaning-model.ts --shop SHOP.json [--out FILE] LABELLED_DIR
 * Deterministic: one seed drives generation, the inner split and SGD, so the same sources give the same bytes.
 *
 * 1. Synthetic messages (ml/synthetic.ts) + the corpus's masked model text (ml/corpus.ts), real mail weighted up.
 * 2. Inner cross-validation on the corpus (SHA-256(file name) second byte mod K): each inner fold is predicted by
 *    heads trained without it.
 * 3. On those out-of-fold predictions: the intent blend logit_i = a·rule_i + b·ln(p_i + ε) + c·[other] (grid search on
 *    log-loss, so its probability is the probability of being right; fitted on leave-one-author-out intent predictions
 *    when the corpus has two authors or more, `blendSplit`: right on a writer the heads never read), the risk threshold (fewest errors with a missed
 *    escalation counting 4) and the innocence level that defuses cue words (above every real escalation's P(none)).
 * 4. Final heads on everything, int8-quantised.
 * 5. The machine-mail head (ml/train-machine-head.ts) on the same folder but its held-back fold, unless --out names another model file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent } from '../activities/src/domain/types';
import { classify, MODEL_DEFUSABLE, ruleIntentScores, TEXT_INTENTS, type ClassifyInput } from '../activities/src/triage/classify';
import { reliability } from '../activities/src/triage/calibration';
import { applyConfidenceMap, fitConfidenceMap } from '../activities/src/triage/confidence-map';
import { FEATURE_VERSION, hashedFeatures } from '../activities/src/triage/intent-features';
import {
  blendIntentProbabilities, modelContentSha, RISK_CLASSES, ROUTINE_CLASSES, sentencesOf, softmax, type IntentModelFile, type RiskFamily,
} from '../activities/src/triage/intent-model';
import { findKeywordHits } from '../activities/src/triage/keywords';
import type { RoutingPolicy } from '../activities/src/triage/policy';
import { mulberry32, quantise, toSparse, trainLogReg, type Sparse, type Weights } from './logreg';
import { authorOf, readCorpus } from './corpus';
import { syntheticExamples } from './synthetic';
import { voicedExamples } from './voices';
import { supplementExamples } from './supplement';
import { INTENT_SUPPLEMENT } from './data/intent-supplement';
import { writeMachineHead } from './train-machine-head';

export type RiskClass = RiskFamily | 'none';

/** One labelled email as the heads read it: the masked model text, classify's input, and the targets (null: not taught). */
export interface CorpusExample {
  file: string;
  text: string;
  input: ClassifyInput;
  intent: Intent | null;
  risk: RiskClass | null;
  /** Whether the words alone allow a routine reply ('routine') or ask for a person (an action, a remedy, a dispute). */
  routine: RoutineClass | null;
}

export type RoutineClass = (typeof ROUTINE_CLASSES)[number];

export interface MeaningTrainOptions {
  seed: number;
  /** Generated messages per synthetic sentence. */
  perPhrase: number;
  /** Voiced messages per sentence (ml/voices.ts: SMS, formal letter, non-native, typos, mixed, thread, forward); 0: none. */
  voicesPerPhrase: number;
  epochs: number;
  innerFolds: number;
  /** Gradient weight of a real email against a generated message. */
  corpusWeight: number;
  buckets: number;
  /** L2 penalty of SGD. */
  l2: number;
  /**
   * How the inner cross-validation splits the corpus: 'hash' (SHA-256 second byte mod innerFolds) or 'authors' (one
   * inner fold per author block, ml/corpus.ts authorOf, when the corpus has two authors or more): the blend and the
   * levels are then fitted on predictions for writers the heads never read, as the held-out mail is.
   */
  innerSplit: 'hash' | 'authors';
  /**
   * How the out-of-fold intent predictions that fit the blend (the calibration of the intent probability, the routing
   * confidence) are made: 'authors' (leave one author out, when the corpus has two authors or more: the confidence is
   * then the probability of being right on a writer the heads never read, as the held-out mail is) or 'inner' (the
   * same split as the risk and routine levels, `innerSplit`).
   */
  blendSplit: 'inner' | 'authors';
  /** Fit the confidence map (confidence-map.ts) on the blend's out-of-fold predictions and ship it with the model. */
  confidenceMap: boolean;
  /**
   * Train the risk head's sentence head (intent-model.ts `risk.sentence`): the defusal reads each sentence's innocence
   * with a head that has seen sentences, not with the whole-text head (which reads ordinary courtesy as risky).
   */
  sentenceInnocence: boolean;
  /** Teach the intent head the written supplement too (ml/data/intent-supplement.ts, ml/supplement.ts). */
  intentSupplement: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: MeaningTrainOptions = {
  seed: 20261124, perPhrase: 4, voicesPerPhrase: 1, epochs: 14, innerFolds: 4, corpusWeight: 3, buckets: 1 << 15, l2: 1e-5, innerSplit: 'hash', blendSplit: 'authors',
  confidenceMap: true, sentenceInnocence: true, intentSupplement: true,
};

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Inner fold of a corpus file: the second byte of SHA-256(file name) (the outer split uses the first). */
export const innerFoldOf = (file: string, k: number): number => createHash('sha256').update(file).digest()[1]! % k;

interface Head { weights: Weights; classes: readonly string[] }

function predictWith(head: Head, x: Sparse): Record<string, number> {
  const { w, b, k } = head.weights;
  const z = Array.from(b);
  for (let t = 0; t < x.idx.length; t++) {
    const off = x.idx[t]! * k;
    const v = x.val[t]!;
    for (let c = 0; c < k; c++) z[c]! += v * w[off + c]!;
  }
  const p = softmax(z);
  return Object.fromEntries(head.classes.map((c, j) => [c, p[j]!]));
}

interface Item { x: Sparse; y: number; w: number }

function trainHead(items: Item[], classes: readonly string[], opts: MeaningTrainOptions, seed: number): Head {
  const weights = trainLogReg(items.map((i) => i.x), items.map((i) => i.y), classes.length,
    { buckets: opts.buckets, epochs: opts.epochs, l2: opts.l2, rand: mulberry32(seed) }, items.map((i) => i.w));
  return { weights, classes };
}

export interface MeaningTrainResult { file: IntentModelFile; oof: Record<Target, Record<string, number>[]> }
type Target = 'intent' | 'risk' | 'routine';

export function trainMeaningModel(corpus: readonly CorpusExample[], policy: RoutingPolicy, options: Partial<MeaningTrainOptions> = {}): MeaningTrainResult {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const intents = TEXT_INTENTS;
  const risks = RISK_CLASSES;
  const synth = [
    ...syntheticExamples(mulberry32(opts.seed), opts.perPhrase),
    ...voicedExamples(mulberry32(opts.seed + 7), opts.voicesPerPhrase),
    ...(opts.intentSupplement ? supplementExamples(mulberry32(opts.seed + 11)) : []),
  ];
  const feats = (t: string): Sparse => toSparse(hashedFeatures(t, opts.buckets));
  const synthX = synth.map((s) => feats(s.text));
  const corpusX = corpus.map((c) => feats(c.text));
  // the sentence head's text: a hand-written risk sentence alone teaches its family; every sentence of a generated or
  // real mail that must not escalate teaches 'none' (generated ones at half weight)
  const synthSentences: Item[] = !opts.sentenceInnocence ? [] : synth.flatMap((e): Item[] => {
    if (e.risk === null) return [];
    const ss = sentencesOf(e.text);
    if (e.risk !== 'none') return ss.length === 1 ? [{ x: feats(ss[0]!), y: risks.indexOf(e.risk), w: 1 }] : [];
    return ss.map((t) => ({ x: feats(t), y: 0, w: 0.5 }));
  });
  const corpusSentences = corpus.map((c) => (opts.sentenceInnocence && c.risk === 'none' ? sentencesOf(c.text).map(feats) : []));
  const sentenceItems = (keep: (i: number) => boolean): Item[] => [
    ...synthSentences, ...corpus.flatMap((_, i) => (keep(i) ? corpusSentences[i]!.map((x) => ({ x, y: 0, w: 1 })) : [])),
  ];

  const classesOf: Record<Target, readonly string[]> = { intent: intents, risk: risks, routine: ROUTINE_CLASSES };
  const itemsFor = (which: Target, keep: (i: number) => boolean): Item[] => {
    const classes = classesOf[which];
    const out: Item[] = [];
    synth.forEach((s, i) => {
      const y = s[which];
      if (y !== null && classes.includes(y)) out.push({ x: synthX[i]!, y: classes.indexOf(y), w: 1 });
    });
    corpus.forEach((c, i) => {
      const y = c[which];
      if (keep(i) && y !== null && classes.includes(y)) out.push({ x: corpusX[i]!, y: classes.indexOf(y), w: opts.corpusWeight });
    });
    return out;
  };

  // inner cross-validation: out-of-fold predictions of every corpus email
  const targets: Target[] = ['intent', 'risk', 'routine'];
  const oof = Object.fromEntries(targets.map((t) => [t, corpus.map(() => ({}))])) as Record<Target, Record<string, number>[]>;
  const authors = [...new Set(corpus.map((c) => authorOf(c.file)))].sort((x, y) => x - y);
  const byAuthor = opts.innerSplit === 'authors' && authors.length >= 2;
  const fold = corpus.map((c) => (byAuthor ? authors.indexOf(authorOf(c.file)) : innerFoldOf(c.file, opts.innerFolds)));
  const innerFolds = byAuthor ? authors.length : opts.innerFolds;
  for (let k = 0; k < innerFolds; k++) {
    if (!fold.includes(k)) continue;
    const sentenceHead = opts.sentenceInnocence ? trainHead(sentenceItems((i) => fold[i] !== k), risks, opts, opts.seed + 400 + k) : null;
    targets.forEach((t, j) => {
      const head = trainHead(itemsFor(t, (i) => fold[i] !== k), classesOf[t], opts, opts.seed + 100 * j + 1 + k);
      corpus.forEach((c, i) => {
        if (fold[i] !== k) return;
        oof[t][i] = predictWith(head, corpusX[i]!);
        // the risk head's innocence is read sentence by sentence too (readRisk's pNoneMin)
        if (t === 'risk') {
          const perSentence = sentencesOf(c.text).map((s) => predictWith(sentenceHead ?? head, feats(s)).none ?? 1);
          oof[t][i]!.none_min = Math.min(oof[t][i]!.none ?? 1, ...perSentence);
        }
      });
    });
  }
  // the blend's own out-of-fold intent predictions: one author left out at a time (unless the inner split already is)
  const blendByAuthor = opts.blendSplit === 'authors' && authors.length >= 2 && !byAuthor;
  const blendOof = blendByAuthor ? corpus.map(() => ({}) as Record<string, number>) : oof.intent;
  if (blendByAuthor) {
    authors.forEach((author, k) => {
      const head = trainHead(itemsFor('intent', (i) => authorOf(corpus[i]!.file) !== author), intents, opts, opts.seed + 1 + 50 + k);
      corpus.forEach((c, i) => { if (authorOf(c.file) === author) blendOof[i] = predictWith(head, corpusX[i]!); });
    });
  }

  const blend = fitBlend(corpus, blendOof, policy, opts.confidenceMap);
  const risk = fitRiskLevels(corpus, oof.risk, policy);
  const routine = fitRoutineLevel(corpus, oof.routine);

  const intentHead = trainHead(itemsFor('intent', () => true), intents, opts, opts.seed);
  const riskHead = trainHead(itemsFor('risk', () => true), risks, opts, opts.seed + 100);
  const routineHead = trainHead(itemsFor('routine', () => true), ROUTINE_CLASSES, opts, opts.seed + 200);
  const sentenceHead = opts.sentenceInnocence ? trainHead(sentenceItems(() => true), risks, opts, opts.seed + 400) : null;
  const file: IntentModelFile = {
    kind: 'hashed-ngram-logreg',
    // a version of its own per feature set and training text (a worker stores a file whose version is new: ml/README);
    // the content's hash is appended below
    version: `meaning-model/seed-${opts.seed}/corpus-${corpus.length}/voices-${opts.voicesPerPhrase}/features-${FEATURE_VERSION.split('/').pop()}${byAuthor || blendByAuthor ? '/blend-authors' : ''}${blend.confidenceMap ? '/confmap' : ''}${sentenceHead ? '/sentence-innocence' : ''}${opts.intentSupplement ? `/supplement-${INTENT_SUPPLEMENT.length}` : ''}`,
    feature_version: FEATURE_VERSION,
    buckets: opts.buckets,
    intents: [...intents],
    ...quantise(intentHead.weights),
    blend: blend.params,
    rules_only: blend.rulesOnly,
    ...(blend.confidenceMap ? { confidence_map: blend.confidenceMap } : {}),
    risk: {
      classes: [...risks], ...quantise(riskHead.weights), threshold: risk.threshold, defuse_none: risk.defuseNone,
      ...(sentenceHead ? { sentence: quantise(sentenceHead.weights) } : {}),
    },
    routine: { classes: [...ROUTINE_CLASSES], ...quantise(routineHead.weights), threshold: routine.threshold },
    training: {
      seed: opts.seed, synthetic: synth.length, sentence_innocence: opts.sentenceInnocence, corpus: corpus.length, epochs: opts.epochs, per_phrase: opts.perPhrase, voices_per_phrase: opts.voicesPerPhrase,
      inner_folds: innerFolds, inner_split: byAuthor ? 'authors' : 'hash', blend_split: byAuthor || blendByAuthor ? 'authors' : 'hash', corpus_weight: opts.corpusWeight, l2: opts.l2,
      oof_intent: blend.report, oof_risk: risk.report, oof_routine: routine.report,
    },
  };
  // the version also names the content: the same options over other training text (a pipeline change reads the corpus
  // differently, a sentence is added) give other weights, and a worker stores a file only under a version it has not
  // stored (adapters/pg/model-versions.ts), so each different file must carry a version of its own
  file.version = `${file.version}/sha-${modelContentSha(file)}`;
  return { file, oof };
}

/** The blend of rule scores and model probabilities, fitted on the corpus's out-of-fold predictions (log-loss). */
function fitBlend(corpus: readonly CorpusExample[], oof: Record<string, number>[], policy: RoutingPolicy, withMap: boolean) {
  const eps = 1e-3;
  const rows = corpus.flatMap((c, i) => (c.intent && TEXT_INTENTS.includes(c.intent)
    ? [{ intent: c.intent, model: oof[i]! as Partial<Record<Intent, number>>, rules: ruleIntentScores(c.input, findKeywordHits(c.input.clean, policy).defusedText) }]
    : []));
  const nll = (a: number, b: number, c: number, withModel: boolean): number => {
    let s = 0;
    for (const x of rows) {
      const p = blendIntentProbabilities(x.rules, withModel ? x.model : null, { a, b, c, eps }, { a, c }, TEXT_INTENTS);
      s -= Math.log(Math.max(p[x.intent], 1e-9));
    }
    return s / Math.max(1, rows.length);
  };
  const grid = (lo: number, hi: number, n: number): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  let best = { a: 0.5, b: 1, c: 0, loss: Infinity };
  for (const a of grid(0, 2, 21)) for (const b of grid(0.2, 3, 15)) for (const c of grid(-3, 3, 13)) {
    const loss = nll(a, b, c, true);
    if (loss < best.loss) best = { a, b, c, loss };
  }
  let bestRules = { a: 1, c: 0, loss: Infinity };
  for (const a of grid(0, 3, 31)) for (const c of grid(-2, 6, 17)) {
    const loss = nll(a, 0, c, false);
    if (loss < bestRules.loss) bestRules = { a, c, loss };
  }
  const params = { a: round(best.a), b: round(best.b), c: round(best.c), eps };
  const rulesOnly = { a: round(bestRules.a), c: round(bestRules.c) };
  const scored = (withModel: boolean) => rows.map((x) => {
    const p = blendIntentProbabilities(x.rules, withModel ? x.model : null, params, rulesOnly, TEXT_INTENTS);
    const top = TEXT_INTENTS.reduce((m, i) => (p[i] > p[m] ? i : m), TEXT_INTENTS[0]!);
    return { confidence: p[top], correct: top === x.intent };
  });
  const modelAcc = rows.filter((x) => TEXT_INTENTS.reduce((m, i) => ((x.model[i] ?? 0) > (x.model[m] ?? 0) ? i : m), TEXT_INTENTS[0]!) === x.intent).length;
  const blendRel = reliability(scored(true));
  const rulesRel = reliability(scored(false));
  // the intent classify decides with these out-of-fold probabilities (its readings of the shop's data and of the
  // words included: what has already happened, a refund made, a return received), its confidence, and whether it is
  // right: the map from that confidence to the accuracy observed at it (confidence-map.ts) is what routing then reads
  // as the probability of being right, on writers the heads never read when the split is by author
  const decided = rows.length ? corpus.flatMap((c, i) => {
    if (!c.intent || !TEXT_INTENTS.includes(c.intent) || c.input.machineKind) return [];
    const cls = classify(c.input, policy, () => oof[i]! as Partial<Record<Intent, number>>, { blend: params, rulesOnly }, {});
    return [{ confidence: cls.intentConfidence, correct: cls.intent === c.intent }];
  }) : [];
  const confidenceMap = withMap ? fitConfidenceMap(decided) : null;
  const decidedRel = reliability(decided);
  const mappedRel = reliability(decided.map((x) => ({ ...x, confidence: applyConfidenceMap(confidenceMap, x.confidence) })));
  return {
    params, rulesOnly, confidenceMap,
    report: {
      n: rows.length, model_accuracy: round(modelAcc / Math.max(1, rows.length)), blend_accuracy: blendRel.accuracy,
      rules_accuracy: rulesRel.accuracy, blend_ece: blendRel.ece, decided_accuracy: decidedRel.accuracy, decided_ece: decidedRel.ece, decided_mapped_ece_in_sample: mappedRel.ece, log_loss: { blend: round(best.loss), rules: round(bestRules.loss) },
      reliability: blendRel.bins.filter((b) => b.n),
    },
  };
}

/**
 * The escalation threshold and the innocence level, fitted on the corpus's out-of-fold risk predictions. The
 * innocence level only matters where a cue fires (a keyword, a lexicon pattern), so it sits above the P(none) of every
 * real escalation in which the rules see a cue.
 */
function fitRiskLevels(corpus: readonly CorpusExample[], oof: Record<string, number>[], policy: RoutingPolicy) {
  const rows = corpus.flatMap((c, i) => (c.risk
    ? [{ pos: c.risk !== 'none', pNone: oof[i]!.none ?? 1, pNoneMin: oof[i]!.none_min ?? oof[i]!.none ?? 1, cue: classify(c.input, policy).signals.some((s) => MODEL_DEFUSABLE.has(s)) }]
    : []));
  const pos = rows.filter((r) => r.pos);
  const neg = rows.filter((r) => !r.pos);
  // the threshold only decides where no cue already escalates: a miss there counts 4, a false alarm 1 (a tie keeps
  // the lower threshold: when in doubt, a person)
  const uncued = pos.filter((r) => !r.cue);
  let best = { threshold: 0.5, cost: Infinity };
  for (let t = 0.2; t <= 0.951; t += 0.05) {
    const fp = neg.filter((r) => 1 - r.pNone >= t).length;
    const fn = uncued.filter((r) => 1 - r.pNone < t).length;
    const cost = fp + 4 * fn;
    if (cost < best.cost) best = { threshold: round(t), cost };
  }
  const maxPosNone = pos.filter((r) => r.cue).reduce((m, r) => Math.max(m, r.pNoneMin), 0);
  const defuseNone = round(Math.min(0.99, Math.max(0.8, maxPosNone + 0.02)));
  const at = (t: number) => ({
    recall: round(pos.filter((r) => 1 - r.pNone >= t).length / Math.max(1, pos.length)),
    false_alarms: neg.filter((r) => 1 - r.pNone >= t).length,
  });
  return {
    threshold: best.threshold, defuseNone,
    report: { positives: pos.length, negatives: neg.length, threshold: best.threshold, ...at(best.threshold),
      uncued_recall: round(uncued.filter((r) => 1 - r.pNone >= best.threshold).length / Math.max(1, uncued.length)), defuse_none: defuseNone,
      positives_with_cue: pos.filter((r) => r.cue).length, negatives_with_cue: neg.filter((r) => r.cue).length,
      negatives_with_cue_defused: neg.filter((r) => r.cue && r.pNoneMin >= defuseNone).length },
  };
}

/**
 * The routine level: P(routine) below it holds an automatable intent for a person. Fitted on out-of-fold predictions:
 * fewest errors, a mail needing a person read as routine counting 4. (Fitted on the automatable intents only, with a
 * weight of 2, it let three more unsafe auto-sends through in cross-validation for 11 points of automation.)
 */
function fitRoutineLevel(corpus: readonly CorpusExample[], oof: Record<string, number>[]) {
  const rows = corpus.flatMap((c, i) => (c.routine ? [{ routine: c.routine === 'routine', p: oof[i]!.routine ?? 0 }] : []));
  let best = { threshold: 0.5, cost: Infinity };
  for (let t = 0.05; t <= 0.951; t += 0.05) {
    const cost = 4 * rows.filter((r) => !r.routine && r.p >= t).length + rows.filter((r) => r.routine && r.p < t).length;
    if (cost < best.cost) best = { threshold: round(t), cost };
  }
  const held = rows.filter((r) => r.routine && r.p < best.threshold).length;
  const passed = rows.filter((r) => !r.routine && r.p >= best.threshold).length;
  return {
    threshold: best.threshold,
    report: { routine: rows.filter((r) => r.routine).length, needs_person: rows.filter((r) => !r.routine).length,
      threshold: best.threshold, routine_held: held, needs_person_passed: passed },
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const positionals = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const dir = positionals[0];
  const shop = opt('shop');
  if (!dir || !shop) throw new Error('usage: tsx ml/train-meaning-model.ts --shop SHOP.json [--policy FILE] [--out FILE] LABELLED_DIR');
  const outFile = opt('out') ?? path.resolve(__dirname, 'models/intent-model.json');
  const { corpus, policy } = await readCorpus(dir, shop, opt('policy'));
  const { file } = trainMeaningModel(corpus, policy);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(file, null, 1)}\n`);
  console.log(JSON.stringify(file.training, null, 1));
  console.log(`blend ${JSON.stringify(file.blend)} risk threshold ${file.risk?.threshold} defuse ${file.risk?.defuse_none} → ${outFile}`);
  // the machine-mail head (activities/src/mail/machine-head.ts) from the same folder: its own small artefact
  if (!opt('out')) console.log(`machine head ${JSON.stringify(await writeMachineHead(dir, shop))}`);
}

if (require.main === module) {
  main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
}
