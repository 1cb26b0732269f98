/**
 * `replique map [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--topics N] [--seed S] [--workers N]
 * [--sample N] [--out DIR] DIR|--mailbox`: the inbox map before launch (`--mailbox`: the IMAP folder of IMAP_HOST,
 * IMAP_PORT, IMAP_SECURE, IMAP_USER, IMAP_PASSWORD, IMAP_MAILBOX, copied read-only first: inbox-map/mailbox-export.ts). Triages every .eml of DIR (or a seeded sample of N of them,
 * volumes then estimated for the whole folder) with the same stages as `replique triage`,
 * clusters the emails on the classifier's meaning features and writes DIR-of-`--out`/inbox-map.{md,svg,json}: the N
 * most frequent topics (50 by default), their volumes, the share automatable today, example files, and a chart.
 * Prints a summary. Read-only: nothing is sent or stored.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { DEFAULT_INTENT_MODEL_FILE } from '@replique/activities/triage/intent-model';
import { parseArgs, UsageError } from './args';
import { mulberry32 } from '@replique/activities/domain/seeded-random';
import { mapInbox, type InboxMap, type MappedEmail } from './inbox-map/map-inbox';
import { mapChartSvg, mapReportMarkdown } from './inbox-map/map-report';
import type { MapTriageResult } from './inbox-map/map-triage';
import { listEmailFiles, modelChoice, type ModelChoice } from './email-files';

export const MAP_USAGE = 'usage: replique map [--shop FILE] [--policy FILE] [--model FILE | --no-model] [--topics N] [--seed S] [--workers N] [--sample N] [--out DIR] DIR|--mailbox';

/** The hashing width of the committed intent model's features (the classifier's own vectors). */
const DEFAULT_BUCKETS = 32768;

/** The hashing width the model file was trained with: the map clusters the vectors that model reads. */
const modelBuckets = (file: string): number => (JSON.parse(readFileSync(file, 'utf8')) as { buckets?: number }).buckets ?? DEFAULT_BUCKETS;

export interface MapRun { map: InboxMap; seconds: number; triageSeconds: number; clusterSeconds: number; files: { markdown: string; svg: string; json: string } }

export async function mapCommand(argv: string[], write: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parseArgs(argv, ['shop', 'policy', 'model', 'topics', 'seed', 'workers', 'sample', 'out'], ['no-model', 'mailbox']);
  const mailbox = args.flags.has('mailbox');
  if (mailbox ? args.positionals.length > 0 : args.positionals.length !== 1) throw new UsageError(MAP_USAGE);
  const copy = mailbox ? await mkdtemp(path.join(tmpdir(), 'replique-mailbox-')) : null;
  try {
    if (copy) {
      // imapflow is loaded for --mailbox only
      const { exportMailbox } = require('./inbox-map/mailbox-export') as typeof import('./inbox-map/mailbox-export'); // eslint-disable-line @typescript-eslint/no-require-imports
      write(`${await exportMailbox(env, copy)} messages copied from ${env.IMAP_MAILBOX ?? 'INBOX'} (read-only)`);
    }
    return await mapAndReport(copy ?? args.positionals[0]!, args, write);
  } finally {
    if (copy) await rm(copy, { recursive: true, force: true });
  }
}

async function mapAndReport(dir: string, args: ReturnType<typeof parseArgs>, write: (line: string) => void): Promise<number> {
  const int = (name: string, fallback: number, min: number): number => {
    const v = args.options[name] === undefined ? fallback : Number(args.options[name]);
    if (!Number.isInteger(v) || v < min) throw new UsageError(`--${name} takes an integer ≥ ${min}\n${MAP_USAGE}`);
    return v;
  };
  const run = await mapDirectory(dir, {
    shop: args.options.shop, policy: args.options.policy, choice: modelChoice(args), topics: int('topics', 50, 1), seed: int('seed', 1, 0),
    workers: int('workers', Math.min(4, availableParallelism()), 1),
    ...(args.options.sample !== undefined ? { sample: int('sample', 0, 1) } : {}), out: args.options.out ?? 'inbox-map',
  });
  const { map } = run;
  const sampled = map.inboxEmails > map.emails + map.quarantined ? ` (a sample of ${map.inboxEmails})` : '';
  write(`${map.emails} emails${sampled} (${map.quarantined} quarantined) in ${run.seconds.toFixed(1)} s `
    + `(triage ${run.triageSeconds.toFixed(1)} s, clustering ${run.clusterSeconds.toFixed(1)} s): ${map.topics.length} topics, `
    + `${map.automatable} automatable today (${(100 * map.automatableShare).toFixed(1)} %)`);
  for (const t of map.topics.slice(0, 10)) write(`  ${String(t.rank).padStart(2)}. ${t.label} (${t.intent}): ${t.volume} emails, ${(100 * t.automatableShare).toFixed(0)} % auto`);
  write(`report: ${run.files.markdown}  chart: ${run.files.svg}  data: ${run.files.json}`);
  return 0;
}

