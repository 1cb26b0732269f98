/**
 * Self time of a CPU profile (`pnpm bench --cpu-profile FILE`, or a `.cpuprofile` of `node --cpu-prof`) by package
 * or source file, per email:
 *
 *   pnpm exec tsx test/bench/profile-table.ts FILE EMAILS [--top 20] [--by owner|area|package|file|function] [--minus FILE.bare]
 *
 * `--minus`: the bare side's profile of the same run (as many workflows), its time subtracted bucket by bucket: the
 * pipeline's extra.
 * A package is its node_modules name (`pg`, `@temporalio/worker`); this repository's files are named by their path;
 * Node's own code by its `node:` module; V8's pseudo-frames ((garbage collector), (program), (idle)) as they are.
 * V8 samples wall time on the thread: on a loaded machine a share includes time the thread was preempted in it.
 */
import { readFileSync } from 'node:fs';
import type { CpuProfile } from './cpu-profile';

/**
 * package, file, function: where the self time is (a native frame: its caller's); owner: the package or source file
 * that called into Node or native code (a `writev` under pg's connection goes to `pg`), the nearest such frame.
 */
type By = 'package' | 'file' | 'function' | 'owner' | 'area';

/** `--by area`: owners grouped by what they do (first match). */
const AREAS: Array<[string, RegExp]> = [
  ['triage and reply code (activities/src/triage, reply, mail, domain)', /^activities\/src\/(triage|reply|mail|domain)/],
  ['Postgres client (pg, pg-pool, pg-protocol, adapters/pg)', /^(pg|pg-pool|pg-protocol|activities\/src\/adapters\/pg)$/],
  ['Kafka client (kafkajs, adapters/kafka)', /^(kafkajs|activities\/src\/adapters\/kafka)$/],
  ['Temporal SDK (core-bridge, worker, common, protobufjs, grpc, rxjs)', /^(@temporalio\/|protobufjs|@protobufjs\/|@grpc\/|rxjs|long)/],
  ['payload codec (services/src/temporal)', /^services\/src\/temporal/],
  ['vault: customer fields sealed (adapters/vault)', /^activities\/src\/adapters\/vault/],
  ['intake HTTP (express, services/src/intake)', /^(express|body-parser|raw-body|router|services\/src\/intake)/],
  ['MIME (mailparser, mailsplit, libmime, iconv)', /^(mailparser|@zone-eu\/|libmime|libqp|libbase64|iconv-lite|encoding-japanese)/],
  ['SMTP client (nodemailer)', /^nodemailer/],
  ['zod', /^zod$/],
  ['GC', /^\(garbage collector\)$/],
  ['(program): V8 outside JavaScript (compiles, IC misses)', /^\(program\)$/],
  ['bench harness (test/)', /^test\//],
];

function areaOf(owner: string): string {
  return AREAS.find(([, re]) => re.test(owner))?.[0] ?? (owner === '(idle)' ? owner : 'the rest');
}

/** The bucket a frame's self time goes to. */
export function bucketOf(url: string, functionName: string, by: By): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || '(anonymous)'}`;
  const path = url.replace(/^file:\/\//, '');
  const inModules = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  let where: string;
  if (path.startsWith('node:')) where = path.split('/').slice(0, by === 'package' ? 2 : 99).join('/');
  else if (inModules) where = by === 'package' ? inModules[1]! : `${inModules[1]}/${inModules[2]}`;
  else {
    const inRepo = /\/(activities|services|workflows|shared|test|review|packages|ml)\/(.*)$/.exec(path);
    where = inRepo ? `${inRepo[1]}/${inRepo[2]}` : path;
    if (by === 'package') where = where.split('/').slice(0, where.startsWith('activities/src/') ? 4 : 3).join('/');
  }
  return by === 'function' ? `${functionName || '(anonymous)'} ${where}` : where;
}

/**
 * Milliseconds of self time per bucket, summed over the profiles. A native frame (a builtin, a binding: `writev`,
 * the Temporal bridge's calls) goes to the nearest caller with a source, named after it.
 */
export function selfTimeBy(profiles: CpuProfile[], by: By): Map<string, number> {
  const totals = new Map<string, number>();
  for (const profile of profiles) {
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const bucket = new Map<number, string>();
    const isOwned = (url: string) => !!url && !url.startsWith('node:');
    for (const n of profile.nodes) {
      if (by === 'owner') {
        let at: number | undefined = n.id;
        while (at !== undefined && !isOwned(byId.get(at)!.callFrame.url)) at = parent.get(at);
        const frame = at !== undefined ? byId.get(at)!.callFrame : n.callFrame;
        bucket.set(n.id, n.callFrame.functionName.startsWith('(') && !n.callFrame.url ? n.callFrame.functionName : at === undefined ? `${bucketOf(n.callFrame.url, n.callFrame.functionName, 'package')} (no caller)` : bucketOf(frame.url, frame.functionName, 'package'));
        continue;
      }
      const own = bucketOf(n.callFrame.url, n.callFrame.functionName, by);
      const isNative = !n.callFrame.url && !n.callFrame.functionName.startsWith('(');
      let caller = parent.get(n.id);
      while (isNative && caller !== undefined && !byId.get(caller)!.callFrame.url) caller = parent.get(caller);
      const from = caller !== undefined ? byId.get(caller)!.callFrame : undefined;
      const native = isNative && from?.url;
      bucket.set(n.id, native ? (by === 'function' ? `${own} ← ${bucketOf(from.url, from.functionName, by)}` : bucketOf(from.url, from.functionName, by)) : own);
    }
    profile.samples.forEach((id, i) => {
      const key = bucket.get(id)!;
      if (key.includes('node:inspector') || key.includes('cpu-profile.ts')) return; // the profiler's own stop
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  return totals;
}

function readProfiles(file: string): CpuProfile[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | CpuProfile[];
  return Array.isArray(raw) ? raw : [raw];
}

/** Per-email milliseconds by bucket, and the non-idle total. */
function perEmail(profiles: CpuProfile[], by: By, emails: number): { rows: Map<string, number>; busy: number } {
  const owners = selfTimeBy(profiles, by === 'area' ? 'owner' : by);
  const rows = new Map<string, number>();
  for (const [key, ms] of owners) {
    const k = by === 'area' ? areaOf(key) : key;
    rows.set(k, (rows.get(k) ?? 0) + ms / emails);
  }
  const busy = [...rows.entries()].filter(([k]) => k !== '(idle)').reduce((sum, [, v]) => sum + v, 0);
  return { rows, busy };
}

function main(): void {
  const [file, emailsArg] = process.argv.slice(2);
  const get = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  if (!file || !emailsArg) throw new Error('usage: profile-table.ts FILE EMAILS [--top 20] [--by owner|area|package|file|function] [--minus FILE]');
  const emails = Number(emailsArg);
  const top = Number(get('top') ?? 20);
  const by = (get('by') ?? 'owner') as By;
  const minusFile = get('minus');
  const profiles = readProfiles(file);
  const side = perEmail(profiles, by, emails);
  const bare = minusFile ? perEmail(readProfiles(minusFile), by, emails) : undefined;
  const wall = profiles.reduce((sum, p) => sum + (p.endTime - p.startTime) / 1e6, 0);
  const w = process.stdout.write.bind(process.stdout);
  w(`${profiles.length} profiles, ${wall.toFixed(1)} s, ${emails} emails: ${side.busy.toFixed(1)} ms of samples per email outside (idle)${bare ? `, bare ${bare.busy.toFixed(1)}` : ''}\n`);
  w(bare ? `| ${by} | pipeline, ms per email | bare | extra |\n|---|---|---|---|\n` : `| ${by} | ms per email | share of non-idle |\n|---|---|---|\n`);
  const keys = [...new Set([...side.rows.keys(), ...(bare?.rows.keys() ?? [])])].filter((k) => k !== '(idle)');
  const extra = (k: string) => (side.rows.get(k) ?? 0) - (bare?.rows.get(k) ?? 0);
  const order = bare ? (k: string) => Math.abs(extra(k)) : (k: string) => side.rows.get(k) ?? 0;
  for (const key of keys.sort((a, b) => order(b) - order(a)).slice(0, top)) {
    const mine = side.rows.get(key) ?? 0;
    w(bare
      ? `| ${key} | ${mine.toFixed(2)} | ${(bare.rows.get(key) ?? 0).toFixed(2)} | ${extra(key) >= 0 ? '+' : ''}${extra(key).toFixed(2)} |\n`
      : `| ${key} | ${mine.toFixed(2)} | ${((100 * mine) / side.busy).toFixed(1)} % |\n`);
  }
}

if (process.argv[1] && /profile-table\.ts$/.test(process.argv[1])) main();
