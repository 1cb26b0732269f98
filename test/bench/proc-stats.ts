/**
 * Memory and CPU of another process, from /proc (Linux): the benchmark measures the worker and the Temporal server
 * as the operating system sees them, not from inside.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** CPU seconds (user + system) PID has used so far. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14, 15)
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
