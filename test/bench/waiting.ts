/**
 * The benchmark's waiting section: W real emailWorkflows waiting for review at once, hosted by the production
 * worker (services/src/worker/main.ts) as a process of its own on a task queue of its own, so that its memory and
 * CPU are the worker's alone (read from /proc), and the Temporal server's beside it. Then one approval per email
 * arrives (a signal, as the CLI or the review tool would send) and the time until every reply is sent is measured.
 *
 * The emails (complaints, small refunds, address changes: one reviewer each) are stored in Postgres and started
 * through the starter's own `startEmailWorkflow` (intake skipped), at most `window` of them analysing at a time, as
 * mail arriving over a day would be, rather than 10,000 histories fighting over the worker's cache at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { emailKeyFor } from '@replique/activities/domain/email-key';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { reviewDecisionSignal, workflowIdForEmailKey } from '@replique/workflows/contracts';
import { repoRoot, shopFixture } from '../support/paths';
import { EmailGenerator } from './email-generator';
import type { BenchPipeline } from './bench-pipeline';
import { pool, sleep } from './bench-util';
import { cpuPercentOver, processCpuSeconds, processRssMb, temporalServer } from './proc-stats';

export interface WaitingOptions {
  waiting: number;
  /** Seconds allowed for starting and analysing them; fewer are measured when the machine is slower. */
  budgetSeconds: number;
  /** Emails started but not yet waiting, at most. */
  window: number;
  /** Seconds allowed for resuming them all (default: 2 s per workflow, at least 10 min); the count reached is reported. */
  resumeBudgetSeconds?: number;
  seed: number;
}

export interface WaitingResult {
  requested: number;
  workflows: number;
  secondsToAllWaiting: number;
  worker: { rssIdleMb: number; rssPeakMb: number; rssWaitingMb: number; cpuWaitingPct: number; maxCachedWorkflows: number | null };
  temporal: { rssBeforeMb: number; rssWaitingMb: number; cpuWaitingPct: number; dbBeforeMb: number; dbWaitingMb: number } | null;
  resumed: number;
  resumeSeconds: number;
  resumedPerSec: number;
  workerCpuSecondsPerResume: number;
  perThousandWaiting: { workerRssMb: number; temporalRssMb: number | null; temporalDbMb: number | null };
  extrapolated100k: { workerRssMb: number; temporalRssMb: number | null; temporalDbMb: number | null; resumeMinutes: number; note: string };
}

const FINAL = `('quarantined','suppressed','sent','rejected','send_failed')`;

/** The production worker as a child process; resolves once it logged that it started. */
async function startWorkerProcess(env: NodeJS.ProcessEnv, logFile: string): Promise<{ proc: ChildProcess; maxCachedWorkflows: number | null }> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const proc = spawn(process.execPath, ['--no-regexp-tier-up', '--import', 'tsx', path.join(repoRoot, 'services', 'src', 'worker', 'main.ts')], {
    cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  const maxCachedWorkflows = await new Promise<number | null>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      seen = (seen + chunk.toString('utf8')).slice(-8_000);
      const line = seen.split('\n').find((l) => l.includes('"worker started"'));
      if (line) resolve((JSON.parse(line) as { maxCachedWorkflows?: number }).maxCachedWorkflows ?? null);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code, signal) => reject(new Error(`worker exited during start (${code ?? signal}); log: ${logFile}`)));
  });
  proc.once('exit', () => log.end());
  return { proc, maxCachedWorkflows };
}

async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000).then(() => proc.kill('SIGKILL'))]);
}

