/**
 * The worker's decision through the real workflow: each file stored as the intake stores it, started as the starter
 * starts it (startEmailWorkflow), run by a worker built as services/src/worker/main.ts builds it, one email at a time
 * (the next starts once this one is sent, suppressed or waiting for a person). One `Decision` per file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, type Connection } from '@temporalio/client';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { loadCase } from '@replique/activities/adapters/pg/emails';
import { threadHashesOf } from '@replique/activities/domain/email-key';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import type { WorkerConfig } from '@replique/services/config/worker-config';
import { createEmailWorker } from '@replique/services/worker/main';
import { startEmailWorkflow } from '@replique/services/starter/start-email-workflow';
import { waitForWorkflowView } from '../support/workflow-view';
import { testVault } from '../support/data-keks';
import { testTemporalDataConverter } from '../support/temporal-payload-keys';
import { emailKeyOf, type Decision } from './decision-paths';

const SETTLED = ['sent', 'suppressed', 'quarantined', 'waiting_review', 'escalated', 'send_failed', 'rejected'];

/**
 * `config` must carry the test payload keys (TEST_TEMPORAL_PAYLOAD_KEYS), a task queue of its own and the database of
 * `db`; `mailbox` one of its own too: workflow IDs come from email keys (mailbox, Message-ID), and Temporal refuses
 * an ID a finished run had, so a second run of the same files in the same mailbox would start nothing. The CLI then
 * keys the emails with the same mailbox (REPLIQUE_MAILBOX).
 */
export async function workflowDecisions(
  config: WorkerConfig, db: Queryable, connection: Connection, files: string[], mailbox: string,
): Promise<Decision[]> {
  const worker = await createEmailWorker(config);
  const vault = testVault(db);
  const running = worker.worker.run();
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: testTemporalDataConverter() });
  const out: Decision[] = [];
  try {
    for (const file of files) {
      const raw = await readFile(file);
      const stored = await storeRawEmail(db, vault, { raw, source: 'http', mailbox });
      const emailKey = emailKeyOf(raw, stored.sha256, mailbox);
      const name = path.basename(file);
      const outcome = await startEmailWorkflow({ db, client, taskQueue: config.TEMPORAL_TASK_QUEUE }, {
        emailKey, rawId: stored.rawId, mailbox, source: 'http', receivedAt: new Date().toISOString(), ...threadHashesOf(raw),
      });
      if (outcome !== 'started') throw new Error(`${name}: ${outcome}, not started (a reply to an email still open is a follow-up)`);
      const view = await waitForWorkflowView(client, emailKey, (v) => SETTLED.includes(v.state), 300_000);
      const emailCase = await loadCase(db, vault, emailKey);
      out.push(view.state === 'quarantined'
        ? { file: name, route: 'quarantined', intent: null, intentConfidence: null, order: null, reasons: [view.stateReason ?? ''] }
        : {
          file: name, route: view.route ?? 'none', intent: view.intent, intentConfidence: emailCase?.classification?.intentConfidence ?? null,
          order: emailCase?.enrichment?.orderNumber ?? null, reasons: view.routeReasons,
        });
    }
  } finally {
    worker.worker.shutdown();
    await running;
    await worker.close();
  }
  return out;
}
