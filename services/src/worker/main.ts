/**
 * The worker process: polls the email task queue, runs emailWorkflow, retentionWorkflow, rolloutWorkflow and their
 * activities, and creates or updates the daily retention schedule (unless REPLIQUE_RETENTION_SCHEDULE=false) and the
 * rollout evaluator's schedule (unless REPLIQUE_ROLLOUT_SCHEDULE=false).
 * SIGTERM/SIGINT drain it (the SDK finishes in-flight tasks) before closing adapters.
 *
 *   eval "$(bash infra/local/stack.sh env)"; pnpm exec tsx --no-regexp-tier-up services/src/worker/main.ts
 *
 * `--no-regexp-tier-up` (node's command line: infra/docker/entrypoint.sh, infra/local/services.sh, `pnpm bench`): a
 * regular expression is compiled to native code at its first run, not to bytecode and then again to native code at
 * its second. V8 drops a regexp's code when it has not run between full GCs and compiles it again; the triage's large
 * Unicode patterns then paid two compiles each time (14.5 → 12.7 ms of triage CPU per email with two full GCs every
 * 20 emails: docs/benchmarks/README.md). Never set at runtime (`v8.setFlagsFromString`): once a regexp has run (tsx's
 * loader runs some before any module), flipping it made V8 crash in its regexp interpreter (SIGSEGV).
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { createEmailActivities } from '@replique/activities/email-activities';
import { createRetentionActivities } from '@replique/activities/retention-activities';
import { createRolloutActivities } from '@replique/activities/rollout-activities';
import { createLogger } from '@replique/activities/logger';
import { loadWorkerConfig, type WorkerConfig } from '../config/worker-config';
import { ConfigError } from '../config/parse-env';
import { createWorkerDeps } from './create-worker-deps';
import { temporalDataConverter } from '../temporal/data-converter';
import { ensureRetentionSchedule } from './retention-schedule';
import { ensureRolloutSchedule } from './rollout-schedule';
import { activityMetricsInterceptor } from './activity-metrics';
import { countStuckEmails } from './stuck-emails';
import { countStuckEmailsWith, measureOutboxLagWith } from '../metrics/replique-metrics';
import { oldestPendingAgeSeconds } from '@replique/activities/adapters/pg/event-outbox';
import { startMetricsServer } from '../metrics/metrics-server';
import { tracingSettings } from '../config/shared-env';
import { startTracing } from '../telemetry/tracing';
import { workerTracing } from '../telemetry/temporal-tracing';
import { temporalTlsOf } from '../config/tls-env';
import { installTemporalRuntimeLogging } from '../temporal/sdk-logger';

const log = createLogger('worker');

export async function createEmailWorker(config: WorkerConfig) {
  const deps = await createWorkerDeps(config);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
  const tracing = startTracing(tracingSettings(config));
  const traced = tracing ? workerTracing(tracing) : null;
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter: temporalDataConverter(config),
    workflowsPath: require.resolve('@replique/workflows/workflows'),
    activities: { ...createEmailActivities(deps), ...createRetentionActivities(deps), ...createRolloutActivities(deps) },
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    interceptors: {
      activity: [activityMetricsInterceptor, ...(traced?.interceptors.activity ?? [])],
      workflowModules: traced?.interceptors.workflowModules ?? [],
    },
    ...(traced ? { sinks: traced.sinks } : {}),
  });
  countStuckEmailsWith(() => countStuckEmails(deps.db, config.REPLIQUE_STUCK_AFTER_MINUTES));
  // The worker that runs the outbox relay reports the outbox's lag (every such worker reports the same database's).
  if (deps.relay) measureOutboxLagWith(() => oldestPendingAgeSeconds(deps.db));
  return {
    worker,
    /** The policy in force in this worker (tests watch a change arrive). */
    policy: deps.policy,
    /** The template and prompt versions in force in this worker. */
    wording: deps.wording,
    /** The draft experiments running in this worker. */
    experiments: deps.experiments,
    /** The meaning model in force in this worker. */
    model: deps.model,
    async close() {
      countStuckEmailsWith(null);
      measureOutboxLagWith(null);
      await deps.close();
      await connection.close();
      await tracing?.shutdown();
    },
  };
}

/** The retention and rollout schedules, at the worker's settings. */
async function ensureSchedules(config: WorkerConfig): Promise<void> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsOf(config) });
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: temporalDataConverter(config) });
    if (config.REPLIQUE_RETENTION_SCHEDULE) {
      const done = await ensureRetentionSchedule(client, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        input: {
          bodyRetentionDays: config.REPLIQUE_BODY_RETENTION_DAYS,
          auditRetentionDays: config.REPLIQUE_AUDIT_RETENTION_DAYS,
          batchSize: config.REPLIQUE_RETENTION_BATCH,
        },
      });
      log.info({ schedule: done }, 'retention schedule ready');
    }
    if (config.REPLIQUE_ROLLOUT_SCHEDULE) {
      const done = await ensureRolloutSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, every: config.REPLIQUE_ROLLOUT_EVERY });
      log.info({ schedule: done, every: config.REPLIQUE_ROLLOUT_EVERY }, 'rollout evaluator schedule ready');
    }
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  installTemporalRuntimeLogging();
  const { worker, close } = await createEmailWorker(config);
  const metrics = config.METRICS_PORT ? await startMetricsServer('worker', { host: config.METRICS_HOST, port: config.METRICS_PORT }) : null;
  if (config.REPLIQUE_RETENTION_SCHEDULE || config.REPLIQUE_ROLLOUT_SCHEDULE) await ensureSchedules(config);
  log.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, maxCachedWorkflows: worker.options.maxCachedWorkflows, maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES },
    'worker started',
  );
  try {
    await worker.run();
  } finally {
    await metrics?.stop();
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
