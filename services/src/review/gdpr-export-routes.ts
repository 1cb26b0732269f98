/**
 * "Export customer data" on the page of an email escalated as a GDPR request (leads and admins): the same
 * machine-readable archive as `replique gdpr export --customer …` (activities/src/gdpr/export-customer.ts, the same
 * customer memory), downloaded as a JSON file. Audited twice: `gdpr / exported` by the export itself (a hash of the CRM
 * id, the reviewer, the count of emails) and `review-tool / gdpr_export` on the email (the reviewer).
 */
import express, { type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { getQueueItem } from '@replique/activities/adapters/pg/review-queue';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { exportCustomer } from '@replique/activities/gdpr/export-customer';
import type { MemoryStore } from '@replique/activities/memory/memory-store';
import { reviewerOf } from './auth/session-auth';
import { isGdprEscalation, mayExportCustomerData } from './gdpr-request';

const EMAIL_KEY = /^[0-9a-f]{64}$/;

export function createGdprExportRouter(deps: { db: Pool; vault: FieldVault; memory: MemoryStore | null }): Router {
  const router = express.Router();
  router.post('/emails/:emailKey/gdpr-export', async (req, res) => {
    const reviewer = reviewerOf(res);
    if (!mayExportCustomerData(reviewer)) return void res.status(403).json({ ok: false, error: 'leads and admins export customer data' });
    const emailKey = String(req.params.emailKey);
    const item = EMAIL_KEY.test(emailKey) ? await getQueueItem(deps.db, deps.vault, emailKey) : null;
    if (!item) return void res.status(404).json({ ok: false, error: 'no such email' });
    if (!isGdprEscalation(item)) return void res.status(409).json({ ok: false, error: 'this email is not a GDPR request' });
    const customerId = item.emailCase?.enrichment?.customerId;
    if (!customerId) return void res.status(404).json({ ok: false, error: 'no CRM customer for this email' });
    const archive = await exportCustomer(deps.db, deps.vault, { customerId, by: reviewer.name, memory: deps.memory });
    await appendAudit(deps.db, { emailKey, stage: 'review-tool', event: 'gdpr_export', data: { reviewer: reviewer.name } });
    const file = `replique-gdpr-export-${customerId.replace(/[^A-Za-z0-9_-]/g, '_')}-${archive.exportedAt.slice(0, 10)}.json`;
    res.set('content-disposition', `attachment; filename="${file}"`).type('application/json').send(`${JSON.stringify(archive, null, 2)}\n`);
  });
  return router;
}
