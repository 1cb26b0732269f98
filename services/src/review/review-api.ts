/**
 * The reviewers' HTTP API: the waiting queue, one email's state, and decisions delivered to the email's workflow
 * as a Temporal update (the workflow owns the state; this service only relays). Behind a bearer token.
 *
 *   GET  /api/reviews                         emails waiting for a person
 *   GET  /api/emails/:emailKey                the workflow's view (state query)
 *   POST /api/emails/:emailKey/decision       {action, reviewer, body?, subject?, note?, decisionId?, override?}
 *
 * An edit whose text fails the guardrails answers 422 with `failed` (check, message) and is not taken; the same edit
 * with `override: {checks: [every failed check], reason}` is sent anyway, audited.
 */
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { WorkflowUpdateFailedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { z } from 'zod';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { EmailNotFoundError, listEmails } from '@replique/activities/adapters/pg/emails';
import { decideUpdate, stateQuery, workflowIdForEmailKey } from '@replique/workflows/contracts';
import { requireBearer } from './auth/bearer-token';
import { sealDecisionTexts } from './deliver-decision';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import { openTextsIn } from '@replique/activities/adapters/vault/sealed-text';

export interface ReviewApiOptions {
  db: Queryable;
  /** Seals a decision's texts for the workflow, opens what its answers quote (sealed-text.ts). */
  vault: FieldVault;
  client: Client;
  token: string;
}

const DecisionBody = z.strictObject({
  action: z.enum(['approve', 'edit', 'reject', 'escalate', 'takeover']),
  reviewer: z.string().trim().min(1).max(100),
  decisionId: z.string().trim().min(1).max(100).optional(),
  subject: z.string().max(500).optional(),
  body: z.string().max(100_000).optional(),
  note: z.string().max(2_000).optional(),
  override: z.strictObject({
    checks: z.array(z.string().trim().min(1).max(60)).min(1).max(30),
    reason: z.string().trim().min(1).max(2_000),
  }).optional(),
});

const EMAIL_KEY = /^[0-9a-f]{64}$/;

export function createReviewApiRouter(options: ReviewApiOptions): Router {
  const router = express.Router();
  router.use('/api', requireBearer(options.token));
  router.use('/api', express.json({ limit: '256kb' }));

  router.get('/api/reviews', async (_req, res) => {
    const [waiting, escalated] = await Promise.all([
      listEmails(options.db, { state: 'waiting_review', limit: 200 }),
      listEmails(options.db, { state: 'escalated', limit: 200 }),
    ]);
    const rows = [...waiting, ...escalated].map((e) => ({
      emailKey: e.emailKey,
      workflowId: e.workflowId,
      state: e.state,
      route: e.route,
      intent: e.intent,
      reason: e.stateReason,
      since: e.updatedAt,
    }));
    res.json({ reviews: rows });
  });

  router.get('/api/emails/:emailKey', async (req, res) => {
    const emailKey = String(req.params.emailKey);
    if (!EMAIL_KEY.test(emailKey)) return void res.status(400).json({ error: 'not an email key' });
    try {
      const view = await options.client.workflow.getHandle(workflowIdForEmailKey(emailKey)).query(stateQuery);
      res.json(await openTextsIn(options.vault, view));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return void res.status(404).json({ error: 'no such email' });
      throw error;
    }
  });

  router.post('/api/emails/:emailKey/decision', async (req, res) => {
    const emailKey = String(req.params.emailKey);
    if (!EMAIL_KEY.test(emailKey)) return void res.status(400).json({ error: 'not an email key' });
    const parsed = DecisionBody.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    const decision = { ...parsed.data, decisionId: parsed.data.decisionId ?? randomUUID() };
    const handle = options.client.workflow.getHandle(workflowIdForEmailKey(emailKey));
    try {
      const sealed = await sealDecisionTexts(options.vault, emailKey, decision);
      const outcome = await openTextsIn(options.vault, await handle.executeUpdate(decideUpdate, { args: [sealed] }));
      if (outcome.status === 'blocked') {
        return void res.status(422).json({ decisionId: decision.decisionId, ...outcome, error: 'the edited text failed its checks: nothing was sent' });
      }
      res.json({ decisionId: decision.decisionId, ...outcome });
    } catch (error) {
      if (error instanceof EmailNotFoundError) return void res.status(404).json({ error: 'no such email' });
      if (error instanceof WorkflowUpdateFailedError) {
        return void res.status(409).json({ error: error.cause?.message ?? error.message });
      }
      if (error instanceof WorkflowNotFoundError || isClosedWorkflowError(error)) {
        return void res.status(409).json({ error: 'this email was already handled' });
      }
      throw error;
    }
  });

  router.use('/api', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error instanceof Error ? error.message : 'internal error' });
  });
  return router;
}

function isClosedWorkflowError(error: unknown): boolean {
  return error instanceof Error && /workflow execution already completed|already completed/i.test(error.message);
}