export interface MapDirectoryOptions {
  shop?: string; policy?: string; choice?: ModelChoice; topics?: number; seed?: number; workers?: number; out: string;
  /** Triage and map a seeded sample of this many files (sorted), the volumes scaled to the whole folder. */
  sample?: number;
}

export async function mapDirectory(dir: string, opts: MapDirectoryOptions): Promise<MapRun> {
  const t0 = performance.now();
  const all = await listEmailFiles([dir]);
  const files = opts.sample && opts.sample < all.length ? seededSample(all, opts.sample, opts.seed ?? 1) : all;
  const results = (opts.workers ?? 1) > 1 && files.length > 50 && tsxRegister()
    ? await triageInWorkers(files, opts.workers!, opts)
    : await triageInProcess(files, opts);
  const emails = results.flatMap((r) => (r.ok ? [r.email] : []));
  const t1 = performance.now();
  const buckets = opts.choice?.noModel ? DEFAULT_BUCKETS : modelBuckets(opts.choice?.model ?? DEFAULT_INTENT_MODEL_FILE);
  const map = mapInbox(emails, results.length - emails.length, { topics: opts.topics ?? 50, seed: opts.seed ?? 1, buckets, inboxEmails: all.length });
  const t2 = performance.now();
  const seconds = (t2 - t0) / 1000;
  await mkdir(opts.out, { recursive: true });
  const files_ = { markdown: path.join(opts.out, 'inbox-map.md'), svg: path.join(opts.out, 'inbox-map.svg'), json: path.join(opts.out, 'inbox-map.json') };
  await writeFile(files_.svg, mapChartSvg(map));
  await writeFile(files_.markdown, mapReportMarkdown(map, { source: dir, seconds, chart: 'inbox-map.svg' }));
  await writeFile(files_.json, `${JSON.stringify({ source: dir, seconds, ...map }, null, 1)}\n`);
  return { map, seconds, triageSeconds: (t1 - t0) / 1000, clusterSeconds: (t2 - t1) / 1000, files: files_ };
}

/** `n` of the files chosen by a seeded shuffle, back in sorted order. */
export function seededSample(files: readonly string[], n: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const xs = [...files];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (xs.length - i));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs.slice(0, n).sort();
}

/**
 * The triage's modules (the whole decision pipeline) are loaded here, not at the top: with worker threads, each
 * thread loads its own, and the main thread never needs them, so the workers start a few seconds sooner.
 */
async function triageInProcess(files: string[], opts: MapDirectoryOptions): Promise<MapTriageResult[]> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { buildTriageDeps } = require('./triage-command') as typeof import('./triage-command');
  const { triageForMap } = require('./inbox-map/map-triage') as typeof import('./inbox-map/map-triage');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const deps = await buildTriageDeps(opts.shop, opts.policy, opts.choice ?? {});
  try {
    const out: MapTriageResult[] = [];
    for (const f of files) out.push(await triageForMap(f, deps));
    return out;
  } finally {
    await deps.close();
  }
}

/** tsx's CommonJS register hook, which lets a worker thread load the TypeScript sources; null where tsx is not installed (one process then). */
function tsxRegister(): string | null {
  try {
    return require.resolve('tsx/cjs/api');
  } catch {
    return null;
  }
}

/**
 * The files in contiguous slices, one per worker thread (each with its own triage deps). The automatic-reply rate
 * limit (per sender per day) is counted per slice, so a sender at a slice boundary may get one more automatic reply
 * than in one process.
 */
async function triageInWorkers(files: string[], workers: number, opts: MapDirectoryOptions): Promise<MapTriageResult[]> {
  const size = Math.ceil(files.length / workers);
  const slices = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length);
  const script = path.join(__dirname, 'inbox-map', 'map-worker.ts');
  const bootstrap = `require(${JSON.stringify(tsxRegister())}).register(); require(${JSON.stringify(script)});`;
  const parts = await Promise.all(slices.map((slice) => new Promise<MapTriageResult[]>((resolve, reject) => {
    const got: MapTriageResult[] = [];
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: { files: slice, shop: opts.shop, policy: opts.policy, model: opts.choice?.model, noModel: opts.choice?.noModel },
    });
    worker.on('message', (r: MapTriageResult) => got.push(r));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 && got.length === slice.length ? resolve(got) : reject(new Error(`map worker exited ${code} after ${got.length}/${slice.length} files`))));
  })));
  return parts.flat();
}
