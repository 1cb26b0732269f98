/**
 * The benchmark's contention section: what the pipeline's own CPU costs the Temporal server by sharing the machine
 * with it. On a small machine where Temporal, Postgres, Kafka and the pipeline's process share the cores, every
 * millisecond the pipeline spends beyond a bare workflow (its Node thread, Postgres, Kafka) is one the Temporal server
 * that bounds both sides of the throughput section waits for. This section runs bare workflows only, alone and beside
 * a CPU load equal to that extra (child processes burning a calibrated duty cycle: cpu-load.ts), in alternating
 * rounds; the median ratio of loaded to unloaded throughput is the throughput ratio that load alone leaves the
 * pipeline on this machine — a ceiling no cut inside the workflow's Temporal traffic can lift.
 */
import os from 'node:os';
import type { BenchPipeline } from './bench-pipeline';
import { startBareSide, type BareActivities } from './bare-side';
import { percentile } from './bench-util';
import { startCpuLoad } from './cpu-load';
import { EmailGenerator } from './email-generator';
import { warmPipeline, type ThroughputResult } from './throughput';
import type { CpuComponent } from './proc-stats';

/** The pipeline's own processes: what it runs beyond what the bare side makes the Temporal server do. */
const PIPELINE_OWN: CpuComponent[] = ['bench process', 'postgres', 'kafka'];

/**
 * The CPU the pipeline's side of a throughput run burns beyond the bare side's, in its own processes, per email and
 * per second of its run (cores). Temporal's extra is left out: part of it is what contention itself adds to the
 * server's CPU per workflow, the effect this section measures.
 */
export function pipelineOwnExtraCpu(t: Pick<ThroughputResult, 'cpuMsPerEmail' | 'pipelineEmailsPerSec'>): { msPerEmail: number; cores: number } {
  const msPerEmail = Math.max(0, PIPELINE_OWN.reduce((sum, c) => sum + t.cpuMsPerEmail.pipeline[c] - t.cpuMsPerEmail.bare[c], 0));
  return { msPerEmail, cores: (msPerEmail * t.pipelineEmailsPerSec) / 1000 };
}

export interface ContentionOptions {
  /** Bare workflows measured on each side, over all rounds. */
  workflows: number;
  rounds: number;
  /** Emails of the pipeline's warm-up (which tells the activities per email) and bare workflows of the bare one. */
  warmup: number;
  /** The bare workflow's activities: the throughput section's when it ran, else counted on a pipeline warm-up. */
  activities?: BareActivities;
  /** The CPU load beside the loaded side, in cores, and where that figure comes from. */
  loadCores: number;
  loadBasis: string;
  seed: number;
}

export interface ContentionRound {
  quietPerSec: number;
  loadedPerSec: number;
  ratio: number;
  /** Cores the load burned while the loaded batch ran (from /proc). */
  deliveredCores: number;
  load1: number;
}

export interface ContentionResult {
  workflows: number;
  activitiesPerWorkflow: number;
  localActivitiesPerWorkflow: number;
  loadCores: number;
  loadBasis: string;
  /** Over all rounds. */
  deliveredCores: number;
  quietPerSec: number;
  loadedPerSec: number;
  /** Median of the rounds' loaded / quiet ratios. */
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  rounds: ContentionRound[];
}

export async function benchContention(p: BenchPipeline, options: ContentionOptions, out: (line?: string) => void): Promise<ContentionResult> {
  const perRound = Math.max(1, Math.round(options.workflows / options.rounds));
  // Emails of their own: the throughput section's (same seed) would be duplicates the intake starts nothing for.
  const activities = options.activities ?? (await warmPipeline(p, new EmailGenerator({ seed: options.seed + 5 }).batch(options.warmup)));
  const bare = await startBareSide(p, 'contention', activities);
  const rounds: ContentionRound[] = [];
  let quietSeconds = 0;
  let loadedSeconds = 0;
  let burnedSeconds = 0;
  try {
    await bare.runBatch(options.warmup);
    for (let r = 0; r < options.rounds; r++) {
      const load1 = os.loadavg()[0]!;
      let quiet = 0;
      let loaded = 0;
      let burned = 0;
      const runQuiet = async () => (quiet = await bare.runBatch(perRound));
      const runLoaded = async () => {
        const load = await startCpuLoad(options.loadCores);
        try {
          const before = load.cpuSeconds();
          loaded = await bare.runBatch(perRound);
          burned = load.cpuSeconds() - before;
        } finally {
          await load.stop();
        }
      };
      if (r % 2 === 0) {
        await runQuiet();
        await runLoaded();
      } else {
        await runLoaded();
        await runQuiet();
      }
      quietSeconds += quiet;
      loadedSeconds += loaded;
      burnedSeconds += burned;
      const round = { quietPerSec: perRound / quiet, loadedPerSec: perRound / loaded, ratio: quiet / loaded, deliveredCores: burned / loaded, load1 };
      rounds.push(round);
      out(`  round ${r + 1}/${options.rounds} (${r % 2 === 0 ? 'alone first' : 'loaded first'}, load ${load1.toFixed(1)}): alone ${round.quietPerSec.toFixed(2)}/s, beside ${round.deliveredCores.toFixed(2)} cores ${round.loadedPerSec.toFixed(2)}/s, ratio ${round.ratio.toFixed(2)}`);
    }
  } finally {
    await bare.stop();
  }
  const ratios = rounds.map((r) => r.ratio);
  const measured = perRound * options.rounds;
  return {
    workflows: measured,
    activitiesPerWorkflow: activities.perWorkflow,
    localActivitiesPerWorkflow: activities.localPerWorkflow,
    loadCores: options.loadCores,
    loadBasis: options.loadBasis,
    deliveredCores: burnedSeconds / loadedSeconds,
    quietPerSec: measured / quietSeconds,
    loadedPerSec: measured / loadedSeconds,
    ratio: percentile(ratios, 50),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    rounds,
  };
}
