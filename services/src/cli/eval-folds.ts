/**
 * `replique eval --folds K DIR`: cross-validated figures of the trained parts. DIR's labelled emails are split in K
 * folds by the first byte of SHA-256(file name) mod K; for each fold, the model of meaning is trained
 * (ml/train-meaning-model.ts, the same function as the committed artefact's) on the other folds' emails plus the
 * synthetic data, and triages that fold. The pooled predictions are scored like `eval`; the committed model file is
 * never read.
 *
 * `replique eval --folds authors DIR`: the same, one fold per author (leave one author out): the honest estimate
 * of mail by a writer the model never read. A file's author is its block of `--author-block` (120) files by the
 * number in its name (the training corpus: one author per 120 files). Each fold also reports the model alone on
 * that author (the heads' own decisions, before the rules and the rest of the pipeline).
 */
import path from 'node:path';
import { decodeIntentModel, intentDeps, type IntentModelFile } from '@replique/activities/triage/intent-model';
import type { RoutingPolicy } from '@replique/activities/triage/policy';
import type { TriageDeps } from '@replique/activities/triage/pipeline';
import { authorOf, corpusExamples, foldOf } from '../../../ml/corpus';
import { trainMeaningModel, type CorpusExample } from '../../../ml/train-meaning-model';
import { evaluate, type EvalReport, type Label, type PredLine } from './evaluate';
import { freshMemory, triageEach } from './triage-command';

export { authorOf, foldOf };

export interface FoldPlan { fold: number; test: string[]; train: string[] }

/** How files are split: K hashed folds, or one fold per author. */
export type Grouping = { kind: 'hash'; k: number } | { kind: 'authors'; block: number };

export const groupOf = (g: Grouping) => (file: string): number => (g.kind === 'hash' ? foldOf(file, g.k) : authorOf(file, g.block));

/** For each fold, the files it tests and the files its model trains on (every other fold's). */
export function foldPlan(files: readonly string[], k: number): FoldPlan[] {
  return groupPlan(files, { kind: 'hash', k });
}

/** The plan of a grouping: every hashed fold (even empty), or every author present, in order. */
export function groupPlan(files: readonly string[], g: Grouping): FoldPlan[] {
  const of = groupOf(g);
  const ids = g.kind === 'hash' ? Array.from({ length: g.k }, (_, i) => i) : [...new Set(files.map(of))].sort((a, b) => a - b);
  return ids.map((fold) => ({ fold, test: files.filter((f) => of(f) === fold), train: files.filter((f) => of(f) !== fold) }));
}

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)} %`);

export function foldLine(fold: number, r: EvalReport, trained: number, ms: number, name = 'fold'): string {
  return `${name} ${fold}: ${r.n} emails (trained on ${trained}, ${(ms / 1000).toFixed(1)} s) unsafe=${r.unsafeAuto} `
    + `esc=${pct(r.escalationRecall)} sup=${pct(r.suppressionRecall)} auto=${pct(r.automationOfRoutine)} `
    + `route=${pct(r.routeAccuracy)} intent=${pct(r.intentAccuracy)}`;
}

/** The model alone on a held-out fold: its heads' own decisions against the corpus targets (ml/corpus.ts). */
export interface ModelAlone {
  intent: { n: number; right: number };
  /** Escalation families: P(family) ≥ the head's threshold. */
  risk: { positives: number; caught: number; negatives: number; falseAlarms: number };
  /** Routine head: needs-person mail read as routine (unsafe direction), routine mail held. */
  routine: { routine: number; held: number; needsPerson: number; passed: number };
}

export function modelAlone(file: IntentModelFile, test: readonly CorpusExample[]): ModelAlone {
  const m = decodeIntentModel(file);
  const out: ModelAlone = {
    intent: { n: 0, right: 0 },
    risk: { positives: 0, caught: 0, negatives: 0, falseAlarms: 0 },
    routine: { routine: 0, held: 0, needsPerson: 0, passed: 0 },
  };
  for (const c of test) {
    if (c.intent) {
      const p = m.predict(c.text);
      const top = m.intents.reduce((best, i) => ((p[i] ?? 0) > (p[best] ?? 0) ? i : best), m.intents[0]!);
      out.intent.n++;
      if (top === c.intent) out.intent.right++;
    }
    if (c.risk && m.risk) {
      const raised = 1 - (m.risk.predict(c.text).none ?? 1) >= m.risk.threshold;
      if (c.risk === 'none') { out.risk.negatives++; if (raised) out.risk.falseAlarms++; } else { out.risk.positives++; if (raised) out.risk.caught++; }
    }
    if (c.routine && m.routine) {
      const routine = m.routine.pRoutine(c.text) >= m.routine.threshold;
      if (c.routine === 'routine') { out.routine.routine++; if (!routine) out.routine.held++; } else { out.routine.needsPerson++; if (routine) out.routine.passed++; }
    }
  }
  return out;
}

export function modelAloneLine(a: ModelAlone): string {
  const ratio = (x: number, n: number): string => `${pct(n ? x / n : NaN)} (${x}/${n})`;
  return `  model alone: intent=${ratio(a.intent.right, a.intent.n)} risk recall=${ratio(a.risk.caught, a.risk.positives)} `
    + `false alarms=${a.risk.falseAlarms}/${a.risk.negatives} routine held=${a.routine.held}/${a.routine.routine} `
    + `needs-person read as routine=${a.routine.passed}/${a.routine.needsPerson}`;
}

/** What trains a fold's model: the ml/ training function (replaceable in tests). */
export type FoldTrainer = (corpus: readonly CorpusExample[], policy: RoutingPolicy) => IntentModelFile;
const trainFold: FoldTrainer = (corpus, policy) => trainMeaningModel(corpus, policy).file;

/** Trains per fold, triages the held-out fold, pools the lines. `write` gets one line per fold as it ends. */
export async function crossValidate(
  dir: string,
  labels: readonly Label[],
  deps: TriageDeps,
  split: number | Grouping,
  write: (line: string) => void,
  train: FoldTrainer = trainFold,
): Promise<{ lines: PredLine[]; folds: { fold: number; report: EvalReport; model: ModelAlone }[] }> {
  const grouping: Grouping = typeof split === 'number' ? { kind: 'hash', k: split } : split;
  const name = grouping.kind === 'authors' ? 'author' : 'fold';
  const corpusLabels = labels.map((l) => ({ ...l, route_reasons: (l as Label & { route_reasons?: string[] }).route_reasons ?? [] }));
  const corpus = await corpusExamples(dir, corpusLabels, deps);
  const lines: PredLine[] = [];
  const folds: { fold: number; report: EvalReport; model: ModelAlone }[] = [];
  for (const plan of groupPlan(labels.map((l) => l.file), grouping)) {
    if (!plan.test.length) {
      write(`${name} ${plan.fold}: 0 emails`);
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
    const model = modelAlone(file, corpus.filter((c) => testSet.has(c.file)));
    folds.push({ fold: plan.fold, report, model });
    lines.push(...foldLines);
    write(foldLine(plan.fold, report, corpus.filter((c) => trainSet.has(c.file)).length, Date.now() - started, name));
    write(modelAloneLine(model));
  }
  return { lines, folds };
}
