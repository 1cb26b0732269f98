/**
 * The fault-injection run, shared by the short form (test/faults/short.test.ts, inside `pnpm test`) and the full
 * form (`pnpm faults`, test/faults/run.ts).
 *
 * Réplique runs as real processes — intake (HTTP + IMAP), starter, worker — each a child we can `kill -9`, on the
 * local stack with resources of their own (database, topics, consumer group, task queue, IMAP folder, SMTP peer).
 * Generated emails of every route, duplicates (×5 through HTTP, IMAP and Kafka), MIME corpora and hostile text
 * are driven in while faults are injected one kind at a time and mixed; reviewers decide meanwhile. Then the
 * invariants are checked from what the SMTP peer captured and what Postgres holds — never from logs:
 *   every email in a known final or waiting state · 0 lost · 0 duplicate replies (per In-Reply-To and per
 *   Message-ID at the peer) · 0 replies to machine mail · no PII in logs, workflow IDs or search attributes ·
 *   the audit log complete.
 *
 * Shared-stack restarts (Temporal, Postgres, Kafka, Dovecot) only happen with `restartStack` (the full form):
 * they would break other test files running at the same time in `pnpm test`. The short form injects the faults
 * that stay inside its own resources: process kills (worker, including between "SMTP accepted" and "recorded as
 * sent"; starter, hence Kafka consumer redelivery; intake), its own SMTP peer's faults, and severed Postgres
 * connections of its own database (pg_terminate_backend).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { emailKeyFor, extractMessageIdHeader, rawSha256 } from '@replique/activities/domain/email-key';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { createKafka, ensureTopics } from '@replique/activities/adapters/kafka/kafka-client';
import { createEmailProducer } from '@replique/activities/adapters/kafka/email-producer';
import { decideUpdate, reviewDecisionSignal, workflowIdForEmailKey } from '@replique/workflows/contracts';
import { withTestDatabase, type TestDatabase } from '../support/pg';
import { freePort } from '../support/smtp-sink';
import { startFaultSmtpPeer, type FaultSmtpPeer } from '../support/fault-smtp-sink';
import { repoRoot, shopFixture, sharedRoot } from '../support/paths';
import { deleteTopics } from '../adapters/stack-env';
import { EmailGenerator, MACHINE_KINDS, loadShop, type GeneratedEmail } from '../bench/email-generator';
import { TEST_DATA_KEKS, testVault } from '../support/data-keks';

export interface FaultRunOptions {
  /** Generated customer/machine emails (duplicates, poison and hostile ones come on top). */
  emails: number;
  poison: number;
  hostile: number;
  /** How long deliveries are spread over, and faults injected during (ms). */
  driveMs: number;
  /** Kill/restart the shared stack's Temporal, Postgres, Kafka and Dovecot too (full form only). */
  restartStack: boolean;
  /** Probability that the worker kills itself between SMTP acceptance and recording it. */
  killAfterAccept: number;
  /** The first worker kills itself right after its Nth accepted reply, before recording it (0: never). */
  killAfterAcceptNth: number;
  /** Give up waiting for a settled state after this long (ms). */
  settleTimeoutMs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface FaultRunSummary {
  emails: number;
  deliveries: number;
  refusedAtIntake: number;
  faults: Record<string, number>;
  states: Record<string, number>;
  lost: string[];
  unsettled: string[];
  duplicateReplies: string[];
  repliesToMachineMail: string[];
  piiInLogs: string[];
  badWorkflowIds: string[];
  piiInSearchAttributes: string[];
  auditGaps: string[];
  outcomeUnknown: number;
  peerMessages: number;
  seconds: number;
}

const TOKEN = 'fault-token-0123456789abcdef';
const FINAL = ['quarantined', 'suppressed', 'sent', 'rejected', 'send_failed'];
const WAITING = ['waiting_review', 'escalated'];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A timer that does not keep the process (or jest) alive. */
const idle = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** One of Réplique's processes as a child we can SIGKILL and start again; its output appended to one log file. */
class Child {
  private proc: ChildProcess | null = null;
  starts = 0;
  /** True from a deliberate kill until the process is up again (the watchdog leaves it alone meanwhile). */
  busy = false;
  constructor(
    readonly name: string,
    private readonly script: string,
    readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    private readonly readyLine: string,
  ) {}

  async start(): Promise<void> {
    this.busy = true;
    try {
      await this.spawnAndWait();
    } finally {
      this.busy = false;
    }
  }

