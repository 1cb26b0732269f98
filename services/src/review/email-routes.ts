/**
 * One email: GET shows it (and claims it for a few minutes); POST /emails/:key/<action> takes a decision.
 * Forms get a redirect (or the page again with a 409 banner when the email was already handled); a client asking
 * for JSON gets the outcome as JSON with the same status. An edit its checks blocked gets the page again (422) with
 * the reviewer's text, the failed checks and a "send anyway" that needs a confirmation and a reason.
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
import { emailPage, type BlockedEdit } from './web/email-page';
import { wantsJson } from './wants-json';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const EMAIL_KEY = /^[0-9a-f]{64}$/;

const ActionForm = z.object({
  decisionId: z.string().trim().min(1).max(100).optional(),
  subject: z.string().max(500).optional(),
  body: z.string().max(100_000).optional(),
  note: z.string().max(2_000).optional(),
  /** "Send anyway" (edit only): the confirmation box, the reason, and the failed checks the page listed. */
  send_anyway: z.literal('yes').optional(),
  override_confirm: z.literal('yes').optional(),
  override_reason: z.string().max(2_000).optional(),
  override_checks: z.union([z.string().max(60), z.array(z.string().max(60)).max(30)]).optional(),
});
type ActionFields = z.infer<typeof ActionForm>;
const ACTION = z.enum(['approve', 'edit', 'reject', 'escalate', 'takeover']);

export function createEmailRouter(deps: { db: Queryable; vault: FieldVault; client: Client }): Router {
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
    const { decisionId, subject, body, note } = form.data;
    const override = overrideOf(form.data);
    if (override === 'unconfirmed') {
      const error = 'Sending anyway needs your confirmation (the box) and a reason: nothing was sent.';
      if (wantsJson(req)) return void res.status(400).json({ ok: false, status: 400, error });
      return void (await renderRefusal(deps, res, emailKey, 400, error, blockedAgain(form.data, [])));
    }
    const result = await takeDecision(deps, reviewer, {
      emailKey, action: action.data, subject, body, note, ...(override ? { override } : {}), decisionId: decisionId ?? randomUUID(),
    });
    if (wantsJson(req)) return void res.status(result.ok ? 200 : result.status).json(result);
    if (!result.ok && result.status === 422) {
      const error = `Your edit was not sent: ${result.failed.length} check(s) failed on it. Fix the text, or send it anyway below.`;
      return void (await renderRefusal(deps, res, emailKey, 422, error, blockedAgain(form.data, result.failed)));
    }
    if (!result.ok) return void (await renderRefusal(deps, res, emailKey, result.status, result.error));
    if (result.state === 'waiting_review' || result.state === 'escalated') {
      return void res.redirect(303, `/emails/${emailKey}?done=${action.data}`);
    }
    res.redirect(303, `/queue?done=${action.data}`);
  });
  return router;
}

async function renderRefusal(
  deps: { db: Queryable; vault: FieldVault; client: Client }, res: Response, emailKey: string, status: number, error: string, blocked?: BlockedEdit,
) {
  const data = await loadEmailPage(deps, emailKey, await liveClaim(deps.db, emailKey));
  if (!data) return void res.status(status).type('text').send(error);
  const already = /already handled/i.test(error);
  res.status(status).type('html').send(emailPage(data, reviewerOf(res), {
    error: already ? `Already handled: another reviewer decided this email first (${data.view?.state ?? data.item.state}). Nothing was sent twice.` : error,
  }, blocked));
}

/**
 * The override a "send anyway" asks for: the checks the page listed, and the reason, once the reviewer ticked the
 * confirmation; 'unconfirmed' when the box or the reason is missing. A plain edit carries none.
 */
function overrideOf(form: ActionFields): { checks: string[]; reason: string } | 'unconfirmed' | null {
  if (form.send_anyway !== 'yes') return null;
  const reason = form.override_reason?.trim() ?? '';
  const checks = [form.override_checks ?? []].flat().map((c) => c.trim()).filter(Boolean);
  if (form.override_confirm !== 'yes' || !reason || checks.length === 0) return 'unconfirmed';
  return { checks, reason };
}

/** The reviewer's text back in the edit form, with what failed on it (kept from the page when nothing was checked). */
function blockedAgain(form: ActionFields, failed: { check: string; message: string }[]): BlockedEdit {
  const listed = [form.override_checks ?? []].flat().map((check) => ({ check, message: '' }));
  return { subject: form.subject ?? '', body: form.body ?? '', failed: failed.length ? failed : listed, reason: form.override_reason ?? '' };
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
