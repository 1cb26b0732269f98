/** The queue page, the batch approval of similar drafts, the edit-similarity and model-draft stats (page and JSON). */
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
   * Approves each listed email that belongs to the group (batch-groups.ts: same intent and template, or same topic);
   * others are skipped, not approved.
   */
  router.post('/batch/approve', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const keys = ([] as unknown[]).concat(body.emailKey ?? []).filter((k): k is string => typeof k === 'string').slice(0, 100);
    const group = typeof body.group === 'string' ? body.group : '';
    const reviewer = reviewerOf(res);
    let approved = 0;
    let skipped = 0;
    for (const emailKey of keys) {
      const item = /^[0-9a-f]{64}$/.test(emailKey) ? await getQueueItem(deps.db, deps.vault, emailKey) : null;
      const similar = item !== null && inBatchGroup(group, item);
      const result = similar ? await takeDecision(deps, reviewer, { emailKey, action: 'approve', decisionId: randomUUID() }) : null;
      if (result?.ok) approved++;
      else skipped++;
    }
    if (wantsJson(req)) return void res.json({ approved, skipped });
    res.redirect(303, `/queue?done=batch&approved=${approved}&skipped=${skipped}`);
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
    return `Batch: ${Number(query.approved) || 0} approved, ${Number(query.skipped) || 0} skipped (already handled, claimed or not similar).`;
  }
  return typeof query.done === 'string' ? FLASH[query.done] : undefined;
}
