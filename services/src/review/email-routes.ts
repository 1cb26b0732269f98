/**
 * One email: GET shows it (and claims it for a few minutes); POST /emails/:key/<action> takes a decision.
 * Forms get a redirect (or the page again with a 409 banner when the email was already handled); a client asking
 * for JSON gets the outcome as JSON with the same status.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { claimEmail, liveClaim } from '@replique/activities/adapters/pg/review-claims';
import { reviewerOf } from './auth/session-auth';
import { loadEmailPage } from './email-data';
import { CLAIM_SECONDS, takeDecision } from './take-decision';
import { emailPage } from './web/email-page';
import { wantsJson } from './wants-json';

const EMAIL_KEY = /^[0-9a-f]{64}$/;

const ActionForm = z.object({
  decisionId: z.string().trim().min(1).max(100).optional(),
  subject: z.string().max(500).optional(),
  body: z.string().max(100_000).optional(),
  note: z.string().max(2_000).optional(),
});
const ACTION = z.enum(['approve', 'edit', 'reject', 'escalate', 'takeover']);

export function createEmailRouter(deps: { db: Queryable; client: Client }): Router {
  const router = express.Router();

  router.get('/emails/:emailKey', async (req, res) => {
    const emailKey = String(req.params.emailKey);
    if (!EMAIL_KEY.test(emailKey)) return void res.status(404).type('text').send('no such email');
    const reviewer = reviewerOf(res);
    let claim = await liveClaim(deps.db, emailKey);
    const data = await loadEmailPage(deps, emailKey, claim);
    if (!data) return void res.status(404).type('text').send('no such email');
    const waiting = data.item.state === 'waiting_review' || data.item.state === 'escalated';
    if (waiting && (!claim || claim.reviewer === reviewer.name)) {
      claim = await claimEmail(deps.db, { emailKey, reviewer: reviewer.name, ttlSeconds: CLAIM_SECONDS });
      if (!data.claim) {
        await appendAudit(deps.db, { emailKey, stage: 'review-tool', event: 'claim', data: { reviewer: reviewer.name } });
      }
    }
    res.type('html').send(emailPage({ ...data, claim }, reviewer, notice(req)));
  });

  router.post('/emails/:emailKey/:action', async (req, res) => {
    const emailKey = String(req.params.emailKey);
    const action = ACTION.safeParse(req.params.action);
    const form = ActionForm.safeParse(req.body ?? {});
    if (!EMAIL_KEY.test(emailKey) || !action.success) return void res.status(404).json({ error: 'no such action' });
    if (!form.success) return void res.status(400).json({ error: z.prettifyError(form.error) });
    const reviewer = reviewerOf(res);
    const result = await takeDecision(deps, reviewer, {
      emailKey, action: action.data, ...form.data, decisionId: form.data.decisionId ?? randomUUID(),
    });
    if (wantsJson(req)) return void res.status(result.ok ? 200 : result.status).json(result);
    if (!result.ok) return void (await renderRefusal(deps, res, emailKey, result.status, result.error));
    if (result.state === 'waiting_review' || result.state === 'escalated') {
      return void res.redirect(303, `/emails/${emailKey}?done=${action.data}`);
    }
    res.redirect(303, `/queue?done=${action.data}`);
  });
  return router;
}

async function renderRefusal(deps: { db: Queryable; client: Client }, res: Response, emailKey: string, status: number, error: string) {
  const data = await loadEmailPage(deps, emailKey, await liveClaim(deps.db, emailKey));
  if (!data) return void res.status(status).type('text').send(error);
  const already = /already handled/i.test(error);
  res.status(status).type('html').send(emailPage(data, reviewerOf(res), {
    error: already ? `Already handled: another reviewer decided this email first (${data.view?.state ?? data.item.state}). Nothing was sent twice.` : error,
  }));
}

const DONE: Record<string, string> = {
  approve: 'Approved.', edit: 'Edited text approved.', reject: 'Rejected: nothing will be sent.',
  escalate: 'Escalated to level 2.', takeover: 'You own this email now.',
  ai_opt_out: 'Recorded: this customer\'s next emails go to a person (no automatic reply).',
};

function notice(req: Request): { info?: string } {
  const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
  return done ? { info: done } : {};
}
