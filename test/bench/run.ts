/**
 * `pnpm bench` — Réplique's benchmarks on the local stack (`pnpm stack up` first). Prints tables and ratios, writes
 * docs/benchmarks/latest.json and docs/benchmarks/latest.png. Not a test: nothing here passes or fails.
 *
 *   pnpm bench [--n 1000] [--latency 30] [--waiting 10000] [--waiting-budget 240] [--intake 2000] [--triage 500]
 *              [--only triage,latency,throughput,intake,waiting] [--seed 42]
 *
 * Sections: triage (pure decision code), latency (HTTP and IMAP receipt → SMTP accept, one email at a time),
 * throughput (N generated emails through the whole pipeline vs a bare workflow with as many no-op activities),
 * waiting (W workflows waiting for review: worker memory/CPU, time to resume them all), intake (Kafka → starts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { Runtime, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { setLogLevel } from '@replique/activities/logger';
import { triageRaw } from '@replique/activities/triage/triage';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { emailKeyFor } from '@replique/activities/domain/email-key';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { createEmailProducer } from '@replique/activities/adapters/kafka/email-producer';
import { buildTriageDeps } from '@replique/services/cli/triage-command';
import { runStarter } from '@replique/services/starter/main';
import { StarterEnvSchema } from '@replique/services/config/starter-config';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { reviewDecisionSignal, workflowIdForEmailKey } from '@replique/workflows/contracts';
import { repoRoot, shopFixture } from '../support/paths';
import { parseSinkFile } from '../support/smtp-sink';
import { deleteTopics } from '../adapters/stack-env';
import { EmailGenerator, type GeneratedEmail, type GeneratedKind } from './email-generator';
import { startBenchPipeline, type BenchPipeline } from './bench-pipeline';
import { bareWorkflowBundle } from './bare-bundle';
import { renderChart } from './chart';
import { percentile, pool, sleep, machineInfo, type Machine } from './bench-util';

interface Args {
  n: number;
  latency: number;
  waiting: number;
  intake: number;
  triage: number;
  /** Seconds allowed for starting the waiting workflows; fewer are measured when the machine is slower. */
  waitingBudget: number;
  seed: number;
  only: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const onlyAt = argv.indexOf('--only');
  const only = new Set(onlyAt >= 0 ? argv[onlyAt + 1]!.split(',') : ['triage', 'latency', 'throughput', 'waiting', 'intake']);
  return { n: get('n', 1000), latency: get('latency', 30), waiting: get('waiting', 10000), intake: get('intake', 2000), triage: get('triage', 500), waitingBudget: get('waiting-budget', 240), seed: get('seed', 42), only };
}

const FINAL = `('quarantined','suppressed','sent','rejected','send_failed')`;
const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

