/**
 * The benchmark's throughput section: generated emails through the whole pipeline (HTTP intake → Postgres → Kafka →
 * starter → emailWorkflow → activities → SMTP) until each is in a final or waiting state, against a bare Temporal
 * workflow running as many no-op activities per email — same server, same run, same worker concurrency.
 *
 * Fair on a shared, noisy machine: one warm-up batch of each first (JIT, connections, bundles), then R rounds of
 * one pipeline batch and one bare batch each, the order alternating from round to round so that a drift in the
 * machine's load does not favour one side; the ratio is given per round, with its median and spread.
 */
import os from 'node:os';
import { EmailGenerator, type GeneratedEmail } from './email-generator';
import type { BenchPipeline } from './bench-pipeline';
import { startBareSide, type BareActivities } from './bare-side';
import { percentile, pool, sleep } from './bench-util';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { historyCensus, type HistoryCensus } from './history-census';
import { CPU_COMPONENTS, cpuSecondsByComponent, perComponent, type CpuComponent } from './proc-stats';
import { describeWarmUp, warmUntilSteady, type SteadyRule, type WarmUp } from './steady-warmup';

export interface ThroughputOptions {
  /** Emails measured in all rounds together (each round gets emails / rounds). */
  emails: number;
  rounds: number;
  /** Emails (workflows) per warm-up batch. */
  warmup: number;
  /** Warm-up batches run until two consecutive rates are within the margin (capped), each side: steady-warmup.ts. */
  steady: SteadyRule;
  seed: number;
  /** Runs each measured batch of a side (not the warm-up): a CPU profile of each side. */
  profile?: Record<'pipeline' | 'bare', <T>(phase: () => Promise<T>) => Promise<T>>;
}

export interface ThroughputRound {
  pipelineEmailsPerSec: number;
  bareEmailsPerSec: number;
  ratio: number;
  load1: number;
}

export interface StageCost {
  activity: string;
  count: number;
  meanMs: number;
  p95Ms: number;
  totalSharePct: number;
}

export interface ThroughputResult {
  emails: number;
  /** Over all rounds: emails / seconds spent on each side. */
  pipelineEmailsPerSec: number;
  bareEmailsPerSec: number;
  /** Median of the rounds' ratios. */
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  rounds: ThroughputRound[];
  activitiesPerEmail: number;
  /** Of those, run as local activities (the bare side runs as many local no-ops). */
  localActivitiesPerEmail: number;
  /** What each bare workflow ran (counted on the warm-up). */
  bareActivities: BareActivities;
  /** Each side's warm-up batches (emails or workflows per second) and whether it reached a steady rate. */
  warmUp: { pipeline: WarmUp; bare: WarmUp; rule: SteadyRule; batch: number };
  routes: Record<string, number>;
  stages: StageCost[];
  /** What the activities wait on, per email: Postgres queries (case file, CRM, audit) and Kafka events. */
  io: Array<{ what: string; callsPerEmail: number; meanMs: number; p95Ms: number; msPerEmail: number }>;
  /** Sum of all activity wall time per email, to compare with the io above. */
  activityMsPerEmail: number;
  /** CPU time per email (ms) by process, while each side ran: what the pipeline costs the machine beyond Temporal. */
  cpuMsPerEmail: { pipeline: Record<CpuComponent, number>; bare: Record<CpuComponent, number> };
  /** What a workflow costs the Temporal server, from a sample of each side's histories (load-independent). */
  histories: { pipeline: HistoryCensus; bare: HistoryCensus };
  /**
   * Transactions committed on the pipeline's database during the rounds, per email: every process's statements (intake,
   * starter, worker, event relay, live policy/wording polls), not only the worker's counted above (pg_stat_database).
   */
  databaseTransactionsPerEmail: number;
}

