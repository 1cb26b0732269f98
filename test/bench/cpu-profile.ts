/**
 * V8 CPU profiles of this process's main thread over chosen phases only (`pnpm bench --cpu-profile FILE`: each side's
 * measured batches of the throughput section, the pipeline's in FILE, the bare side's in FILE.bare), through the
 * inspector's Profiler; `profile-table.ts` merges a file's phases into one table. The workflow threads (Temporal's
 * workflow isolates) and the Rust core's threads are not in them.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

/** The parts of a `.cpuprofile` the table reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

type Phase = <T>(phase: () => Promise<T>) => Promise<T>;

export interface SideProfiler {
  /** Run a side's phase with the profiler on (one side at a time). */
  sides: { pipeline: Phase; bare: Phase };
  /** Writes the pipeline's phases to `file`, the bare side's to `file.bare` (each a JSON array of profiles). */
  save(file: string): void;
}

export async function phaseProfiler(samplingMicros = 1000): Promise<SideProfiler> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: samplingMicros });
  const profiles = { pipeline: [] as CpuProfile[], bare: [] as CpuProfile[] };
  const during = (side: keyof typeof profiles): Phase => async (phase) => {
    await session.post('Profiler.start');
    try {
      return await phase();
    } finally {
      const { profile } = await session.post('Profiler.stop');
      profiles[side].push(profile as unknown as CpuProfile);
    }
  };
  return {
    sides: { pipeline: during('pipeline'), bare: during('bare') },
    save(file) {
      writeFileSync(file, JSON.stringify(profiles.pipeline));
      writeFileSync(`${file}.bare`, JSON.stringify(profiles.bare));
      session.disconnect();
    },
  };
}
