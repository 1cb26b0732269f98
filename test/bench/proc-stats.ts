/**
 * Memory and CPU of another process, from /proc (Linux): the benchmark measures the worker and the Temporal server
 * as the operating system sees them, not from inside.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { localHome } from '../support/paths';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Resident set size of PID in MB (VmRSS), or NaN when it is gone. */
export function processRssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** A /proc/PID/stat line's command name, parent pid and CPU seconds (user + system) so far. */
function readStat(pid: number | string): { comm: string; ppid: number; cpuSeconds: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
  return {
    comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ppid: Number(fields[1]), // field 4
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS, // utime, stime (fields 14, 15)
  };
}

/** CPU seconds (user + system) PID has used so far. */
export function processCpuSeconds(pid: number): number {
  return readStat(pid).cpuSeconds;
}

/** Average CPU use of PID over `ms`, in % of one core. */
export async function cpuPercentOver(pid: number, ms: number): Promise<number> {
  const c0 = processCpuSeconds(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return (100 * (processCpuSeconds(pid) - c0)) / ((performance.now() - t0) / 1000);
}

/** The local stack's Temporal dev server: its pid (from stack.sh's pid file) and its SQLite file. */
export function temporalServer(): { pid: number | null; dbMb: () => number } {
  const pidFile = path.join(localHome, 'run', 'temporal.pid');
  const db = path.join(localHome, 'data', 'temporal.db');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  const dbMb = () => ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(db + suffix) ? statSync(db + suffix).size : 0), 0) / 1024 / 1024;
  return { pid: Number.isFinite(pid) && existsSync(`/proc/${pid}`) ? pid : null, dbMb };
}

/**
 * Who uses the CPU while the benchmark runs: the servers of the stack the benchmark talks to (this REPLIQUE_HOME's
 * Temporal, Postgres and Kafka, with their child processes: Postgres' backends), this process and its children (intake,
 * starter, workers, the SMTP peer), and the rest of the machine ('other': on a shared machine, other people's work and other stacks; not a
 * cost of the pipeline, shown apart).
 */
export const CPU_COMPONENTS = ['temporal', 'postgres', 'kafka', 'bench process', 'other'] as const;
export type CpuComponent = (typeof CPU_COMPONENTS)[number];
/** The components a benchmark side costs the machine (everything but 'other'). */
export const STACK_COMPONENTS = CPU_COMPONENTS.filter((c) => c !== 'other');

/** One value per component. */
export function perComponent(value: (c: CpuComponent) => number): Record<CpuComponent, number> {
  return Object.fromEntries(CPU_COMPONENTS.map((c) => [c, value(c)])) as Record<CpuComponent, number>;
}

function pidFromFile(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]!.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The stack's server pids (stack.sh's pid files, Postgres' postmaster.pid), by component. */
function stackRoots(): Map<number, CpuComponent> {
  const roots = new Map<number, CpuComponent>();
  const add = (pid: number | null, c: CpuComponent) => pid && roots.set(pid, c);
  add(pidFromFile(path.join(localHome, 'run', 'temporal.pid')), 'temporal');
  add(pidFromFile(path.join(localHome, 'data', 'pg', 'postmaster.pid')), 'postgres');
  add(pidFromFile(path.join(localHome, 'run', 'kafka.pid')), 'kafka');
  add(process.pid, 'bench process'); // with its children (the SMTP peer, esbuild)
  return roots;
}

/** CPU seconds used so far by every live process, summed per component (a process gone meanwhile drops out). */
export function cpuSecondsByComponent(): Record<CpuComponent, number> {
  const totals = perComponent(() => 0);
  const roots = stackRoots();
  const stats = new Map<number, { ppid: number; cpuSeconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { ppid, cpuSeconds } = readStat(entry);
      stats.set(Number(entry), { ppid, cpuSeconds });
    } catch {
      // the process ended while being read
    }
  }
  const componentOf = (pid: number): CpuComponent => {
    for (let at = pid, hops = 0; at > 1 && hops < 4; hops++) {
      const root = roots.get(at);
      if (root) return root;
      at = stats.get(at)?.ppid ?? 0;
    }
    return 'other';
  };
  for (const [pid, { cpuSeconds }] of stats) totals[componentOf(pid)] += cpuSeconds;
  return totals;
}