  private async spawnAndWait(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    await new Promise<void>((r) => log.once('open', () => r()));
    // node itself with tsx's loader (not the tsx wrapper, which runs node as a child: SIGKILL must reach the service).
    const proc = spawn(process.execPath, ['--import', 'tsx', this.script], { cwd: repoRoot, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    this.starts++;
    let seen = '';
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log.write(chunk);
        seen = (seen + chunk.toString('utf8')).slice(-4_000);
        if (seen.includes(this.readyLine)) resolve();
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (code, signal) => reject(new Error(`${this.name} exited during start (${code ?? signal})`)));
    });
    proc.once('exit', () => setTimeout(() => log.end(), 100));
    await Promise.race([ready, idle(90_000).then(() => Promise.reject(new Error(`${this.name} did not start in 90 s`)))]);
  }

  async kill9(): Promise<void> {
    this.busy = true;
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGKILL');
    await exited;
  }

  get alive(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.alive) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    await Promise.race([exited, idle(10_000).then(() => proc.kill('SIGKILL'))]);
  }
}

/** Files of the MIME corpora in shared/external, read at run time (never copied into the repository). */
function corpusFiles(limit: number, rand: () => number): string[] {
  const roots = ['enmime-testdata', 'mikel-mail-fixtures', 'nodemailer-mailparser', 'mimekit-testdata'].map((d) => path.join(sharedRoot, 'external', d));
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(eml|raw|txt|msg|mbox)$|^[^.]+$/i.test(e.name) && !/LICENSE|README|SOURCE/i.test(e.name) && statSync(full).size < 2_000_000) files.push(full);
    }
  };
  roots.forEach(walk);
  files.sort();
  const picked: string[] = [];
  while (picked.length < Math.min(limit, files.length)) {
    const f = files[Math.floor(rand() * files.length)]!;
    if (!picked.includes(f)) picked.push(f);
  }
  return picked;
}

/** Injection strings from the BIPIA set (text attacks), read at run time. */
function hostileTexts(limit: number, rand: () => number): string[] {
  const file = path.join(sharedRoot, 'external', 'bipia-email-injection', 'text_attack_test.json');
  if (!existsSync(file)) return [];
  const all = Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>).flat();
  return Array.from({ length: limit }, () => all[Math.floor(rand() * all.length)]!);
}

/** A poison message under a fresh Message-ID header (so two runs never share it), or as-is when it has none. */
function freshPoison(file: string, run: string, i: number): Buffer {
  const raw = readFileSync(file);
  const text = raw.toString('latin1');
  const id = `poison-${run}-${i}@faults.replique.example`;
  if (/^Message-ID:/im.test(text)) return Buffer.from(text.replace(/^Message-ID:.*$/im, `Message-ID: <${id}>`), 'latin1');
  return Buffer.concat([Buffer.from(`Message-ID: <${id}>\r\n`), raw]);
}

