/**
 * `replique calibration [--shop FILE] [--policy FILE] [--model FILE] [--out DIR] DIR...`: how far the intent
 * confidence can be trusted. For each labelled folder, a reliability table (confidence bins vs intent accuracy, ECE)
 * over the emails the text classifier decided (machine mail excluded), with the calibrated model+rules blend and,
 * for comparison, the uncalibrated rules alone; then the model's own held-out split (stored in the model file by
 * ml/train-meaning-model.ts). --out DIR writes reliability.svg, reliability.png (rsvg-convert) and README.md there.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatReliability, reliability, type Reliability } from '@replique/activities/triage/calibration';
import { loadIntentModel } from '@replique/activities/triage/intent-model';
import { parseArgs, UsageError } from './args';
import { readLabels } from './eval-command';
import { reliabilitySvg } from './reliability-chart';
import { buildTriageDeps, triageEach } from './triage-command';

export const CALIBRATION_USAGE = 'usage: replique calibration [--shop FILE] [--policy FILE] [--model FILE] [--out DIR] DIR...';

interface Line { file: string; intent: string | null; intent_confidence: number | null; machine: string | null }

async function folderReliability(dir: string, shop: string | undefined, policy: string | undefined, model: { model?: string; noModel?: boolean }): Promise<Reliability> {
  const labels = new Map((await readLabels(dir)).map((l) => [l.file, l]));
  const deps = await buildTriageDeps(shop, policy, model);
  const items: { confidence: number; correct: boolean }[] = [];
  try {
    await triageEach([dir], deps, (l) => {
      const line = l as unknown as Line;
      const label = labels.get(line.file);
      if (!label || line.machine || line.intent_confidence === null || line.intent_confidence === undefined) return;
      items.push({ confidence: line.intent_confidence, correct: line.intent === label.intent });
    });
  } finally {
    await deps.close();
  }
  return reliability(items);
}

export async function calibrationCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'out']);
  if (!args.positionals.length) throw new UsageError(CALIBRATION_USAGE);
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
