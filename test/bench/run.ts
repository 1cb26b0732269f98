/**
 * `pnpm bench` — Réplique's benchmarks on the local stack (`pnpm stack up` first). Prints tables and ratios, writes
 * docs/benchmarks/latest.json and docs/benchmarks/latest.png. Not a test: nothing here passes or fails.
 *
 *   pnpm bench [--n 300] [--rounds 5] [--warmup 20] [--latency 30] [--waiting 1000] [--window 300]
 *              [--waiting-budget 1200] [--resume-budget S] [--intake 2000] [--triage 500] [--load CORES]
 *              [--only triage,latency,throughput,contention,intake,waiting] [--seed 42] [--cpu-profile FILE]
 *              [--steady 10] [--warmup-batches 6]
 *
 * Sections: triage (pure decision code), latency (HTTP and IMAP receipt → SMTP accept, one email at a time),
 * throughput (N generated emails through the whole pipeline vs a bare workflow with as many no-op activities, in
 * alternating rounds: throughput.ts), contention (bare workflows alone vs beside a CPU load equal to the pipeline's own
 * extra CPU: contention.ts), waiting (W workflows waiting for review in a worker process of their own:
 * its memory/CPU and the server's, the time to resume them all: waiting.ts), intake (Kafka → starts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { setLogLevel } from '@replique/activities/logger';
import { triageRaw } from '@replique/activities/triage/triage';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { emailKeyFor, threadHashesOf } from '@replique/activities/domain/email-key';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { createEmailProducer } from '@replique/activities/adapters/kafka/email-producer';
import { buildTriageDeps } from '@replique/services/cli/triage-command';
import { runStarter } from '@replique/services/starter/main';
import { StarterEnvSchema } from '@replique/services/config/starter-config';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';
import { repoRoot, shopFixture } from '../support/paths';
import { parseSinkFile } from '../support/smtp-sink';
import { deleteTopics } from '../adapters/stack-env';
import { EmailGenerator, type GeneratedEmail } from './email-generator';
import { startBenchPipeline, type BenchPipeline } from './bench-pipeline';
import { benchThroughput, type ThroughputResult } from './throughput';
import { benchWaiting, type WaitingResult } from './waiting';
import { benchContention, pipelineOwnExtraCpu, type ContentionResult } from './contention';
import { renderChart } from './chart';
import { phaseProfiler } from './cpu-profile';
import { STACK_COMPONENTS } from './proc-stats';
import { percentile, pool, sleep, machineInfo, type Machine } from './bench-util';

interface Args {
  n: number;
  latency: number;
  waiting: number;
  intake: number;
  triage: number;
  /** Seconds allowed for starting and analysing the waiting workflows; fewer are measured on a slower machine. */
  waitingBudget: number;
  /** Waiting section: emails started but not yet waiting, at most. */
  window: number;
  /** Seconds allowed for resuming the waiting workflows (0: the default, 2 s each and at least 10 min). */
  resumeBudget: number;
  /** Throughput and contention sections: alternating rounds, after a warm-up of this many emails. */
  rounds: number;
  warmup: number;
  /** Throughput: warm-up batches of `warmup` until two consecutive rates are within this % (0: one batch), at most `warmupBatches`. */
  steady: number;
  warmupBatches: number;
  seed: number;
  /** Contention section: the CPU load in cores (0: the pipeline's own extra CPU, from this run's throughput or latest.json's). */
  load: number;
  only: Set<string>;
  /** Throughput section: V8 CPU profiles of this process over each side's measured batches, FILE and FILE.bare (profile-table.ts reads them). */
  cpuProfile?: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const onlyAt = argv.indexOf('--only');
  const only = new Set(onlyAt >= 0 ? argv[onlyAt + 1]!.split(',') : ['triage', 'latency', 'throughput', 'contention', 'waiting', 'intake']);
  return {
    n: get('n', 300), rounds: get('rounds', 5), warmup: get('warmup', 20), steady: get('steady', 10), warmupBatches: get('warmup-batches', 6), latency: get('latency', 30),
    waiting: get('waiting', 1000), window: get('window', 300), waitingBudget: get('waiting-budget', 1200), resumeBudget: get('resume-budget', 0),
    intake: get('intake', 2000), triage: get('triage', 500), seed: get('seed', 42), load: get('load', 0), only,
    ...(argv.includes('--cpu-profile') ? { cpuProfile: argv[argv.indexOf('--cpu-profile') + 1]! } : {}),
  };
}

