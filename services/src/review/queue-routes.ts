/** The queue page, the batch decisions (similar drafts, topics), the edit-similarity and model-draft stats (page and JSON). */
import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { modelDraftStats } from '@replique/activities/adapters/pg/drafts';
import { editSimilarityByIntent } from '@replique/activities/adapters/pg/review-edits';
import { countWaitingEmails, getQueueItem, waitingFacets } from '@replique/activities/adapters/pg/review-queue';
import { reviewerOf } from './auth/session-auth';
import { wantsJson } from './wants-json';
import { inBatchGroup } from './batch-groups';
import { loadQueue } from './queue-data';
import { takeDecision } from './take-decision';
import { queuePage } from './web/queue-page';
import { statsPage } from './web/stats-page';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const FLASH: Record<string, string> = {
  approve: 'Approved.', edit: 'Edited text approved.', reject: 'Rejected: nothing will be sent.',
  escalate: 'Escalated to level 2.', takeover: 'Taken over.',
};

export function createQueueRouter(deps: { db: Queryable; vault: FieldVault; client: Client }): Router {
  const router = express.Router();

  router.get('/', (_req, res) => res.redirect(303, '/queue'));

  router.get('/queue', async (req, res) => {
    const filter = { route: word(req.query.route), intent: word(req.query.intent) };
    const [rows, facets, waiting] = await Promise.all([loadQueue(deps, filter), waitingFacets(deps.db), countWaitingEmails(deps.db, filter)]);
    if (wantsJson(req)) return void res.json({ waiting, emails: rows.map(({ emailCase: _case, ...row }) => row) });
    res.type('html').send(queuePage({ reviewer: reviewerOf(res), rows, waiting, facets, filter, flash: flash(req.query) }));
  });

  /**
   * Approves (or rejects) each listed email that belongs to the group (batch-groups.ts: same intent and template, or
   * same topic); others are skipped, not decided. Each email goes through the same checks as one decided on its page
   * (role, claim, the workflow's own). A batch reject needs `confirm=yes` (the form's checkbox): nothing will be sent
   * to any of these customers.
   */
  router.post(['/batch/approve', '/batch/reject'], async (req, res) => {
    const action = req.path.endsWith('/reject') ? 'reject' : 'approve';
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (action === 'reject' && body.confirm !== 'yes') {
      return void res.status(400).type('text').send('a batch reject needs its confirmation (confirm=yes)');
    }
    const keys = ([] as unknown[]).concat(body.emailKey ?? []).filter((k): k is string => typeof k === 'string').slice(0, 100);
    const group = typeof body.group === 'string' ? body.group : '';
    const reviewer = reviewerOf(res);
    let decided = 0;
    let skipped = 0;
    for (const emailKey of keys) {
      const item = /^[0-9a-f]{64}$/.test(emailKey) ? await getQueueItem(deps.db, deps.vault, emailKey) : null;
      const member = item !== null && inBatchGroup(group, item);
      const result = member ? await takeDecision(deps, reviewer, { emailKey, action, decisionId: randomUUID() }) : null;
      if (result?.ok) decided++;
      else skipped++;
    }
    const done = action === 'approve' ? 'approved' : 'rejected';
    if (wantsJson(req)) return void res.json({ [done]: decided, skipped });
    res.redirect(303, `/queue?done=batch&${done}=${decided}&skipped=${skipped}`);
  });

  router.get(['/stats/edits', '/stats/edits.json'], async (req, res) => {
    const rows = await editSimilarityByIntent(deps.db);
    if (req.path.endsWith('.json') || wantsJson(req)) return void res.json({ similarity: rows });
    res.type('html').send(statsPage(rows, await modelDraftStats(deps.db), reviewerOf(res)));
  });
  router.get('/stats/drafts.json', async (_req, res) => void res.json({ models: await modelDraftStats(deps.db) }));
  return router;
}

function word(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined;
}

function flash(query: Record<string, unknown>): string | undefined {
  if (query.done === 'batch') {
    const decided = query.rejected !== undefined
      ? `${Number(query.rejected) || 0} rejected (nothing will be sent)` : `${Number(query.approved) || 0} approved`;
    return `Batch: ${decided}, ${Number(query.skipped) || 0} skipped (already handled, claimed or not in the group).`;
  }
  return typeof query.done === 'string' ? FLASH[query.done] : undefined;
}