interface Results {
  machine: Machine;
  startedAt: string;
  args: Omit<Args, 'only'> & { only: string[] };
  triage?: { emails: number; p50Ms: number; p95Ms: number; meanMs: number };
  latency?: { http: LatencyResult; imap: LatencyResult | null };
  throughput?: {
    emails: number;
    pipelineEmailsPerSec: number;
    bareEmailsPerSec: number;
    ratio: number;
    activitiesPerEmail: number;
    routes: Record<string, number>;
    stages: Array<{ activity: string; count: number; meanMs: number; p95Ms: number; totalSharePct: number }>;
  };
  waiting?: {
    requested: number;
    workflows: number;
    heapWaitingMb: number;
    secondsToAllWaiting: number;
    rssBaselineMb: number;
    rssWaitingMb: number;
    rssPerThousandWaitingMb: number;
    idleCpuPct: number;
    maxCachedWorkflows: number;
    resumeSeconds: number;
    resumedPerSec: number;
    extrapolated100k: { rssMb: number; resumeMinutes: number; note: string };
  };
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

async function benchThroughput(p: BenchPipeline, args: Args, results: Results): Promise<void> {
  const emails = new EmailGenerator({ seed: args.seed }).batch(args.n);
  const before = await p.settledCount();
  p.stages.reset();
  const t0 = performance.now();
  await pool(emails, 16, async (e) => void (await p.deliver(e.raw)));
  for (;;) {
    if ((await p.settledCount()) - before >= emails.length) break;
    await sleep(100);
  }
  const pipelineSeconds = (performance.now() - t0) / 1000;
  let activityCount = 0;
  let totalMs = 0;
  for (const list of p.stages.durations.values()) {
    activityCount += list.length;
    totalMs += list.reduce((a, b) => a + b, 0);
  }
  const activitiesPerEmail = activityCount / emails.length;
  const stages = [...p.stages.durations.entries()]
    .map(([activity, list]) => ({
      activity,
      count: list.length,
      meanMs: list.reduce((a, b) => a + b, 0) / list.length,
      p95Ms: percentile(list, 95),
      totalSharePct: (100 * list.reduce((a, b) => a + b, 0)) / totalMs,
    }))
    .sort((a, b) => b.totalSharePct - a.totalSharePct);
  const { rows } = await p.db.pool.query<{ route: string | null; state: string; n: number }>(
    `select route, state, count(*)::int as n from emails group by route, state order by n desc`,
  );
  const routes: Record<string, number> = {};
  for (const r of rows) routes[`${r.route ?? '-'}/${r.state}`] = r.n;

  // The baseline: same server, same run, a worker with the same concurrency, as many no-op activities per workflow.
  const taskQueue = `bare-bench-${p.run}`;
  const nativeConnection = await NativeConnection.connect({ address: p.env.TEMPORAL_ADDRESS! });
  const bare = await Worker.create({
    connection: nativeConnection,
    namespace: p.env.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowBundle: await bareWorkflowBundle(),
    activities: { async noop() {} },
    maxConcurrentActivityTaskExecutions: p.workerConfig.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  const running = bare.run();
  const perWorkflow = Math.round(activitiesPerEmail);
  const b0 = performance.now();
  const handles = await pool(emails, 16, (_, i) =>
    p.client.workflow.start('bareWorkflow', { taskQueue, workflowId: `bare-${p.run}-${i}`, args: [perWorkflow] }),
  );
  await pool(handles, 64, (h) => h.result());
  const bareSeconds = (performance.now() - b0) / 1000;
  bare.shutdown();
  await running;
  await nativeConnection.close();

  const pipelineRate = emails.length / pipelineSeconds;
  const bareRate = emails.length / bareSeconds;
  results.throughput = {
    emails: emails.length,
    pipelineEmailsPerSec: pipelineRate,
    bareEmailsPerSec: bareRate,
    ratio: pipelineRate / bareRate,
    activitiesPerEmail,
    routes,
    stages,
  };
  out(`throughput, ${emails.length} generated emails (${Object.entries(countKinds(emails)).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  out(`  pipeline (HTTP intake → Kafka → starter → emailWorkflow → SMTP): ${pipelineRate.toFixed(1)} emails/s (${pipelineSeconds.toFixed(1)} s)`);
  out(`  bare workflow, ${perWorkflow} no-op activities each:           ${bareRate.toFixed(1)} workflows/s (${bareSeconds.toFixed(1)} s)`);
  out(`  ratio pipeline / bare: ${(pipelineRate / bareRate).toFixed(2)} (goal ≥ 0.8); ${activitiesPerEmail.toFixed(1)} activities per email`);
  out(`  outcomes (route/state): ${Object.entries(routes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out('  stage costs (activity wall time inside the worker):');
  out(`    ${'activity'.padEnd(22)} ${'count'.padStart(6)} ${'mean'.padStart(10)} ${'p95'.padStart(10)} ${'share'.padStart(7)}`);
  for (const s of stages) {
    out(`    ${s.activity.padEnd(22)} ${String(s.count).padStart(6)} ${ms(s.meanMs).padStart(10)} ${ms(s.p95Ms).padStart(10)} ${s.totalSharePct.toFixed(1).padStart(6)}%`);
  }
}

function countKinds(emails: GeneratedEmail[]): Partial<Record<GeneratedKind, number>> {
  const counts: Partial<Record<GeneratedKind, number>> = {};
  for (const e of emails) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}

function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

async function benchWaiting(p: BenchPipeline, args: Args, results: Results): Promise<void> {
  const w = args.waiting;
  // Emails that wait for one reviewer (complaints, small refunds, address changes); started without intake.
  const gen = new EmailGenerator({ seed: args.seed + 3 });
  const emails = gen.batch(w, [['complaint', 1], ['refund_small', 1], ['change_address', 1]]);
  const baseline = (await p.db.pool.query<{ n: number }>(`select count(*)::int as n from emails where state in ('waiting_review','escalated')`)).rows[0]!.n;
  const finalBefore = (await p.db.pool.query<{ n: number }>(`select count(*)::int as n from emails where state in ${FINAL}`)).rows[0]!.n;
  global.gc?.();
  const rss0 = rssMb();
  const t0 = performance.now();
  const started = await pool(emails, 24, async (e) => {
    if (performance.now() - t0 > args.waitingBudget * 1000) return null; // out of budget: measure what waits
    const stored = await storeRawEmail(p.db.pool, { raw: e.raw, source: 'http', mailbox: p.mailbox });
    const emailKey = emailKeyFor(p.mailbox, e.messageId, stored.sha256);
    await startEmailWorkflow({ db: p.db.pool, client: p.client, taskQueue: p.env.TEMPORAL_TASK_QUEUE }, {
      emailKey, rawId: String(stored.rawId), mailbox: p.mailbox, source: 'http', receivedAt: new Date().toISOString(),
    });
    return emailKey;
  });
  const keys = started.filter((k): k is string => k !== null);
  let waitingNow = 0;
  let lastPrint = Date.now();
  for (;;) {
    const { rows } = await p.db.pool.query<{ waiting: number; final: number }>(
      `select count(*) filter (where state in ('waiting_review','escalated'))::int as waiting, count(*) filter (where state in ${FINAL})::int as final from emails`,
    );
    waitingNow = rows[0]!.waiting - baseline;
    const settled = waitingNow + rows[0]!.final - finalBefore;
    if (settled >= keys.length) break;
    if (Date.now() - lastPrint > 30_000) {
      out(`  … ${settled}/${keys.length} settled`);
      lastPrint = Date.now();
    }
    await sleep(500);
  }
  const secondsToAllWaiting = (performance.now() - t0) / 1000;
  // While they wait: memory and CPU of the process that hosts the worker (the driver is idle).
  await sleep(5_000);
  global.gc?.();
  const rss1 = rssMb();
  const cpu0 = process.cpuUsage();
  const c0 = performance.now();
  await sleep(20_000);
  const cpu = process.cpuUsage(cpu0);
  const idleCpuPct = (100 * (cpu.user + cpu.system) / 1000) / (performance.now() - c0);
  const rss2 = Math.max(rss1, rssMb());

  // Decisions arrive: one approval per email waiting for review (a signal, as the CLI would send). Escalated ones
  // wait for an owner to take them over; they are left waiting and terminated at the end.
  const waitingKeys = (await p.db.pool.query<{ email_key: string }>(
    `select email_key from emails where state = 'waiting_review' and email_key = any($1)`, [keys],
  )).rows.map((r) => r.email_key);
  const r0 = performance.now();
  await pool(waitingKeys, 32, (k, i) =>
    p.client.workflow.getHandle(workflowIdForEmailKey(k)).signal(reviewDecisionSignal, { decisionId: `bench-${i}`, action: 'approve', reviewer: 'bench-reviewer' }),
  );
  for (;;) {
    const { rows } = await p.db.pool.query<{ n: number }>(`select count(*)::int as n from emails where state in ${FINAL} and email_key = any($1)`, [waitingKeys]);
    if (rows[0]!.n >= waitingKeys.length) break;
    if (Date.now() - lastPrint > 30_000) {
      out(`  … ${rows[0]!.n}/${waitingKeys.length} resumed`);
      lastPrint = Date.now();
    }
    await sleep(500);
  }
  const resumeSeconds = (performance.now() - r0) / 1000;
  const perThousand = ((rss2 - rss0) / Math.max(1, waitingNow)) * 1000;
  const resumedPerSec = waitingKeys.length / resumeSeconds;
  const maxCachedWorkflows = (p.worker.options as { maxCachedWorkflows?: number }).maxCachedWorkflows ?? -1;
  results.waiting = {
    requested: w,
    workflows: waitingNow,
    heapWaitingMb: process.memoryUsage().heapUsed / 1024 / 1024,
    secondsToAllWaiting,
    rssBaselineMb: rss0,
    rssWaitingMb: rss2,
    rssPerThousandWaitingMb: perThousand,
    idleCpuPct,
    maxCachedWorkflows,
    resumeSeconds,
    resumedPerSec,
    extrapolated100k: {
      rssMb: rss0 + perThousand * 100,
      resumeMinutes: 100_000 / resumedPerSec / 60,
      note: 'linear in the measured slope; the worker caches at most maxCachedWorkflows workflows (evicted ones are replayed from history on their next task), so RSS is bounded by the cache, not by the number waiting; waiting workflows cost the worker nothing between tasks (timers live on the server)',
    },
  };
  out(`waiting: ${waitingNow} workflows waiting for review at once (${w} requested, ${keys.length} started within the ${args.waitingBudget} s budget; all settled in ${secondsToAllWaiting.toFixed(0)} s)`);
  out(`  worker process RSS ${rss0.toFixed(0)} MB before → ${rss2.toFixed(0)} MB while they wait (${perThousand.toFixed(1)} MB per 1,000; sticky cache ${maxCachedWorkflows}); CPU while waiting ${idleCpuPct.toFixed(1)} % of one core`);
  out(`  resume: ${waitingKeys.length} approvals → all sent/final in ${resumeSeconds.toFixed(1)} s (${resumedPerSec.toFixed(1)}/s)`);
  out(`  on paper, 100,000 waiting: RSS ≈ ${(rss0 + perThousand * 100).toFixed(0)} MB if linear (bounded by the cache), resume ≈ ${(100_000 / resumedPerSec / 60).toFixed(0)} min at this rate on this machine`);
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
    const stored = await storeRawEmail(p.db.pool, { raw: e.raw, source: 'http', mailbox: p.mailbox });
    const emailKey = emailKeyFor(p.mailbox, e.messageId, stored.sha256);
    await producer.publishInbound({ emailKey, rawId: String(stored.rawId), mailbox: p.mailbox, source: 'http', receivedAt: new Date().toISOString() });
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
  const results: Results = { machine, startedAt: new Date().toISOString(), args: { ...args, only: [...args.only] } };
  out(`Réplique benchmarks — ${machine.cpuModel}, ${machine.nproc} cores, ${machine.memoryGb.toFixed(0)} GB, Node ${machine.node}, load ${machine.loadAvg.map((l) => l.toFixed(1)).join('/')}`);
  out();
  if (args.only.has('triage')) await benchTriage(args, results);

  const imapFolder = `bench-${Date.now().toString(36)}`;
  const imapAdmin = imapClient();
  const needsPipeline = ['latency', 'throughput', 'waiting', 'intake'].some((s) => args.only.has(s));
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
      if (args.only.has('throughput')) await benchThroughput(p, args, results);
      if (args.only.has('intake')) await benchIntake(p, args, results);
      if (args.only.has('waiting')) await benchWaiting(p, args, results);
    } finally {
      await terminateWaiting(p).catch(() => undefined);
      await p.stop();
      if (imapReady) {
        const cleanup = imapClient();
        await cleanup.connect().then(() => cleanup.mailboxDelete(imapFolder)).then(() => cleanup.logout()).catch(() => undefined);
      }
    }
  }

  const dir = path.join(repoRoot, 'docs', 'benchmarks');
  mkdirSync(dir, { recursive: true });
  // A partial run (--only) keeps the other sections of the previous file, each with the time it was measured.
  const file = path.join(dir, 'latest.json');
  const sections = ['triage', 'latency', 'throughput', 'waiting', 'intake'] as const;
  const measuredAt: Record<string, string> = {};
  for (const name of sections) if (results[name]) measuredAt[name] = results.startedAt;
  if (args.only.size < sections.length && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as Results & { measuredAt?: Record<string, string> };
    for (const name of sections) {
      if (results[name] || !previous[name]) continue;
      (results as unknown as Record<string, unknown>)[name] = previous[name];
      measuredAt[name] = previous.measuredAt?.[name] ?? previous.startedAt;
    }
  }
  writeFileSync(file, `${JSON.stringify({ ...results, measuredAt }, null, 2)}\n`);
  const png = renderChart(results, path.join(dir, 'latest.png'));
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