const resultsDir = path.join(repoRoot, 'docs', 'benchmarks');
const resultsFile = path.join(resultsDir, 'latest.json');
const FINAL = `('quarantined','suppressed','sent','rejected','send_failed')`;
const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

/** The layout of latest.json; a partial run keeps older sections only of the same layout. */
const RESULTS_FORMAT = 2;

interface Results {
  format: number;
  machine: Machine;
  startedAt: string;
  args: Omit<Args, 'only'> & { only: string[] };
  triage?: { emails: number; p50Ms: number; p95Ms: number; meanMs: number };
  latency?: { http: LatencyResult; imap: LatencyResult | null };
  throughput?: ThroughputResult;
  contention?: ContentionResult;
  waiting?: WaitingResult;
  intake?: { messages: number; startsPerSec: number; seconds: number };
}

interface LatencyResult {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function imapClient(): ImapFlow {
  const client = new ImapFlow({
    host: process.env.IMAP_HOST ?? '127.0.0.1', port: Number(process.env.IMAP_PORT ?? 1143), secure: false,
    auth: { user: process.env.IMAP_USER ?? 'support', pass: process.env.IMAP_PASSWORD ?? 'secret' }, logger: false,
  });
  client.on('error', () => undefined); // idle timeouts surface on the next call
  return client;
}

/** Routine emails the pure triage code routes `auto`: the latency path is the automatic answer. */
async function routineEmails(gen: EmailGenerator, count: number): Promise<GeneratedEmail[]> {
  const deps = await buildTriageDeps(shopFixture, undefined);
  const outList: GeneratedEmail[] = [];
  // At most two per customer: the policy holds a third automatic reply to one sender in a day for a person.
  const perSender = new Map<string, number>();
  try {
    for (let tries = 0; outList.length < count && tries < count * 50; tries++) {
      const email = gen.email('order_status');
      if ((perSender.get(email.from) ?? 0) >= 2) continue;
      if ((await triageRaw(email.raw, deps)).decision?.route !== 'auto') continue;
      perSender.set(email.from, (perSender.get(email.from) ?? 0) + 1);
      outList.push(email);
    }
  } finally {
    await deps.close();
  }
  return outList;
}

async function benchTriage(args: Args, results: Results): Promise<void> {
  const deps = await buildTriageDeps(shopFixture, undefined);
  const emails = new EmailGenerator({ seed: args.seed + 1 }).batch(args.triage);
  for (const e of emails.slice(0, 20)) await triageRaw(e.raw, deps); // warm-up
  const times: number[] = [];
  for (const e of emails) {
    const t0 = performance.now();
    await triageRaw(e.raw, deps);
    times.push(performance.now() - t0);
  }
  await deps.close();
  results.triage = { emails: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), meanMs: times.reduce((a, b) => a + b, 0) / times.length };
  out(`triage alone (triageRaw, ${times.length} generated emails): p50 ${ms(results.triage.p50Ms)}, p95 ${ms(results.triage.p95Ms)}`);
}

/** Waits for a complete new file in the sink whose In-Reply-To is `messageId`; returns when it was first seen. */
async function waitForReply(p: BenchPipeline, messageId: string, seen: Set<string>, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const name of readdirSync(p.sink.dir)) {
      if (seen.has(name)) continue;
      const seenAt = performance.now();
      let message;
      try {
        message = parseSinkFile(name, readFileSync(path.join(p.sink.dir, name), 'latin1'));
      } catch {
        continue; // still being written
      }
      seen.add(name);
      if (message.inReplyTo === messageId) return seenAt;
    }
    if (Date.now() > deadline) throw new Error(`no reply to ${messageId} within ${timeoutMs} ms`);
    await sleep(5);
  }
}

