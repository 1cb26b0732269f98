/**
 * The real worker (services/src/worker: same config, adapters, activities and workflow), as a child process the
 * fault suite can `kill -9`, with one hook the outside cannot time: the process SIGKILLs itself right after the SMTP
 * server accepted a reply and BEFORE it is recorded as sent — after the FAULT_KILL_AFTER_ACCEPT_NTH-th accepted
 * reply of this process, and/or with probability FAULT_KILL_AFTER_ACCEPT for each one.
 *
 *   FAULT_WORKFLOW_BUNDLE=/tmp/bundle.js FAULT_KILL_AFTER_ACCEPT_NTH=3 tsx test/faults/fault-worker.ts   (+ worker env)
 */
import { NativeConnection, Worker, Runtime, DefaultLogger } from '@temporalio/worker';
import { createEmailActivities } from '@replique/activities/email-activities';
import { createLogger, setLogLevel } from '@replique/activities/logger';
import { loadWorkerConfig } from '@replique/services/config/worker-config';
import { createWorkerDeps } from '@replique/services/worker/create-worker-deps';

const log = createLogger('fault-worker');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadWorkerConfig();
  setLogLevel(config.LOG_LEVEL);
  const deps = await createWorkerDeps(config);
  const odds = Number(process.env.FAULT_KILL_AFTER_ACCEPT || 0);
  const nth = Number(process.env.FAULT_KILL_AFTER_ACCEPT_NTH || 0);
  if (odds > 0 || nth > 0) {
    const send = deps.smtp.sendMail.bind(deps.smtp);
    let accepted = 0;
    deps.smtp.sendMail = (async (mail: Parameters<typeof send>[0]) => {
      const info = await send(mail);
      accepted++;
      if (accepted === nth || Math.random() < odds) {
        process.stdout.write(`FAULT kill-after-accept ${String(mail.messageId ?? '')}\n`);
        process.kill(process.pid, 'SIGKILL');
        await new Promise(() => undefined);
      }
      return info;
    }) as typeof deps.smtp.sendMail;
  }
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const bundlePath = process.env.FAULT_WORKFLOW_BUNDLE;
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('@replique/workflows/workflows') }),
    activities: createEmailActivities(deps),
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  });
  process.once('SIGTERM', () => worker.shutdown());
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker started');
  try {
    await worker.run();
  } finally {
    await deps.close();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  log.error({ err: error }, 'fault worker stopped with an error');
  process.exit(1);
});
