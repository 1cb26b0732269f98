/**
 * The worker process: polls the email task queue, runs emailWorkflow and its activities.
 * SIGTERM/SIGINT drain it (the SDK finishes in-flight tasks) before closing adapters.
 *
 *   eval "$(bash infra/local/stack.sh env)"; pnpm exec tsx services/src/worker/main.ts
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEmailActivities } from '@replique/activities/email-activities';
import { createLogger } from '@replique/activities/logger';
import { loadWorkerConfig, type WorkerConfig } from '../config/worker-config';
import { ConfigError } from '../config/parse-env';
import { createWorkerDeps } from './create-worker-deps';

const log = createLogger('worker');

export async function createEmailWorker(config: WorkerConfig) {
  const deps = await createWorkerDeps(config);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('@replique/workflows/workflows'),
    activities: createEmailActivities(deps),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  return {
    worker,
    async close() {
      await deps.close();
      await connection.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const { worker, close } = await createEmailWorker(config);
  log.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, maxCachedWorkflows: worker.options.maxCachedWorkflows, maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES },
    'worker started',
  );
  try {
    await worker.run();
  } finally {
    await close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else log.error({ err: error }, 'worker stopped with an error');
    process.exit(1);
  });
}
