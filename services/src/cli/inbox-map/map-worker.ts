/** A worker thread of `replique map --workers N`: triages the files it is given and posts one result per file. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildTriageDeps } from '../triage-command';
import { triageForMap } from './map-triage';

interface Job { files: string[]; shop?: string; policy?: string; model?: string; noModel?: boolean }

async function run(job: Job): Promise<void> {
  const deps = await buildTriageDeps(job.shop, job.policy, { model: job.model, noModel: job.noModel });
  try {
    for (const file of job.files) parentPort!.postMessage(await triageForMap(file, deps));
  } finally {
    await deps.close();
  }
}

run(workerData as Job).catch((err: unknown) => {
  throw err;
});