async function benchLatency(p: BenchPipeline, imapFolder: string, args: Args, results: Results): Promise<void> {
  const gen = new EmailGenerator({ seed: args.seed + 2 });
  const emails = await routineEmails(gen, args.latency * 2 + 4);
  const seen = new Set(readdirSync(p.sink.dir));
  const measure = async (send: (e: GeneratedEmail) => Promise<void>, list: GeneratedEmail[]): Promise<LatencyResult> => {
    const times: number[] = [];
    for (const [i, e] of list.entries()) {
      const t0 = performance.now();
      await send(e);
      const t1 = await waitForReply(p, e.messageId, seen);
      if (i >= 2) times.push(t1 - t0); // the first two warm the path up
    }
    return { samples: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times) };
  };
  const half = Math.floor(emails.length / 2);
  const http = await measure(async (e) => void (await p.deliver(e.raw)), emails.slice(0, half));
  out(`latency HTTP intake → SMTP accept (${http.samples} routine emails, one at a time): p50 ${ms(http.p50Ms)}, p95 ${ms(http.p95Ms)}, max ${ms(http.maxMs)}`);

  let imap: LatencyResult | null = null;
  const client = imapClient();
  try {
    await client.connect();
    imap = await measure(async (e) => void (await client.append(imapFolder, e.raw)), emails.slice(half, half * 2));
    out(`latency IMAP append → SMTP accept (${imap.samples}, IDLE/poll 1 s): p50 ${ms(imap.p50Ms)}, p95 ${ms(imap.p95Ms)}, max ${ms(imap.maxMs)}`);
  } catch (error) {
    out(`latency IMAP: skipped (${(error as Error).message})`);
  } finally {
    await client.logout().catch(() => undefined);
  }
  results.latency = { http, imap };
}

