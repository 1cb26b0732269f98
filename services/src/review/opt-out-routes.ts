/**
 * The reviewer's side of the opt-out: on an email's page, "a person from now on" records that its customer wants
 * no automatic reply (`customers.ai_opt_out`, audited with the reviewer's name). Their next email goes to a person.
 */
import express, { type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { customerOfEmail, optOutCustomer } from '@replique/activities/adapters/pg/customer-opt-out';
import { reviewerOf } from './auth/session-auth';
import { wantsJson } from './wants-json';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const EMAIL_KEY = /^[0-9a-f]{64}$/;

export function createOptOutRouter(deps: { db: Pool; vault: FieldVault }): Router {
  const router = express.Router();
  router.post('/emails/:emailKey/ai-opt-out', async (req, res) => {
    const emailKey = String(req.params.emailKey);
    const context = EMAIL_KEY.test(emailKey) ? await customerOfEmail(deps.db, deps.vault, emailKey) : null;
    if (!context?.customerId) return void res.status(404).json({ ok: false, error: 'no CRM customer for this email' });
    const outcome = await optOutCustomer(deps.db, { emailKey, customerId: context.customerId, via: 'reviewer', reviewer: reviewerOf(res).name });
    if (outcome.status === 'no_customer') return void res.status(404).json({ ok: false, error: 'no CRM customer for this email' });
    if (wantsJson(req)) return void res.json({ ok: true, status: outcome.status });
    res.redirect(303, `/emails/${emailKey}?done=ai_opt_out`);
  });
  return router;
}