export async function benchWaiting(p: BenchPipeline, options: WaitingOptions, out: (line?: string) => void): Promise<WaitingResult> {
  const taskQueue = `replique-bench-waiting-${p.run}`;
  const mailbox = `${p.mailbox}-waiting`;
  const logDir = mkdtempSync(path.join(os.tmpdir(), `replique-bench-${p.run}-`));
  const { proc, maxCachedWorkflows } = await startWorkerProcess({
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production',
    ...p.env, LOG_LEVEL: 'info', TEMPORAL_TASK_QUEUE: taskQueue, SMTP_PORT: String(p.sink.port), REPLIQUE_SHOP_FILE: shopFixture,
  }, path.join(logDir, 'worker.log'));
  const pid = proc.pid!;
  const server = temporalServer();
  try {
    await sleep(5_000);
    const rssIdle = processRssMb(pid);
    const temporalBefore = server.pid ? { rss: processRssMb(server.pid), db: server.dbMb() } : null;

    const emails = new EmailGenerator({ seed: options.seed + 3 }).batch(options.waiting, [['complaint', 1], ['refund_small', 1], ['change_address', 1]]);
    const counts = async () => (await p.db.pool.query<{ waiting: number; settled: number }>(
      `select count(*) filter (where state in ('waiting_review','escalated'))::int as waiting,
              count(*) filter (where state in ('waiting_review','escalated') or state in ${FINAL})::int as settled
       from emails where mailbox = $1`, [mailbox],
    )).rows[0]!;
    let settled = 0;
    let started = 0;
    let rssPeak = rssIdle;
    let lastPrint = Date.now();
    const t0 = performance.now();
    const watching = setInterval(() => {
      rssPeak = Math.max(rssPeak, processRssMb(pid));
      void counts().then((c) => (settled = c.settled), () => undefined);
      if (Date.now() - lastPrint > 60_000) {
        out(`  … ${settled} waiting or done, ${started} started, ${((performance.now() - t0) / 1000).toFixed(0)} s, worker RSS ${processRssMb(pid).toFixed(0)} MB`);
        lastPrint = Date.now();
      }
    }, 1_000);
    try {
      await pool(emails, 16, async (e) => {
        while (started - settled >= options.window) await sleep(200);
        if (performance.now() - t0 > options.budgetSeconds * 1000) return;
        started++;
        const stored = await storeRawEmail(p.db.pool, p.vault, { raw: e.raw, source: 'http', mailbox });
        const emailKey = emailKeyFor(mailbox, e.messageId, stored.sha256);
        await startEmailWorkflow({ db: p.db.pool, client: p.client, taskQueue }, {
          emailKey, rawId: String(stored.rawId), mailbox, source: 'http', receivedAt: new Date().toISOString(),
        });
      });
      while ((settled = (await counts()).settled) < started) await sleep(500);
    } finally {
      clearInterval(watching);
    }
    const secondsToAllWaiting = (performance.now() - t0) / 1000;
    const waitingNow = (await counts()).waiting;

    // While they wait: the worker and the server, side by side, over the same 30 s.
    await sleep(10_000);
    const [cpuWaitingPct, temporalCpu] = await Promise.all([
      cpuPercentOver(pid, 30_000),
      server.pid ? cpuPercentOver(server.pid, 30_000) : Promise.resolve(NaN),
    ]);
    const rssWaiting = processRssMb(pid);
    const temporal = temporalBefore && server.pid
      ? { rssBeforeMb: temporalBefore.rss, rssWaitingMb: processRssMb(server.pid), cpuWaitingPct: temporalCpu, dbBeforeMb: temporalBefore.db, dbWaitingMb: server.dbMb() }
      : null;
    out(`waiting: ${waitingNow} workflows waiting for a person at once (${options.waiting} requested, ${started} started; all analysed in ${secondsToAllWaiting.toFixed(0)} s, ≤ ${options.window} at a time)`);
    out(`  worker process (own process, sticky cache ${maxCachedWorkflows ?? '?'}): RSS ${rssIdle.toFixed(0)} MB idle → peak ${rssPeak.toFixed(0)} MB while analysing → ${rssWaiting.toFixed(0)} MB while they wait; CPU while waiting ${cpuWaitingPct.toFixed(1)} % of one core`);
    if (temporal) out(`  Temporal dev server: RSS ${temporal.rssBeforeMb.toFixed(0)} → ${temporal.rssWaitingMb.toFixed(0)} MB, CPU ${temporal.cpuWaitingPct.toFixed(1)} %; SQLite store ${temporal.dbBeforeMb.toFixed(0)} → ${temporal.dbWaitingMb.toFixed(0)} MB`);

    // Decisions arrive: one approval per email waiting for review. Escalated ones wait for an owner (left waiting).
    const waitingKeys = (await p.db.pool.query<{ email_key: string }>(
      `select email_key from emails where mailbox = $1 and state = 'waiting_review'`, [mailbox],
    )).rows.map((r) => r.email_key);
    const cpu0 = processCpuSeconds(pid);
    const r0 = performance.now();
    await pool(waitingKeys, 32, (k, i) =>
      p.client.workflow.getHandle(workflowIdForEmailKey(k)).signal(reviewDecisionSignal, { decisionId: `bench-${p.run}-${i}`, action: 'approve', reviewer: 'bench-reviewer' }),
    );
    const resumeDeadline = Date.now() + (options.resumeBudgetSeconds ?? Math.max(600, waitingKeys.length * 2)) * 1000;
    let resumed = 0;
    for (;;) {
      resumed = (await p.db.pool.query<{ n: number }>(`select count(*)::int as n from emails where mailbox = $1 and state in ${FINAL}`, [mailbox])).rows[0]!.n;
      if (resumed >= waitingKeys.length || Date.now() > resumeDeadline) break;
      if (Date.now() - lastPrint > 60_000) {
        out(`  … ${resumed}/${waitingKeys.length} resumed`);
        lastPrint = Date.now();
      }
      await sleep(500);
    }
    const resumeSeconds = (performance.now() - r0) / 1000;
    const workerCpuSecondsPerResume = (processCpuSeconds(pid) - cpu0) / Math.max(1, resumed);
    const resumedPerSec = resumed / resumeSeconds;

    const per = (delta: number) => (delta / Math.max(1, waitingNow)) * 1000;
    const perThousandWaiting = {
      workerRssMb: per(rssWaiting - rssIdle),
      temporalRssMb: temporal ? per(temporal.rssWaitingMb - temporal.rssBeforeMb) : null,
      temporalDbMb: temporal ? per(temporal.dbWaitingMb - temporal.dbBeforeMb) : null,
    };
    const at100k = (base: number, slope: number) => base + slope * 100;
    // The worker holds at most maxCachedWorkflows of them; the others live only in the server's histories. So its
    // growth is per cached workflow: spread over all those waiting, a run past the cache size would understate it.
    const cacheSize = maxCachedWorkflows ?? Number.POSITIVE_INFINITY;
    const workerMbPerCached = (rssWaiting - rssIdle) / Math.max(1, Math.min(waitingNow, cacheSize));
    const cachedAt100k = Math.min(100_000, cacheSize);
    const extrapolated100k = {
      workerRssMb: rssIdle + workerMbPerCached * cachedAt100k,
      temporalRssMb: temporal ? at100k(temporal.rssBeforeMb, perThousandWaiting.temporalRssMb!) : null,
      temporalDbMb: temporal ? at100k(temporal.dbBeforeMb, perThousandWaiting.temporalDbMb!) : null,
      resumeMinutes: 100_000 / resumedPerSec / 60,
      note: 'linear in the measured slopes (RSS and store growth per 1,000 waiting; resume rate of this run), the worker\'s RSS per cached workflow up to its cache size only. The worker keeps at most maxCachedWorkflows workflows in its sticky cache and replays an evicted one from history on its next task, so its memory is bounded by the cache, not by the number waiting; the server\'s store grows with the histories.',
    };
    out(`  resume: ${resumed}/${waitingKeys.length} approvals → replies sent in ${resumeSeconds.toFixed(0)} s (${resumedPerSec.toFixed(1)}/s; worker CPU ${(workerCpuSecondsPerResume * 1000).toFixed(0)} ms per resumed email)`);
    out(`  per 1,000 waiting: worker RSS ${perThousandWaiting.workerRssMb.toFixed(1)} MB` +
      (temporal ? `, server RSS ${perThousandWaiting.temporalRssMb!.toFixed(1)} MB, server store ${perThousandWaiting.temporalDbMb!.toFixed(1)} MB` : ''));
    out(`  on paper, 100,000 waiting: worker RSS ≈ ${extrapolated100k.workerRssMb.toFixed(0)} MB (${cachedAt100k} cached at most)` +
      (temporal ? `, server RSS ≈ ${extrapolated100k.temporalRssMb!.toFixed(0)} MB, server store ≈ ${extrapolated100k.temporalDbMb!.toFixed(0)} MB` : '') +
      `, resume all ≈ ${extrapolated100k.resumeMinutes.toFixed(0)} min at this rate`);
    return {
      requested: options.waiting, workflows: waitingNow, secondsToAllWaiting,
      worker: { rssIdleMb: rssIdle, rssPeakMb: rssPeak, rssWaitingMb: rssWaiting, cpuWaitingPct, maxCachedWorkflows },
      temporal, resumed, resumeSeconds, resumedPerSec, workerCpuSecondsPerResume, perThousandWaiting, extrapolated100k,
    };
  } finally {
    await stopProcess(proc);
  }
}
