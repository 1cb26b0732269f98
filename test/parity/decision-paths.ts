/**
 * The two decision paths of the parity test, over one set of .eml files in sorted order:
 * - `workerDecisions`: the worker's activities (createWorkerDeps + createEmailActivities, as services/src/worker/main.ts
 *   builds them) against Postgres, one email after another: read → enrich → classify → retrieve → draft → check →
 *   route, and the automatic send (real SMTP) for an `auto` route, so the auto-reply memory holds what was sent;
 * - `cliDecisions`: `replique triage`'s own path (buildTriageDeps + triageEach) reading the same database.
 * Each gives one `Decision` per file, in the order given (the memory between emails depends on it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmailActivities } from '@replique/activities/email-activities';
import { storeRawEmail } from '@replique/activities/adapters/pg/raw-emails';
import { loadCase, registerEmail } from '@replique/activities/adapters/pg/emails';
import { emailKeyFor, extractMessageIdHeader, messageIdHashOrNull } from '@replique/activities/domain/email-key';
import { createWorkerDeps } from '@replique/services/worker/create-worker-deps';
import type { WorkerConfig } from '@replique/services/config/worker-config';
import { buildTriageDeps, listEmailFiles, triageEach } from '@replique/services/cli/triage-command';
import { workflowIdForEmailKey } from '@replique/workflows/contracts';

export interface Decision {
  file: string;
  route: string;
  intent: string | null;
  /** The classifier's probability of `intent`. */
  intentConfidence: number | null;
  order: string | null;
  reasons: string[];
}

export const MAILBOX = 'support';

/** The email key the intake gives these bytes in `mailbox`. */
export function emailKeyOf(raw: Buffer, sha256: string, mailbox = MAILBOX): string {
  return emailKeyFor(mailbox, extractMessageIdHeader(raw), sha256);
}

/** The .eml files of a folder in sorted order (as `replique triage DIR` reads them). */
export const emailFilesOf = (dir: string): Promise<string[]> => listEmailFiles([dir]);

export async function workerDecisions(config: WorkerConfig, files: string[]): Promise<Decision[]> {
  const deps = await createWorkerDeps(config);
  const activities = createEmailActivities(deps);
  const out: Decision[] = [];
  try {
    for (const file of files) {
      const raw = await readFile(file);
      const stored = await storeRawEmail(deps.db, deps.vault, { raw, source: 'http', mailbox: MAILBOX });
      const emailKey = emailKeyOf(raw, stored.sha256);
      await registerEmail(deps.db, {
        emailKey, rawId: stored.rawId, mailbox: MAILBOX,
        messageIdHash: messageIdHashOrNull(extractMessageIdHeader(raw)), workflowId: workflowIdForEmailKey(emailKey),
      });
      const name = path.basename(file);
      const read = await activities.readEmail({ emailKey, rawId: stored.rawId });
      if (read.status === 'quarantined') {
        out.push({ file: name, route: 'quarantined', intent: null, intentConfidence: null, order: null, reasons: [read.reason] });
        continue;
      }
      const ref = { emailKey };
      await activities.enrichEmail(ref);
      await activities.classifyEmail(ref);
      await activities.retrieveContext(ref);
      await activities.draftReply(ref);
      await activities.checkDraft(ref);
      const routed = await activities.routeEmail(ref);
      if (routed.route === 'auto') {
        await activities.sendReply({ emailKey, mode: 'automatic', approvedBy: [], edited: null });
      }
      const c = await loadCase(deps.db, deps.vault, emailKey);
      out.push({
        file: name, route: routed.route, intent: routed.intent, intentConfidence: c?.classification?.intentConfidence ?? null,
        order: c?.enrichment?.orderNumber ?? null, reasons: routed.reasons,
      });
    }
  } finally {
    await deps.close();
  }
  return out;
}

/**
 * The CLI's decisions, and the policy and model versions it decided with (the database's, as the worker's). `env`: variables
 * besides the process's (the worker's model settings, as the CLI reads them).
 */
export async function cliDecisions(
  databaseUrl: string, files: string[], env: Record<string, string> = {},
): Promise<{ decisions: Decision[]; policyVersion: number | null; modelVersion: string | null }> {
  const deps = await buildTriageDeps(undefined, undefined, {}, { ...process.env, ...env, DATABASE_URL: databaseUrl });
  const out: Decision[] = [];
  try {
    await triageEach(files, deps, (line) => {
      const l = line as unknown as {
        file: string; route: string; intent: string | null; intent_confidence: number | null; order_number: string | null; route_reasons: string[];
        quarantined?: string;
      };
      out.push(l.quarantined
        ? { file: l.file, route: 'quarantined', intent: null, intentConfidence: null, order: null, reasons: [l.quarantined] }
        : { file: l.file, route: l.route, intent: l.intent, intentConfidence: l.intent_confidence, order: l.order_number, reasons: l.route_reasons });
    });
  } finally {
    await deps.close();
  }
  return { decisions: out, policyVersion: deps.policyVersion, modelVersion: deps.modelVersion ?? null };
}