export async function runFaultSuite(options: FaultRunOptions): Promise<FaultRunSummary> {
  const say = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const t0 = Date.now();
  const run = randomBytes(4).toString('hex');
  const faults: Record<string, number> = {};
  const fault = (kind: string) => {
    faults[kind] = (faults[kind] ?? 0) + 1;
    say(`  fault +${((Date.now() - t0) / 1000).toFixed(0)}s: ${kind}`);
  };

  const db: TestDatabase = await withTestDatabase();
  const peer: FaultSmtpPeer = await startFaultSmtpPeer();
  const logDir = mkdtempSync(path.join(os.tmpdir(), `replique-faults-${run}-`));
  const mailbox = `support-faults-${run}`;
  const imapFolder = `faults-${run}`;
  const intakePort = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: db.databaseUrl,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_INBOUND: `email.inbound.faults-${run}`,
    KAFKA_TOPIC_EVENTS: `email.events.faults-${run}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_TEST_NAMESPACE ?? 'replique-test',
    TEMPORAL_TASK_QUEUE: `replique-faults-${run}`,
    /** Customer text sealed at rest by every process, as in production (the run's own stored raws too). */
    DATA_KEKS: TEST_DATA_KEKS,
    IMAP_HOST: process.env.IMAP_HOST ?? '127.0.0.1',
    IMAP_PORT: process.env.IMAP_PORT ?? '1143',
    IMAP_USER: process.env.IMAP_USER ?? 'support',
    IMAP_PASSWORD: process.env.IMAP_PASSWORD ?? 'secret',
  };

  const imapClient = () => {
    const c = new ImapFlow({
      host: env.IMAP_HOST!, port: Number(env.IMAP_PORT), secure: false,
      auth: { user: env.IMAP_USER!, pass: env.IMAP_PASSWORD! }, logger: false,
    });
    c.on('error', () => undefined); // an idle timeout or a server restart: the next call reconnects
    return c;
  };
  const admin = imapClient();
  await admin.connect();
  await admin.mailboxCreate(imapFolder);
  await admin.logout();

  // One bundle for every worker start (bundling is the slow part of starting a worker).
  const bundleFile = path.join(logDir, 'workflow-bundle.js');
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('@replique/workflows/workflows'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  writeFileSync(bundleFile, bundle.code);

  const worker = new Child('worker', path.join(repoRoot, 'test', 'faults', 'fault-worker.ts'), {
    ...env, SMTP_PORT: String(peer.port), REPLIQUE_SHOP_FILE: shopFixture, FAULT_WORKFLOW_BUNDLE: bundleFile,
    FAULT_KILL_AFTER_ACCEPT: String(options.killAfterAccept), FAULT_KILL_AFTER_ACCEPT_NTH: String(options.killAfterAcceptNth), WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
  }, path.join(logDir, 'worker.log'), 'worker started');
  const starter = new Child('starter', path.join(repoRoot, 'services', 'src', 'starter', 'main.ts'), {
    ...env, STARTER_GROUP_ID: `starter-faults-${run}`,
  }, path.join(logDir, 'starter.log'), 'starter consuming');
  const intake = new Child('intake', path.join(repoRoot, 'services', 'src', 'intake', 'main.ts'), {
    ...env, REPLIQUE_MAILBOX: mailbox, INTAKE_HTTP_PORT: String(intakePort), INTAKE_TOKEN: TOKEN,
    INTAKE_IMAP_ENABLED: 'true', IMAP_FOLDER: imapFolder, IMAP_POLL_INTERVAL_MS: '2000', IMAP_BATCH_SIZE: '10',
  }, path.join(logDir, 'intake.log'), 'HTTP intake listening');

  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const kafka = createKafka(env.KAFKA_BROKERS!.split(','), `faults-driver-${run}`);
  await ensureTopics(kafka, [env.KAFKA_TOPIC_INBOUND!, env.KAFKA_TOPIC_EVENTS!]);
  const producer = createEmailProducer(kafka, { inbound: env.KAFKA_TOPIC_INBOUND!, events: env.KAFKA_TOPIC_EVENTS! });
  await producer.connect();

  const summary: FaultRunSummary = {
    emails: 0, deliveries: 0, refusedAtIntake: 0, faults, states: {}, lost: [], unsettled: [], duplicateReplies: [],
    repliesToMachineMail: [], piiInLogs: [], badWorkflowIds: [], piiInSearchAttributes: [], auditGaps: [],
    outcomeUnknown: 0, peerMessages: 0, seconds: 0,
  };

  try {
    // Worker first: it migrates and seeds the CRM the others read.
    await worker.start();
    await Promise.all([starter.start(), intake.start()]);
    say(`  processes up (+${((Date.now() - t0) / 1000).toFixed(0)}s); logs in ${logDir}`);

    // A worker that killed itself (after an SMTP acceptance) is restarted, as a supervisor would.
    let watching = true;
    const watchdog = (async () => {
      while (watching) {
        await sleep(500);
        if (watching && !worker.alive && !worker.busy) {
          fault('worker killed itself between SMTP accept and its record (restarted)');
          worker.env.FAULT_KILL_AFTER_ACCEPT_NTH = '0';
          await worker.start().catch((error: unknown) => say(`  worker restart failed: ${String(error)}`));
        }
      }
    })();

    // ---- what we drive in
    const gen = new EmailGenerator({ seed: options.seed, run: `f${run}` });
    const rand = (() => { let x = options.seed * 7919 + 1; return () => ((x = (x * 48271) % 2147483647) / 2147483647); })();
    const generated = gen.batch(options.emails);
    const hostile = hostileTexts(options.hostile, rand).map((text) => gen.email('hostile', { hostileText: text }));
    const poison = corpusFiles(options.poison, rand).map((file, i) => ({ file, raw: freshPoison(file, run, i) }));
    const all: GeneratedEmail[] = [...generated, ...hostile];
    /** emailKey → what it is; filled as intake answers (HTTP) or computed (IMAP, Kafka). */
    const expected = new Map<string, { kind: string; messageId: string | null; machine: boolean }>();
    const keyOf = (raw: Buffer) => emailKeyFor(mailbox, extractMessageIdHeader(raw), rawSha256(raw));
    const dupHttp = all.slice(0, 3);
    const dupImap = all.slice(3, 6);
    const dupKafka = all.slice(6, 9);

    const deliverHttp = async (raw: Buffer): Promise<string | null> => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        try {
          const res = await fetch(`http://127.0.0.1:${intakePort}/intake/raw`, {
            method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' }, body: raw,
            signal: AbortSignal.timeout(15_000),
          });
          if (res.status === 202) return ((await res.json()) as { emailKey: string }).emailKey;
          if (res.status >= 400 && res.status < 500) return null; // refused at the door, with a reason: not lost
        } catch {
          // intake down or restarting: the sender retries, as an MTA would
        }
        if (Date.now() > deadline) throw new Error('HTTP intake unreachable for 120 s');
        await sleep(500);
      }
    };
    // An ImapFlow client cannot connect twice: after a lost connection (a Dovecot restart) the sender opens a new one.
    const connectedImap = () => {
      const c = imapClient();
      const session = c.connect().then(() => c);
      session.catch(() => undefined); // a failed connect is seen (and retried) by the next sender
      return session;
    };
    let imapSession = connectedImap();
    await imapSession;
    const deliverImap = async (raw: Buffer) => {
      for (let i = 0; ; i++) {
        try {
          const session = imapSession;
          const imap = await session.catch(() => null);
          if (!imap?.usable) {
            if (imapSession === session) imapSession = connectedImap(); // one reconnect for all senders
            imap?.close();
            throw new Error('IMAP session lost');
          }
          await imap.append(imapFolder, raw);
          return;
        } catch (error) {
          if (i > 40) throw error;
          await sleep(1_000);
        }
      }
    };

    // Deliveries, spread over the drive window.
    type Job = () => Promise<void>;
    const jobs: Job[] = [];
    for (const e of all) {
      const viaImap = !dupHttp.includes(e) && !dupKafka.includes(e) && (dupImap.includes(e) || rand() < 0.1);
      jobs.push(async () => {
        expected.set(keyOf(e.raw), { kind: e.kind, messageId: e.messageId, machine: MACHINE_KINDS.has(e.kind) });
        summary.deliveries++;
        if (viaImap) await deliverImap(e.raw);
        else if ((await deliverHttp(e.raw)) === null) throw new Error(`generated email refused by intake: ${e.kind}`);
      });
    }
    for (const [i, p] of poison.entries()) {
      jobs.push(async () => {
        summary.deliveries++;
        const key = await deliverHttp(p.raw);
        if (key) expected.set(key, { kind: `poison:${path.relative(sharedRoot, p.file)}`, messageId: `poison-${run}-${i}@faults.replique.example`, machine: false });
        else summary.refusedAtIntake++;
      });
    }
    // Duplicates ×5: the same bytes again through HTTP and IMAP; the same reference again on Kafka.
    for (const e of dupHttp) for (let k = 0; k < 4; k++) jobs.push(async () => { summary.deliveries++; await deliverHttp(e.raw); });
    for (const e of dupImap) for (let k = 0; k < 4; k++) jobs.push(async () => { summary.deliveries++; await deliverImap(e.raw); });
    for (const e of dupKafka) {
      jobs.push(async () => {
        const stored = await storeRawEmail(db.pool, testVault(db.pool), { raw: e.raw, source: 'http', mailbox });
        const emailKey = keyOf(e.raw);
        for (let k = 0; k < 5; k++) {
          summary.deliveries++;
          await producer.publishInbound({ emailKey, rawId: String(stored.rawId), mailbox, source: 'http', receivedAt: new Date().toISOString() });
        }
      });
    }
    // Shuffle, then deliver at a steady pace over driveMs with a few in flight.
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
    }
    summary.emails = all.length + poison.length;
    say(`  driving ${summary.emails} emails (${generated.length} generated, ${hostile.length} hostile, ${poison.length} MIME corpus files) + duplicates over ${(options.driveMs / 1000).toFixed(0)} s`);
    const gap = options.driveMs / jobs.length;
    const driving = (async () => {
      const inFlight = new Set<Promise<void>>();
      for (const job of jobs) {
        const p = job().finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= 6) await Promise.race(inFlight);
        await sleep(gap);
      }
      await Promise.all(inFlight);
    })();

    // ---- reviewers: approve, edit or reject what waits (a duplicate click now and then); refunds need two people
    let deciding = true;
    const decided = new Set<string>();
    const reviewing = (async () => {
      while (deciding) {
        await sleep(2_000);
        const { rows } = await db.pool.query<{ email_key: string; state: string }>(
          `select email_key, state from emails where state in ('waiting_review','escalated')`,
        ).catch(() => ({ rows: [] as Array<{ email_key: string; state: string }> }));
        for (const { email_key: key, state } of rows) {
          if (decided.has(key)) continue;
          if (state === 'escalated' && rand() < 0.5) { decided.add(key); continue; } // left waiting for a human owner
          decided.add(key);
          const handle = client.workflow.getHandle(workflowIdForEmailKey(key));
          const r = rand();
          const action = r < 0.6 ? 'approve' : r < 0.75 ? 'edit' : 'reject';
          const decision = { decisionId: `fault-${key.slice(0, 12)}-1`, action, reviewer: 'alice', ...(action === 'edit' ? { body: 'Bonjour,\n\nNous revenons vers vous très vite.\n\nLe service client' } : {}) } as const;
          try {
            await handle.signal(reviewDecisionSignal, decision);
            if (rand() < 0.3) await handle.signal(reviewDecisionSignal, decision); // the same click twice
            if (action !== 'reject') {
              // a second, different reviewer: needed for large refunds (an edit is the first approval), refused as
              // already handled otherwise
              await handle.executeUpdate(decideUpdate, { args: [{ decisionId: `fault-${key.slice(0, 12)}-2`, action: 'approve', reviewer: 'bob' }] }).catch(() => undefined);
            }
          } catch {
            decided.delete(key); // Temporal unreachable (restart): try again next round
          }
        }
      }
    })();

    // ---- faults, one kind at a time, then mixed
    const t0Drive = Date.now();
    const at = (fraction: number) => sleep(Math.max(0, t0Drive + fraction * options.driveMs - Date.now()));
    const restartStack = async (component: string) => {
      fault(`${component} restart`);
      // Asynchronously: the children's log pipes must keep draining meanwhile.
      await promisify(execFile)('bash', [path.join(repoRoot, 'infra', 'local', 'stack.sh'), 'restart', component]);
    };
    const smtpPhase = async (kind: string, opts: string[], ms: number) => {
      fault(kind);
      await peer.switchTo(opts);
      await sleep(ms);
      await peer.switchTo([]);
    };
    const severPostgres = async () => {
      fault('postgres connections severed (pg_terminate_backend on this database)');
      await db.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [db.name]).catch(() => undefined);
    };
    const killWorker = async () => {
      fault('worker SIGKILL');
      await worker.kill9();
      await worker.start();
    };
    const injecting = (async () => {
      await at(0.08); await killWorker();
      await at(0.16); await smtpPhase('SMTP 4xx at RCPT', ['-r', 'RCPT'], 6_000);
      await at(0.26); fault('starter SIGKILL (Kafka consumer redelivery)'); await starter.kill9(); await starter.start();
      await at(0.32); await smtpPhase('SMTP slow accept (3 s before answering DATA)', ['-w', '3'], 8_000);
      await at(0.44); await severPostgres();
      await at(0.48); await smtpPhase('SMTP connection drop after DATA (no reply to the final dot)', ['-q', '.'], 4_000);
      await at(0.56); fault('intake SIGKILL'); await intake.kill9(); await intake.start();
      await at(0.62); await smtpPhase('SMTP 5xx at RCPT', ['-f', 'RCPT'], 3_000);
      if (options.restartStack) {
        await at(0.66); await restartStack('postgres');
        await at(0.72); await restartStack('kafka');
        await at(0.78); await restartStack('temporal');
        await at(0.84); await restartStack('imap');
      }
      // mixed: several at once
      await at(0.88);
      fault('mixed: worker SIGKILL + starter SIGKILL + severed Postgres + SMTP 4xx');
      worker.env.FAULT_KILL_AFTER_ACCEPT = '0';
      await Promise.all([worker.kill9(), starter.kill9(), severPostgres(), peer.switchTo(['-r', 'RCPT'])]);
      await Promise.all([worker.start(), starter.start()]);
      await sleep(3_000);
      await peer.switchTo([]);
    })();

    await Promise.all([driving, injecting]);
    // From here on the worker no longer kills itself: what remains is for the retries to finish.
    worker.env.FAULT_KILL_AFTER_ACCEPT = '0';
    say(`  all delivered and faults injected (+${((Date.now() - t0) / 1000).toFixed(0)}s); settling`);
    await imapSession.then((imap) => imap.logout()).catch(() => undefined);
    // Some kills land between SMTP acceptance and its record, or mid-activity: the activity's timeout must pass
    // before Temporal retries it (2 min for sendReply). Keep the worker alive, and restart it if it killed itself.
    const settleDeadline = Date.now() + options.settleTimeoutMs;
    let lastReport = Date.now();
    for (;;) {
      const { rows } = await db.pool.query<{ email_key: string; state: string }>(`select email_key, state from emails`);
      const state = new Map(rows.map((r) => [r.email_key, r.state]));
      const pending = [...expected.keys()].filter((k) => {
        const s = state.get(k);
        if (!s) return true;
        if (FINAL.includes(s)) return false;
        return !(WAITING.includes(s) && (!decided.has(k) || s === 'escalated'));
      });
      if (pending.length === 0) break;
      if (Date.now() > settleDeadline) break;
      if (Date.now() - lastReport > 60_000) {
        say(`  settling (+${((Date.now() - t0) / 1000).toFixed(0)}s): ${pending.length} not yet final or waiting`);
        lastReport = Date.now();
      }
      await sleep(2_000);
    }
    deciding = false;
    watching = false;
    await Promise.all([reviewing, watchdog]);
    // Anything still in flight gets a few seconds to land at the peer before counting.
    await sleep(3_000);

    // ---- invariants, from the SMTP peer and Postgres
    const { rows } = await db.pool.query<{ email_key: string; state: string; state_reason: string | null; workflow_id: string; route: string | null }>(
      `select email_key, state, state_reason, workflow_id, route from emails`,
    );
    const byKey = new Map(rows.map((r) => [r.email_key, r]));
    for (const r of rows) summary.states[r.state] = (summary.states[r.state] ?? 0) + 1;
    for (const [key, what] of expected) {
      const row = byKey.get(key);
      if (!row) summary.lost.push(`${what.kind} ${key.slice(0, 12)}`);
      else if (!FINAL.includes(row.state) && !WAITING.includes(row.state)) summary.unsettled.push(`${what.kind} ${key.slice(0, 12)}: ${row.state}`);
    }
    summary.outcomeUnknown = rows.filter((r) => r.state_reason === 'SendOutcomeUnknown').length;

    const peerMessages = peer.messages();
    summary.peerMessages = peerMessages.length;
    const count = (values: Array<string | null>) => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    for (const [id, n] of count(peerMessages.map((m) => m.inReplyTo))) if (n > 1) summary.duplicateReplies.push(`${n} replies In-Reply-To ${id}`);
    for (const [id, n] of count(peerMessages.map((m) => m.messageId))) if (n > 1) summary.duplicateReplies.push(`${n} copies of Message-ID ${id}`);
    const machineIds = new Set([...expected.values()].filter((w) => w.machine).map((w) => w.messageId));
    for (const m of peerMessages) if (m.inReplyTo && machineIds.has(m.inReplyTo)) summary.repliesToMachineMail.push(m.inReplyTo);

    // PII: the shop's customer addresses, and every address/phone the driven emails carried.
    const shop = loadShop();
    const pii = new Set<string>([...shop.customers.map((c) => c.email.toLowerCase()), ...all.flatMap((e) => e.pii.map((p) => p.toLowerCase()))]);
    for (const file of ['worker.log', 'starter.log', 'intake.log']) {
      const text = existsSync(path.join(logDir, file)) ? readFileSync(path.join(logDir, file), 'utf8').toLowerCase() : '';
      for (const value of pii) if (value.length > 5 && text.includes(value)) summary.piiInLogs.push(`${file}: ${value.replace(/^(.{2}).*(.{4})$/, '$1…$2')}`);
    }
    for (const r of rows) if (!/^email-[0-9a-f]{32}$/.test(r.workflow_id)) summary.badWorkflowIds.push(r.workflow_id);
    // Search attributes of a sample of workflows: Réplique's own (Route, Intent, EmailState) hold enums only.
    for (const r of rows.slice(0, 40)) {
      try {
        const d = await client.workflow.getHandle(r.workflow_id).describe();
        const sa = d.searchAttributes as Record<string, unknown>;
        const values = JSON.stringify([sa.Route, sa.Intent, sa.EmailState]).toLowerCase();
        for (const value of pii) if (value.length > 5 && values.includes(value)) summary.piiInSearchAttributes.push(r.workflow_id);
        if (/@|\d{6}/.test(values)) summary.piiInSearchAttributes.push(`${r.workflow_id}: ${values}`);
      } catch {
        // closed and already gone from visibility: nothing to check
      }
    }
    // Audit: each email's stage rows, as far as it went.
    const audit = await db.pool.query<{ email_key: string; stage: string; event: string }>(`select email_key, stage, event from audit_log where email_key is not null`);
    const trail = new Map<string, Set<string>>();
    for (const a of audit.rows) {
      const set = trail.get(a.email_key) ?? new Set<string>();
      set.add(`${a.stage}:${a.event}`);
      trail.set(a.email_key, set);
    }
    for (const r of rows) {
      const t = trail.get(r.email_key) ?? new Set<string>();
      const need = ['start:workflow_started', 'state:analysing'];
      if (FINAL.includes(r.state) || WAITING.includes(r.state)) need.push(`state:${r.state}`);
      if (r.state !== 'quarantined') need.push('read:done');
      if (r.state === 'sent') need.push('route:' + (r.route ?? '?'));
      if (r.state === 'sent' && !t.has('send:accepted') && !t.has('send:already_accepted')) need.push('send:accepted');
      if (r.state === 'quarantined' && !t.has('read:quarantined')) need.push('read:quarantined');
      const missing = need.filter((n) => !t.has(n));
      if (missing.length) summary.auditGaps.push(`${r.email_key.slice(0, 12)} (${r.state}): missing ${missing.join(', ')}`);
    }
  } finally {
    summary.seconds = (Date.now() - t0) / 1000;
    await Promise.all([worker.stop(), starter.stop(), intake.stop()]);
    // Workflows left waiting for a person: terminated, so the shared server does not keep them forever.
    const waiting = await db.pool.query<{ workflow_id: string }>(`select workflow_id from emails where state not in ('quarantined','suppressed','sent','rejected','send_failed')`).catch(() => ({ rows: [] }));
    for (const { workflow_id: id } of waiting.rows) await client.workflow.getHandle(id).terminate('fault suite cleanup').catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await connection.close().catch(() => undefined);
    await peer.stop();
    await deleteTopics(kafka, [env.KAFKA_TOPIC_INBOUND!, env.KAFKA_TOPIC_EVENTS!]);
    const cleanup = imapClient();
    await cleanup.connect().then(() => cleanup.mailboxDelete(imapFolder)).then(() => cleanup.logout()).catch(() => undefined);
    await db.close();
  }
  return summary;
}

