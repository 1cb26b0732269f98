/**
 * `replique calibration [--shop FILE] [--policy FILE] [--model FILE] [--out DIR] DIR...`: how far the intent
 * confidence can be trusted. For each labelled folder, a reliability table (confidence bins vs intent accuracy, ECE)
 * over the emails the text classifier decided (machine mail excluded), with the calibrated model+rules blend and,
 * for comparison, the uncalibrated rules alone; then the model's own held-out split (stored in the model file by
 * ml/train-meaning-model.ts). --out DIR writes reliability.svg, reliability.png (rsvg-convert) and README.md there.
 *
 * `--lines FILE` reads the triage lines instead of triaging (one folder then): with the pooled lines of
 * `replique eval --folds authors --lines FILE DIR`, the reliability of predictions by models that never read the
 * author — the figure that says whether a confidence of 0.85 means 85 % right on a new writer's mail.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReliability, reliability, type Reliability } from '@replique/activities/triage/calibration';
import { loadIntentModel } from '@replique/activities/triage/intent-model';
import { parseArgs, UsageError } from './args';
import { readLabels } from './eval-command';
import { reliabilitySvg } from './reliability-chart';
import { buildTriageDeps, triageEach } from './triage-command';

export const CALIBRATION_USAGE = 'usage: replique calibration [--shop FILE] [--policy FILE] [--model FILE] [--out DIR] DIR...\n'
  + '       replique calibration --lines FILE DIR   (the lines of `eval --folds ... --lines FILE DIR`: out-of-fold confidence)';

/** Confidence vs intent correctness of triage lines against DIR's labels (machine mail and no-confidence lines excluded). */
export function linesReliability(labels: ReadonlyMap<string, { intent: string }>, lines: readonly Line[]): Reliability {
  const items: { confidence: number; correct: boolean }[] = [];
  for (const line of lines) {
    const label = labels.get(line.file);
    if (!label || line.machine || line.intent_confidence === null || line.intent_confidence === undefined) continue;
    items.push({ confidence: line.intent_confidence, correct: line.intent === label.intent });
  }
  return reliability(items);
}

/** Among lines above `level`, how often the intent is right (what the auto-send threshold relies on). */
export function aboveLevel(labels: ReadonlyMap<string, { intent: string }>, lines: readonly Line[], level: number): { n: number; right: number } {
  const kept = lines.filter((l) => !l.machine && (l.intent_confidence ?? 0) >= level && labels.has(l.file));
  return { n: kept.length, right: kept.filter((l) => l.intent === labels.get(l.file)!.intent).length };
}

interface Line { file: string; intent: string | null; intent_confidence: number | null; machine: string | null }

async function folderReliability(dir: string, shop: string | undefined, policy: string | undefined, model: { model?: string; noModel?: boolean }): Promise<Reliability> {
  const labels = new Map((await readLabels(dir)).map((l) => [l.file, l]));
  const deps = await buildTriageDeps(shop, policy, model);
  const lines: Line[] = [];
  try {
    await triageEach([dir], deps, (l) => lines.push(l as unknown as Line));
  } finally {
    await deps.close();
  }
  return linesReliability(labels, lines);
}

async function outOfFoldCalibration(dir: string, linesFile: string, write: (line: string) => void): Promise<number> {
  const labels = new Map((await readLabels(dir)).map((l) => [l.file, l]));
  const lines = (await readFile(linesFile, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
  const r = linesReliability(labels, lines);
  for (const line of formatReliability(`${linesFile} against ${dir} — confidence of predictions by models that did not train on them`, r)) write(line);
  for (const level of [0.7, 0.8, 0.85, 0.9]) {
    const { n, right } = aboveLevel(labels, lines, level);
    write(`  confidence ≥ ${level.toFixed(2)}: ${n} emails, intent right ${right} (${n ? ((100 * right) / n).toFixed(1) : 'n/a'} %)`);
  }
  return 0;
}

export async function calibrationCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'out', 'lines']);
  if (!args.positionals.length) throw new UsageError(CALIBRATION_USAGE);
  if (args.options.lines) {
    if (args.positionals.length !== 1) throw new UsageError(CALIBRATION_USAGE);
    return outOfFoldCalibration(args.positionals[0]!, args.options.lines, write);
  }
  const { shop, policy, model: modelFile, out } = args.options;
  const series: { name: string; r: Reliability }[] = [];
  const md: string[] = [];
  for (const dir of args.positionals) {
    const name = path.resolve(dir).split(path.sep).slice(-2).join('/');
    const blended = await folderReliability(dir, shop, policy, { model: modelFile });
    const rules = await folderReliability(dir, shop, policy, { noModel: true });
    series.push({ name: `${name} (model + rules)`, r: blended });
    for (const [title, r] of [[`${name} — model + rules, calibrated`, blended], [`${name} — rules only, uncalibrated (before)`, rules]] as const) {
      const table = formatReliability(title, r);
      for (const line of [...table, '']) write(line);
      md.push('```', ...table, '```', '');
    }
  }
  const model = loadIntentModel(modelFile);
  const split = model.training.reliability as { blend?: Reliability; rules?: Reliability } | undefined;
  if (split?.blend) {
    series.push({ name: 'own held-out split, unseen phrasings (model + rules)', r: split.blend });
    for (const [title, r] of [['own held-out split (unseen phrasings) — model + rules, calibrated', split.blend],
      ['own held-out split — rules only, calibrated', split.rules]] as const) {
      if (!r) continue;
      const table = formatReliability(title, r);
      for (const line of [...table, '']) write(line);
      md.push('```', ...table, '```', '');
    }
  }
  if (out) {
    await mkdir(out, { recursive: true });
    const svg = path.join(out, 'reliability.svg');
    await writeFile(svg, reliabilitySvg(series));
    try {
      execFileSync('rsvg-convert', ['-o', path.join(out, 'reliability.png'), svg]);
    } catch {
      write('(rsvg-convert not found: reliability.png not written; apt-get install librsvg2-bin)');
    }
    await writeFile(path.join(out, 'tables.md'), `${md.join('\n')}\n`);
    write(`wrote ${svg}, reliability.png and tables.md in ${out}`);
  }
  return 0;
}
