/**
 * `replique eval [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--json] DIR`: triages every .eml of DIR
 * and scores the lines against DIR/labels.json (definitions of evaluate.ts / score.py). Exit 1 when a safety bar fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from './args';
import { evaluate, formatReport, type Label, type PredLine } from './evaluate';
import { crossValidate, type Grouping } from './eval-folds';
import { buildTriageDeps, modelChoice, triageEach } from './triage-command';

export const EVAL_USAGE = 'usage: replique eval [--shop FILE] [--policy FILE] [--model FILE | --no-model | --folds K | --folds authors [--author-block N]] [--lines FILE] [--json] DIR';

export async function readLabels(dir: string): Promise<Label[]> {
  const text = await readFile(path.join(dir, 'labels.json'), 'utf8').catch(() => {
    throw new UsageError(`no labels.json in ${dir}`);
  });
  return JSON.parse(text) as Label[];
}

/** `--folds K` (hashed folds) or `--folds authors` (one fold per author block); null without --folds. */
export function foldsOption(folds: string | undefined, block: string | undefined): Grouping | null {
  if (folds === undefined) {
    if (block !== undefined) throw new UsageError(`--author-block goes with --folds authors\n${EVAL_USAGE}`);
    return null;
  }
  if (folds === 'authors') {
    const b = block === undefined ? 120 : Number(block);
    if (!Number.isInteger(b) || b < 1) throw new UsageError(`--author-block takes an integer ≥ 1\n${EVAL_USAGE}`);
    return { kind: 'authors', block: b };
  }
  const k = Number(folds);
  if (!Number.isInteger(k) || k < 2 || block !== undefined) throw new UsageError(`--folds takes an integer ≥ 2 or 'authors'\n${EVAL_USAGE}`);
  return { kind: 'hash', k };
}

export async function evalCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'folds', 'lines', 'author-block'], ['no-model', 'json']);
  const dir = args.positionals[0];
  if (!dir || args.positionals.length > 1) throw new UsageError(EVAL_USAGE);
  const folds = foldsOption(args.options.folds, args.options['author-block']);
  if (folds !== null && (args.options.model || args.flags.has('no-model'))) {
    throw new UsageError(`--folds trains its own models (no --model / --no-model)\n${EVAL_USAGE}`);
  }
  const labels = await readLabels(dir);
  // cross-validation trains per fold: the committed model file is never loaded
  const deps = await buildTriageDeps(args.options.shop, args.options.policy, folds ? { noModel: true } : modelChoice(args));
  const lines: PredLine[] = [];
  const foldLines: string[] = [];
  try {
    if (folds) lines.push(...(await crossValidate(dir, labels, deps, folds, (l) => foldLines.push(l))).lines);
    else await triageEach([dir], deps, (l) => lines.push(l as unknown as PredLine));
  } finally {
    await deps.close();
  }
  // the triage lines themselves (pooled across folds with --folds), for score.py
  if (args.options.lines) await writeFile(args.options.lines, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const report = evaluate(labels, lines);
  // The meaning model that decided (the file's `version`; with --folds, one trained per fold).
  const modelVersion = folds ? 'trained per fold' : deps.modelVersion ?? null;
  if (args.flags.has('json')) write(JSON.stringify(folds ? { ...report, modelVersion, folds: foldLines } : { ...report, modelVersion }, null, 1));
  else {
    write(`meaning model          ${modelVersion ?? 'none (rules only)'}`);
    for (const line of formatReport(report)) write(line);
    if (folds) {
      write(folds.kind === 'hash'
        ? `\ncross-validated, ${folds.k} folds (SHA-256(file name)[0] mod ${folds.k}), pooled above:`
        : `\ncross-validated, leave one author out (author = block of ${folds.block} files by the number in the name), pooled above:`);
    }
    for (const line of foldLines) write(line);
  }
  return report.pass ? 0 : 1;
}
