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

/** A /proc/PID/stat line's command name and CPU seconds (user + system) so far. */
function readStat(pid: number | string): { comm: string; cpuSeconds: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
  return {
    comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
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

/** Who uses the CPU while the benchmark runs: the stack's servers, and this process (intake, starter, workers). */
export const CPU_COMPONENTS = ['temporal', 'postgres', 'kafka', 'bench process', 'other'] as const;
export type CpuComponent = (typeof CPU_COMPONENTS)[number];

/** One value per component. */
export function perComponent(value: (c: CpuComponent) => number): Record<CpuComponent, number> {
  return Object.fromEntries(CPU_COMPONENTS.map((c) => [c, value(c)])) as Record<CpuComponent, number>;
}

function componentOf(pid: number, comm: string): CpuComponent {
  if (pid === process.pid) return 'bench process';
  if (comm === 'postgres') return 'postgres';
  if (comm === 'temporal') return 'temporal';
  if (comm === 'java') {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka')) return 'kafka';
    } catch {
      // gone meanwhile
    }
  }
  return 'other';
}

/** CPU seconds used so far by every live process, summed per component (a process gone meanwhile drops out). */
export function cpuSecondsByComponent(): Record<CpuComponent, number> {
  const totals = perComponent(() => 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { comm, cpuSeconds } = readStat(entry);
      totals[componentOf(Number(entry), comm)] += cpuSeconds;
    } catch {
      // the process ended while being read
    }
  }
  return totals;
}