/** Committed + rolled-back transactions of the pipeline's database so far (the statistics are flushed about once a second). */
async function databaseTransactions(p: BenchPipeline): Promise<number> {
  const { rows } = await p.db.pool.query<{ n: string }>(
    'select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]?.n ?? 0);
}

/** How many histories of each side the census reads. */
const CENSUS_SAMPLE = 40;

/** Runs `phase`, adding the CPU seconds each component used meanwhile to `into`. */
async function measuringCpu<T>(into: Record<CpuComponent, number>, phase: () => Promise<T>): Promise<T> {
  const before = cpuSecondsByComponent();
  try {
    return await phase();
  } finally {
    const after = cpuSecondsByComponent();
    for (const c of CPU_COMPONENTS) into[c] += Math.max(0, after[c] - before[c]); // a process gone meanwhile drops out
  }
}

async function runPipelineBatch(p: BenchPipeline, emails: GeneratedEmail[]): Promise<number> {
  const before = await p.settledCount();
  const t0 = performance.now();
  // An email the intake already has (a duplicate) starts no workflow: waiting for it would never end.
  const started = (await pool(emails, 16, async (e) => (await p.deliver(e.raw)).duplicate)).filter((duplicate) => !duplicate).length;
  while ((await p.settledCount()) - before < started) await sleep(100);
  return (performance.now() - t0) / 1000;
}

/**
 * Runs a warm-up batch through the pipeline (JIT, connections, bundles; the stage times start afresh) and tells
 * how many activities an email of this mix costs, and how many of them run as local activities: the bare side runs as
 * many, of the same kinds.
 */
export async function warmPipeline(p: BenchPipeline, emails: GeneratedEmail[]): Promise<BareActivities> {
  p.stages.reset();
  await runPipelineBatch(p, emails);
  const perWorkflow = Math.max(1, Math.round(activityTotals(p).count / emails.length));
  return { perWorkflow, localPerWorkflow: Math.min(perWorkflow, Math.round(p.stages.localCalls / emails.length)) };
}

function activityTotals(p: BenchPipeline): { count: number; totalMs: number } {
  let count = 0;
  let totalMs = 0;
  for (const list of p.stages.durations.values()) {
    count += list.length;
    totalMs += list.reduce((a, b) => a + b, 0);
  }
  return { count, totalMs };
}

export async function benchThroughput(p: BenchPipeline, options: ThroughputOptions, out: (line?: string) => void): Promise<ThroughputResult> {
  const gen = new EmailGenerator({ seed: options.seed });
  const perRound = Math.max(1, Math.round(options.emails / options.rounds));

  let activities: BareActivities | undefined;
  const pipelineWarmUp = await warmUntilSteady(options.steady, options.warmup, async (i) => {
    const emails = gen.batch(options.warmup);
    if (i > 0) return runPipelineBatch(p, emails);
    const t0 = performance.now();
    activities = await warmPipeline(p, emails);
    return (performance.now() - t0) / 1000;
  });
  out(`  warm-up, ${describeWarmUp('pipeline', options.warmup, pipelineWarmUp, options.steady)}`);
  const bare = await startBareSide(p, 'bare', activities!);

  const rounds: ThroughputRound[] = [];
  const cpu = { pipeline: perComponent(() => 0), bare: perComponent(() => 0) };
  let pipelineSeconds = 0;
  let bareSeconds = 0;
  let transactionsBefore = 0;
  let transactionsAfter = 0;
  let bareWarmUp: WarmUp = { rates: [], steady: false };
  try {
    bareWarmUp = await warmUntilSteady(options.steady, options.warmup, () => bare.runBatch(options.warmup));
    out(`  warm-up, ${describeWarmUp('bare', options.warmup, bareWarmUp, options.steady)}`);
    p.stages.reset();
    await sleep(1500); // the statistics of the warm-up flushed
    transactionsBefore = await databaseTransactions(p);
    for (let r = 0; r < options.rounds; r++) {
      const emails = gen.batch(perRound);
      const load1 = os.loadavg()[0]!;
      let pipeline = 0;
      let bareTime = 0;
      const profile = options.profile ?? { pipeline: <T>(phase: () => Promise<T>) => phase(), bare: <T>(phase: () => Promise<T>) => phase() };
      const runPipeline = async () => (pipeline = await measuringCpu(cpu.pipeline, () => profile.pipeline(() => runPipelineBatch(p, emails))));
      const runBare = async () => (bareTime = await measuringCpu(cpu.bare, () => profile.bare(() => bare.runBatch(perRound))));
      if (r % 2 === 0) {
        await runPipeline();
        await runBare();
      } else {
        await runBare();
        await runPipeline();
      }
      pipelineSeconds += pipeline;
      bareSeconds += bareTime;
      const round = { pipelineEmailsPerSec: perRound / pipeline, bareEmailsPerSec: perRound / bareTime, ratio: bareTime / pipeline, load1 };
      rounds.push(round);
      out(`  round ${r + 1}/${options.rounds} (${r % 2 === 0 ? 'pipeline first' : 'bare first'}, load ${load1.toFixed(1)}): pipeline ${round.pipelineEmailsPerSec.toFixed(2)}/s, bare ${round.bareEmailsPerSec.toFixed(2)}/s, ratio ${round.ratio.toFixed(2)}`);
    }
    await sleep(1500);
    transactionsAfter = await databaseTransactions(p);
  } finally {
    await bare.stop();
  }

  const measured = perRound * options.rounds;
  const totals = activityTotals(p);
  const stages = [...p.stages.durations.entries()]
    .map(([activity, list]) => ({
      activity,
      count: list.length,
      meanMs: list.reduce((a, b) => a + b, 0) / list.length,
      p95Ms: percentile(list, 95),
      totalSharePct: (100 * list.reduce((a, b) => a + b, 0)) / totals.totalMs,
    }))
    .sort((a, b) => b.totalSharePct - a.totalSharePct);
  const { rows } = await p.db.pool.query<{ route: string | null; state: string; n: number }>(
    `select route, state, count(*)::int as n from emails where mailbox = $1 group by route, state order by n desc`, [p.mailbox],
  );
  const routes: Record<string, number> = {};
  for (const row of rows) routes[`${row.route ?? '-'}/${row.state}`] = row.n;
  const io = [...p.stages.io.entries()].map(([what, list]) => {
    const total = list.reduce((a, b) => a + b, 0);
    return { what, callsPerEmail: list.length / measured, meanMs: total / list.length, p95Ms: percentile(list, 95), msPerEmail: total / measured };
  });
  const { rows: sampled } = await p.db.pool.query<{ email_key: string }>(
    `select email_key from emails where mailbox = $1 order by random() limit $2`, [p.mailbox, CENSUS_SAMPLE],
  );
  const histories = {
    pipeline: await historyCensus(p.client, sampled.map((r) => workflowIdForEmailKey(r.email_key))),
    bare: await historyCensus(p.client, bare.lastWorkflowIds(CENSUS_SAMPLE)),
  };
  const ratios = rounds.map((r) => r.ratio);
  return {
    emails: measured,
    pipelineEmailsPerSec: measured / pipelineSeconds,
    bareEmailsPerSec: measured / bareSeconds,
    ratio: percentile(ratios, 50),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    rounds,
    activitiesPerEmail: totals.count / measured,
    localActivitiesPerEmail: p.stages.localCalls / measured,
    bareActivities: activities!,
    warmUp: { pipeline: pipelineWarmUp, bare: bareWarmUp, rule: options.steady, batch: options.warmup },
    routes,
    stages,
    io,
    activityMsPerEmail: totals.totalMs / measured,
    cpuMsPerEmail: {
      pipeline: perComponent((c) => (1000 * cpu.pipeline[c]) / measured),
      bare: perComponent((c) => (1000 * cpu.bare[c]) / measured),
    },
    histories,
    databaseTransactionsPerEmail: (transactionsAfter - transactionsBefore) / measured,
  };
}
