/**
 * `replique bench-triage [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--rounds N] PATH...`: triage
 * latency per email (parse → clean → … → route, the trained model included, no servers), after one warm-up round.
 * Prints p50 / p95 / max in milliseconds. A benchmark, not a test: numbers depend on the machine.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { triageRaw } from '@replique/activities/triage/triage';
import { parseArgs, UsageError } from './args';
import { buildTriageDeps, listEmailFiles, modelChoice } from './triage-command';

export const BENCH_TRIAGE_USAGE = 'usage: replique bench-triage [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--rounds N] PATH...';

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function benchTriageCommand(argv: string[], write: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'rounds'], ['no-model']);
  if (!args.positionals.length) throw new UsageError(BENCH_TRIAGE_USAGE);
  const rounds = Number(args.options.rounds ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError('--rounds must be a positive integer');
  const deps = await buildTriageDeps(args.options.shop, args.options.policy, modelChoice(args));
  const raws = await Promise.all((await listEmailFiles(args.positionals)).map((f) => readFile(f)));
  const times: number[] = [];
  const modelTimes: number[] = [];
  const model = deps.intentModel;
  const timedModel = model ? (t: string) => { const t0 = performance.now(); const p = model(t); modelTimes.push(performance.now() - t0); return p; } : undefined;
  const timedDeps = { ...deps, intentModel: timedModel };
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const raw of raws) {
        const t0 = performance.now();
        await triageRaw(raw, timedDeps).catch(() => null);
        if (round > 0) times.push(performance.now() - t0);
      }
    }
  } finally {
    await deps.close();
  }
  times.sort((a, b) => a - b);
  modelTimes.sort((a, b) => a - b);
  const ms = (x: number): string => `${x.toFixed(2)} ms`;
  write(`triage latency over ${raws.length} emails × ${rounds} rounds (${model ? 'rules + trained model' : 'rules only'}; node ${process.version}, ${(await import('node:os')).cpus().length} cpus)`);
  write(`  per email: p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times[times.length - 1] ?? Number.NaN)}`);
  if (modelTimes.length) write(`  of which the intent model: p50 ${ms(percentile(modelTimes, 50))}  p95 ${ms(percentile(modelTimes, 95))}`);
  return 0;
}
