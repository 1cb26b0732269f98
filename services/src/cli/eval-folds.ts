/**
 * `replique eval --folds K DIR`: cross-validated figures of the trained parts. DIR's labelled emails are split in K
 * folds by the first byte of SHA-256(file name) mod K; for each fold, the model of meaning is trained
 * (ml/train-meaning-model.ts, the same function as the committed artefact's) on the other folds' emails plus the
 * synthetic data, and triages that fold. The pooled predictions are scored like `eval`; the committed model file is
 * never read.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeIntentModel, intentDeps, type IntentModelFile } from '@replique/activities/triage/intent-model';
import type { RoutingPolicy } from '@replique/activities/triage/policy';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { corpusExamples } from '../../../ml/corpus';
import { trainMeaningModel, type CorpusExample } from '../../../ml/train-meaning-model';
import { evaluate, type EvalReport, type Label, type PredLine } from './evaluate';
import { freshMemory, triageEach } from './triage-command';

/** The fold of a file: first byte of SHA-256(file name) mod k. */
export const foldOf = (file: string, k: number): number => createHash('sha256').update(path.basename(file)).digest()[0]! % k;

export interface FoldPlan { fold: number; test: string[]; train: string[] }

/** For each fold, the files it tests and the files its model trains on (every other fold's). */
export function foldPlan(files: readonly string[], k: number): FoldPlan[] {
  return Array.from({ length: k }, (_, fold) => ({
    fold,
    test: files.filter((f) => foldOf(f, k) === fold),
    train: files.filter((f) => foldOf(f, k) !== fold),
  }));
}

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)} %`);

export function foldLine(fold: number, r: EvalReport, trained: number, ms: number): string {
  return `fold ${fold}: ${r.n} emails (trained on ${trained}, ${(ms / 1000).toFixed(1)} s) unsafe=${r.unsafeAuto} `
    + `esc=${pct(r.escalationRecall)} sup=${pct(r.suppressionRecall)} auto=${pct(r.automationOfRoutine)} `
    + `route=${pct(r.routeAccuracy)} intent=${pct(r.intentAccuracy)}`;
}

/** What trains a fold's model: the ml/ training function (replaceable in tests). */
export type FoldTrainer = (corpus: readonly CorpusExample[], policy: RoutingPolicy) => IntentModelFile;
const trainFold: FoldTrainer = (corpus, policy) => trainMeaningModel(corpus, policy).file;

/** Trains per fold, triages the held-out fold, pools the lines. `write` gets one line per fold as it ends. */
export async function crossValidate(
  dir: string,
  labels: readonly Label[],
  deps: TriageDeps,
  k: number,
  write: (line: string) => void,
  train: FoldTrainer = trainFold,
): Promise<{ lines: PredLine[]; folds: { fold: number; report: EvalReport }[] }> {
  const corpusLabels = labels.map((l) => ({ ...l, route_reasons: (l as Label & { route_reasons?: string[] }).route_reasons ?? [] }));
  const corpus = await corpusExamples(dir, corpusLabels, deps);
  const lines: PredLine[] = [];
  const folds: { fold: number; report: EvalReport }[] = [];
  for (const plan of foldPlan(labels.map((l) => l.file), k)) {
    if (!plan.test.length) {
      write(`fold ${plan.fold}: 0 emails`);
      continue;
    }
    const started = Date.now();
    const trainSet = new Set(plan.train);
    const file = train(corpus.filter((c) => trainSet.has(c.file)), deps.policy);
    const foldDeps = { ...deps, ...intentDeps(decodeIntentModel(file)), ...freshMemory() };
    const foldLines: PredLine[] = [];
    await triageEach(plan.test.map((f) => path.join(dir, f)), foldDeps, (l) => foldLines.push(l as unknown as PredLine));
    const testSet = new Set(plan.test);
    const report = evaluate(labels.filter((l) => testSet.has(l.file)), foldLines);
    folds.push({ fold: plan.fold, report });
    lines.push(...foldLines);
    write(foldLine(plan.fold, report, corpus.filter((c) => trainSet.has(c.file)).length, Date.now() - started));
  }
  return { lines, folds };
}
