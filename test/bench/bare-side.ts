/**
 * The bare side of the throughput and contention sections: a worker of its own running `bareWorkflow` (as many no-op
 * activities per workflow as an email's, as many of them local), on the pipeline's Temporal server, with the
 * pipeline's payload codec and worker concurrency.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalDataConverter } from '@replique/services/temporal/data-converter';
import type { BenchPipeline } from './bench-pipeline';
import { bareWorkflowBundle } from './bare-bundle';
import { pool } from './bench-util';

export interface BareSide {
  /** Starts `count` bare workflows and waits for them all; returns the seconds it took. */
  runBatch(count: number): Promise<number>;
  /** The ids of the last `count` workflows started (for the history census). */
  lastWorkflowIds(count: number): string[];
  stop(): Promise<void>;
}

/** No-op activities per bare workflow, as many as an email's, and of those as many local ones as the pipeline runs. */
export interface BareActivities {
  perWorkflow: number;
  localPerWorkflow: number;
}

export async function startBareSide(p: BenchPipeline, name: string, activities: BareActivities): Promise<BareSide> {
  const taskQueue = `${name}-${p.run}`;
  const nativeConnection = await NativeConnection.connect({ address: p.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: p.env.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowBundle: await bareWorkflowBundle(),
    // The client starts both sides with the pipeline's payload codec (encryption): the bare side pays it too.
    dataConverter: temporalDataConverter(p.workerConfig),
    activities: { async noop() {} },
    maxConcurrentActivityTaskExecutions: p.workerConfig.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  const running = worker.run();
  let started = 0;
  const idOf = (i: number) => `${name}-${p.run}-${i}`;
  return {
    async runBatch(count) {
      const t0 = performance.now();
      const handles = await pool(Array.from({ length: count }), 16, () =>
        p.client.workflow.start('bareWorkflow', {
          taskQueue, workflowId: idOf(started++), args: [activities.perWorkflow - activities.localPerWorkflow, activities.localPerWorkflow],
        }),
      );
      await pool(handles, 64, (h) => h.result());
      return (performance.now() - t0) / 1000;
    },
    lastWorkflowIds: (count) => Array.from({ length: Math.min(count, started) }, (_, i) => idOf(started - 1 - i)),
    async stop() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
    },
  };
}
