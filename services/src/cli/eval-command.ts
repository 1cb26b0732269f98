/**
 * `replique eval [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--json] DIR`: triages every .eml of DIR
 * and scores the lines against DIR/labels.json (definitions of evaluate.ts / score.py). Exit 1 when a safety bar fails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from './args';
import { evaluate, formatReport, type Label, type PredLine } from './evaluate';
import { buildTriageDeps, modelChoice, triageEach } from './triage-command';

export const EVAL_USAGE = 'usage: replique eval [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--json] DIR';

export async function readLabels(dir: string): Promise<Label[]> {
  const text = await readFile(path.join(dir, 'labels.json'), 'utf8').catch(() => {
    throw new UsageError(`no labels.json in ${dir}`);
  });
  return JSON.parse(text) as Label[];
}

export async function evalCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model'], ['no-model', 'json']);
  const dir = args.positionals[0];
  if (!dir || args.positionals.length > 1) throw new UsageError(EVAL_USAGE);
  const labels = await readLabels(dir);
  const deps = await buildTriageDeps(args.options.shop, args.options.policy, modelChoice(args));
  const lines: PredLine[] = [];
  try {
    await triageEach([dir], deps, (l) => lines.push(l as unknown as PredLine));
  } finally {
    await deps.close();
  }
  const report = evaluate(labels, lines);
  if (args.flags.has('json')) write(JSON.stringify(report, null, 1));
  else for (const line of formatReport(report)) write(line);
  return report.pass ? 0 : 1;
}
