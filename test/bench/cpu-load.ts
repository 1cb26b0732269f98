/**
 * A calibrated CPU load for the contention section: child processes that burn a given number of cores (0.45: 45 % of
 * one core) in short slices, as the pipeline's own work (its Node thread, Postgres, Kafka) takes the cores from the
 * Temporal server that both sides of the throughput run wait on.
 *
 * The duty cycle is kept on CPU time, not on wall time: a burner the machine preempts would otherwise deliver less
 * than asked. Each slice burns what the CPU used since the start lacks against `cores` × elapsed, at most
 * `maxDebtMs` of it: what the machine withheld beyond that (a burner starved for a second) is forgiven, not paid back
 * in a burst.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { processCpuSeconds } from './proc-stats';

/** One slice of the burner's loop: burn, then sleep for the rest of it. */
export const SLICE_MS = 10;

export class DutyCycle {
  /** CPU ms the burner is allowed not to have caught up with (forgiven beyond). */
  private forgivenMs = 0;

  constructor(
    readonly cores: number,
    readonly maxDebtMs = 5 * SLICE_MS,
  ) {
    if (!(cores > 0 && cores <= 1)) throw new Error(`one burner burns between 0 and 1 core, not ${cores}`);
  }

  /** CPU ms to burn now, `elapsedMs` after the start, having used `usedCpuMs` of CPU since. */
  burnNow(elapsedMs: number, usedCpuMs: number): number {
    const debt = this.cores * elapsedMs - this.forgivenMs - usedCpuMs;
    if (debt > this.maxDebtMs) this.forgivenMs += debt - this.maxDebtMs;
    return Math.max(0, Math.min(debt, this.maxDebtMs));
  }
}

export interface CpuLoad {
  /** The cores asked for. */
  cores: number;
  /** CPU seconds the burners have used so far (from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts `cores` of load: one burner per started core, each with its share (0.45 → one burner at 0.45). */
export async function startCpuLoad(cores: number): Promise<CpuLoad> {
  const count = Math.max(1, Math.ceil(cores));
  const burners: ChildProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      // The burner is TypeScript: tsx's loader, whether this process runs under tsx or jest.
      const child = fork(require.resolve('./cpu-load-burner'), [String(cores / count)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      burners.push(child);
      await new Promise<void>((resolve, reject) => {
        const early = (code: number | null) => reject(new Error(`a CPU burner exited (${code}) before burning`));
        child.once('exit', early);
        child.once('message', () => { // burning
          child.off('exit', early);
          resolve();
        });
      });
    }
  } catch (error) {
    for (const b of burners) b.kill();
    throw error;
  }
  const used = () => burners.reduce((sum, b) => sum + (b.exitCode === null && b.pid ? processCpuSeconds(b.pid) : 0), 0);
  return {
    cores,
    cpuSeconds: used,
    async stop() {
      await Promise.all(burners.map(async (b) => {
        if (b.exitCode !== null) return;
        const exited = once(b, 'exit');
        b.disconnect(); // the burner exits when its parent lets go (or dies)
        await exited;
      }));
    },
  };
}