export function printSummary(s: FaultRunSummary, say: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const faultCount = Object.values(s.faults).reduce((a, b) => a + b, 0);
  say(`fault suite: ${s.emails} emails (${s.deliveries} deliveries incl. duplicates; ${s.refusedAtIntake} refused at intake with a reason), ${faultCount} faults injected (${Object.entries(s.faults).map(([k, v]) => `${k} ×${v}`).join('; ')})`);
  say(`  final states: ${Object.entries(s.states).map(([k, v]) => `${k} ${v}`).join(', ')}; ${s.outcomeUnknown} held as send outcome unknown; ${s.peerMessages} messages at the SMTP peer; ${s.seconds.toFixed(0)} s`);
  say(`  lost ${s.lost.length}, unsettled ${s.unsettled.length}, duplicates ${s.duplicateReplies.length}, replies to machine mail ${s.repliesToMachineMail.length}, PII in logs ${s.piiInLogs.length}, bad workflow IDs ${s.badWorkflowIds.length}, PII in search attributes ${s.piiInSearchAttributes.length}, audit gaps ${s.auditGaps.length}`);
  for (const [name, list] of Object.entries({ lost: s.lost, unsettled: s.unsettled, duplicates: s.duplicateReplies, machine: s.repliesToMachineMail, pii: s.piiInLogs, ids: s.badWorkflowIds, attrs: s.piiInSearchAttributes, audit: s.auditGaps })) {
    for (const item of list.slice(0, 10)) say(`    ${name}: ${item}`);
  }
}