async function runThroughput(p: BenchPipeline, args: Args, results: Results): Promise<void> {
  const rounds = Math.max(1, args.rounds);
  const steady = { margin: args.steady / 100, maxBatches: args.warmupBatches };
  out(`throughput: warm-up batches of ${args.warmup} on each side until two in a row are within ${args.steady} % of each other (at most ${args.warmupBatches}), then ${rounds} rounds of ${Math.round(args.n / rounds)} emails through the pipeline and as many bare workflows`);
  const profiler = args.cpuProfile ? await phaseProfiler() : undefined;
  const t = await benchThroughput(p, { emails: args.n, rounds, warmup: args.warmup, steady, seed: args.seed, ...(profiler ? { profile: profiler.sides } : {}) }, out);
  if (profiler) {
    profiler.save(args.cpuProfile!);
    out(`  CPU profiles of each side's batches: ${args.cpuProfile}{,.bare} (pnpm exec tsx test/bench/profile-table.ts ${args.cpuProfile} ${t.emails} --minus ${args.cpuProfile}.bare)`);
  }
  results.throughput = t;
  out(`  pipeline (HTTP intake → Kafka → starter → emailWorkflow → SMTP): ${t.pipelineEmailsPerSec.toFixed(2)} emails/s over all rounds`);
  out(`  bare workflow, ${Math.round(t.activitiesPerEmail)} no-op activities each (${Math.round(t.localActivitiesPerEmail)} local, as the pipeline's): ${t.bareEmailsPerSec.toFixed(2)} workflows/s`);
  out(`  ratio pipeline / bare: median ${t.ratio.toFixed(2)} of ${t.rounds.length} rounds (${t.ratioMin.toFixed(2)}–${t.ratioMax.toFixed(2)}; goal ≥ 0.9); ${t.activitiesPerEmail.toFixed(1)} activities per email, ${t.localActivitiesPerEmail.toFixed(1)} of them local`);
  out(`  outcomes (route/state): ${Object.entries(t.routes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out('  stage costs (activity wall time inside the worker):');
  out(`    ${'activity'.padEnd(22)} ${'count'.padStart(6)} ${'mean'.padStart(10)} ${'p95'.padStart(10)} ${'share'.padStart(7)}`);
  for (const s of t.stages) {
    out(`    ${s.activity.padEnd(22)} ${String(s.count).padStart(6)} ${ms(s.meanMs).padStart(10)} ${ms(s.p95Ms).padStart(10)} ${s.totalSharePct.toFixed(1).padStart(6)}%`);
  }
  out(`  what that time waits on, per email (all activities: ${ms(t.activityMsPerEmail)}):`);
  const line = (x: ThroughputResult['io'][number], indent: string, width: number) =>
    out(`${indent}${x.what.padEnd(width)} ${x.callsPerEmail.toFixed(1).padStart(5)} calls × ${ms(x.meanMs)} (p95 ${ms(x.p95Ms)}) = ${ms(x.msPerEmail)}`);
  for (const x of t.io.filter((i) => !i.what.includes(': '))) line(x, '    ', 16);
  out(`  CPU per email by process (ms), while each side ran (this stack's servers and this process; 'other' is the rest of the machine, not in the total):`);
  out(`    ${'side'.padEnd(10)} ${STACK_COMPONENTS.map((c) => c.padStart(14)).join('')} ${'total'.padStart(8)} ${'other'.padStart(8)}`);
  for (const side of ['pipeline', 'bare'] as const) {
    const row = t.cpuMsPerEmail[side];
    const total = STACK_COMPONENTS.reduce((sum, c) => sum + row[c], 0);
    out(`    ${side.padEnd(10)} ${STACK_COMPONENTS.map((c) => row[c].toFixed(0).padStart(14)).join('')} ${total.toFixed(0).padStart(8)} ${row.other.toFixed(0).padStart(8)}`);
  }
  out('  per workflow, from the histories (a sample of each side):');
  out(`    ${'side'.padEnd(10)} ${['events', 'wf tasks', 'activities', 'local acts', 'SA upserts', 'timers', 'history B', 'payload B'].map((h) => h.padStart(11)).join('')}`);
  for (const side of ['pipeline', 'bare'] as const) {
    const h = t.histories[side];
    const cells = [h.eventsPerWorkflow, h.workflowTasksPerWorkflow, h.activityTasksPerWorkflow, h.localActivitiesPerWorkflow, h.searchAttributeUpsertsPerWorkflow, h.timersPerWorkflow];
    out(`    ${side.padEnd(10)} ${cells.map((v) => v.toFixed(1).padStart(11)).join('')}${[h.historyBytesPerWorkflow, h.payloadBytesPerWorkflow].map((v) => v.toFixed(0).padStart(11)).join('')}`);
  }
  out(`  Postgres transactions per email on the pipeline's database, every process (intake, starter, worker, relay, polls): ${t.databaseTransactionsPerEmail.toFixed(1)}`);
  out('  Postgres statements of the worker per email, by kind (verb and first table):');
  const statements = t.io.filter((i) => i.what.startsWith('postgres query: ')).sort((a, b) => b.callsPerEmail - a.callsPerEmail);
  for (const x of statements) line({ ...x, what: x.what.slice('postgres query: '.length) }, '    ', 34);
}

/** The load beside the contention section's loaded side: --load, else the pipeline's own extra CPU measured last. */
function contentionLoad(args: Args, results: Results, file: string): { cores: number; basis: string } {
  if (args.load > 0) return { cores: args.load, basis: '--load' };
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results & { measuredAt?: Record<string, string> }) : undefined;
  const [t, when] = results.throughput
    ? [results.throughput, 'this run']
    : previous?.format === RESULTS_FORMAT && previous.throughput
      ? [previous.throughput, `latest.json, ${previous.measuredAt?.throughput ?? previous.startedAt}`]
      : [undefined, ''];
  if (!t) throw new Error('contention: no throughput figures to calibrate the load on; run the throughput section or give --load CORES');
  const extra = pipelineOwnExtraCpu(t);
  return {
    cores: extra.cores,
    basis: `the pipeline's own extra CPU, ${extra.msPerEmail.toFixed(0)} ms per email (bench process, Postgres, Kafka) × ${t.pipelineEmailsPerSec.toFixed(2)} emails/s (throughput, ${when})`,
  };
}

async function runContention(p: BenchPipeline, args: Args, results: Results, file: string): Promise<void> {
  const rounds = Math.max(1, args.rounds);
  const load = contentionLoad(args, results, file);
  out(`contention: ${rounds} rounds of ${Math.round(args.n / rounds)} bare workflows alone and beside a CPU load of ${load.cores.toFixed(2)} cores (${load.basis})`);
  const c = await benchContention(p, {
    workflows: args.n, rounds, warmup: args.warmup, loadCores: load.cores, loadBasis: load.basis, seed: args.seed,
    ...(results.throughput ? { activities: results.throughput.bareActivities } : {}), // the same bare workflow as this run's throughput
  }, out);
  results.contention = c;
  out(`  bare workflows, ${c.activitiesPerWorkflow} no-op activities each (${c.localActivitiesPerWorkflow} local): alone ${c.quietPerSec.toFixed(2)}/s, beside the load (${c.deliveredCores.toFixed(2)} cores burned) ${c.loadedPerSec.toFixed(2)}/s`);
  out(`  ratio beside the load / alone: median ${c.ratio.toFixed(2)} of ${c.rounds.length} rounds (${c.ratioMin.toFixed(2)}–${c.ratioMax.toFixed(2)}): the throughput ratio that CPU alone leaves the pipeline on this machine`);
}

async function benchIntake(p: BenchPipeline, args: Args, results: Results): Promise<void> {
  const m = args.intake;
  const topic = `email.inbound.bench-intake-${p.run}`;
  const taskQueue = `intake-only-${p.run}`; // nobody polls it: this measures consume → start, not the workflow
  const kafka = createKafka(p.env.KAFKA_BROKERS!.split(','), `bench-intake-${p.run}`);
  await ensureTopics(kafka, [topic]);
  const producer = createEmailProducer(kafka, { inbound: topic, events: p.env.KAFKA_TOPIC_EVENTS! });
  await producer.connect();
  const emails = new EmailGenerator({ seed: args.seed + 4 }).batch(m, [['newsletter', 1]]);
  const keys = await pool(emails, 16, async (e) => {
    const stored = await storeRawEmail(p.db.pool, p.vault, { raw: e.raw, source: 'http', mailbox: p.mailbox });
    const emailKey = emailKeyFor(p.mailbox, e.messageId, stored.sha256);
    await producer.publishInbound({
      emailKey, rawId: String(stored.rawId), mailbox: p.mailbox, source: 'http', receivedAt: new Date().toISOString(),
      ...threadHashesOf(e.raw), // as the intake publishes them: the starter links each email to its conversation
    });
    return emailKey;
  });
  await producer.disconnect();
  const t0 = performance.now();
  const starter = await runStarter(
    StarterEnvSchema.parse({ ...p.env, KAFKA_TOPIC_INBOUND: topic, STARTER_GROUP_ID: `starter-intake-${p.run}`, TEMPORAL_TASK_QUEUE: taskQueue }),
  );
  for (;;) {
    const { rows } = await p.db.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where stage = 'start' and email_key = any($1)`, [keys]);
    if (rows[0]!.n >= m) break;
    await sleep(100);
  }
  const seconds = (performance.now() - t0) / 1000;
  await starter.stop();
  results.intake = { messages: m, startsPerSec: m / seconds, seconds };
  out(`intake: ${m} references on email.inbound → ${m} workflows started in ${seconds.toFixed(1)} s: ${(m / seconds).toFixed(1)} starts/s (one starter, 3 partitions, includes consumer-group join)`);
  await pool(keys, 32, (k) => p.client.workflow.getHandle(workflowIdForEmailKey(k)).terminate('benchmark cleanup').catch(() => undefined));
  await deleteTopics(kafka, [topic]);
}

async function terminateWaiting(p: BenchPipeline): Promise<void> {
  const { rows } = await p.db.pool.query<{ email_key: string }>(`select email_key from emails where state not in ${FINAL}`);
  await pool(rows, 32, (r) => p.client.workflow.getHandle(workflowIdForEmailKey(r.email_key)).terminate('benchmark cleanup').catch(() => undefined));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  setLogLevel('error');
  const machine = machineInfo();
  const results: Results = { format: RESULTS_FORMAT, machine, startedAt: new Date().toISOString(), args: { ...args, only: [...args.only] } };
  out(`Réplique benchmarks — ${machine.cpuModel}, ${machine.nproc} cores, ${machine.memoryGb.toFixed(0)} GB, Node ${machine.node}, load ${machine.loadAvg.map((l) => l.toFixed(1)).join('/')}`);
  out();
  if (args.only.has('triage')) await benchTriage(args, results);

  const imapFolder = `bench-${Date.now().toString(36)}`;
  const imapAdmin = imapClient();
  const needsPipeline = ['latency', 'throughput', 'contention', 'waiting', 'intake'].some((s) => args.only.has(s));
  let imapReady = false;
  if (args.only.has('latency')) {
    try {
      await imapAdmin.connect();
      await imapAdmin.mailboxCreate(imapFolder);
      await imapAdmin.logout();
      imapReady = true;
    } catch (error) {
      out(`IMAP not available (${(error as Error).message}); IMAP latency skipped`);
    }
  }
  if (needsPipeline) {
    const p = await startBenchPipeline({ ...(imapReady ? { imapFolder } : {}) });
    try {
      if (args.only.has('latency')) await benchLatency(p, imapFolder, args, results);
      if (args.only.has('throughput')) await runThroughput(p, args, results);
      if (args.only.has('contention')) await runContention(p, args, results, resultsFile);
      if (args.only.has('intake')) await benchIntake(p, args, results);
      if (args.only.has('waiting')) {
        results.waiting = await benchWaiting(p, { waiting: args.waiting, budgetSeconds: args.waitingBudget, window: args.window, resumeBudgetSeconds: args.resumeBudget || undefined, seed: args.seed }, out);
      }
    } finally {
      await terminateWaiting(p).catch(() => undefined);
      await p.stop();
      if (imapReady) {
        const cleanup = imapClient();
        await cleanup.connect().then(() => cleanup.mailboxDelete(imapFolder)).then(() => cleanup.logout()).catch(() => undefined);
      }
    }
  }

  // The two goals side by side, from this run (issue 15: ratio ≥ 0.9; issue 17: p95 within 10 % of before encryption).
  if (results.throughput && results.latency) {
    const t = results.throughput;
    out();
    out(`summary: ratio ${t.ratio.toFixed(2)} (${t.ratioMin.toFixed(2)}–${t.ratioMax.toFixed(2)}), pipeline ${t.pipelineEmailsPerSec.toFixed(2)}/s; HTTP intake → SMTP accept p95 ${ms(results.latency.http.p95Ms)} (p50 ${ms(results.latency.http.p50Ms)}); load ${machine.loadAvg.map((l) => l.toFixed(1)).join('/')} at start`);
    if (results.contention) out(`  the pipeline's own extra CPU alone (${results.contention.deliveredCores.toFixed(2)} cores beside bare workflows) leaves a ratio of ${results.contention.ratio.toFixed(2)} (${results.contention.ratioMin.toFixed(2)}–${results.contention.ratioMax.toFixed(2)})`);
  }

  mkdirSync(resultsDir, { recursive: true });
  // A partial run (--only) keeps the other sections of the previous file, each with the time it was measured,
  // when that file has the same layout (RESULTS_FORMAT).
  const file = resultsFile;
  const sections = ['triage', 'latency', 'throughput', 'contention', 'waiting', 'intake'] as const;
  const measuredAt: Record<string, string> = {};
  /** The load average (1/5/15 min) when each section's run started: the figures are only as good as the machine was quiet. */
  const loadAtStart: Record<string, number[]> = {};
  for (const name of sections) {
    if (!results[name]) continue;
    measuredAt[name] = results.startedAt;
    loadAtStart[name] = machine.loadAvg;
  }
  if (args.only.size < sections.length && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as Results & { measuredAt?: Record<string, string>; loadAtStart?: Record<string, number[]> };
    for (const name of sections) {
      if (results[name] || !previous[name] || previous.format !== RESULTS_FORMAT) continue;
      (results as unknown as Record<string, unknown>)[name] = previous[name];
      measuredAt[name] = previous.measuredAt?.[name] ?? previous.startedAt;
      loadAtStart[name] = previous.loadAtStart?.[name] ?? previous.machine.loadAvg;
    }
  }
  writeFileSync(file, `${JSON.stringify({ ...results, measuredAt, loadAtStart }, null, 2)}\n`);
  const png = renderChart(results, path.join(resultsDir, 'latest.png'));
  out();
  out(`results: docs/benchmarks/latest.json${png ? ', chart: docs/benchmarks/latest.png' : ' (chart not rendered: no SVG→PNG converter)'}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

export type { Results };
