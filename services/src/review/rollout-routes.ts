/**
 * The gated rollout page (role lead, or admin): where the rollout stands, the cohort's KPIs against the gate, and the
 * confirmation of a proposed promotion (re-measured on the click; recorded and audited with the lead's name).
 * `Accept: application/json` gets JSON.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { listRolloutEvents } from '@replique/activities/adapters/pg/rollout-store';
import { promoteRollout, RolloutNotReadyError, rolloutStatus } from '@replique/activities/rollout/evaluate-rollout';
import { hasRole, reviewerOf } from './auth/session-auth';
import { rolloutPage } from './web/rollout-page';
import { wantsJson } from './wants-json';

export function createRolloutRouter(deps: { db: Pool }): Router {
  const router = express.Router();
  router.use('/rollout', (_req: Request, res: Response, next: NextFunction) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });

  const show = async (req: Request, res: Response, extra: { status?: number; error?: string } = {}) => {
    const [status, history] = await Promise.all([rolloutStatus(deps.db), listRolloutEvents(deps.db, 50)]);
    if (wantsJson(req)) {
      if (extra.error) return void res.status(extra.status ?? 400).json({ error: extra.error });
      return void res.json({ status, history });
    }
    const flash = typeof req.query.promoted === 'string' ? `Promoted: saved as policy version ${req.query.promoted}; the workers take it within a second.` : null;
    res.status(extra.status ?? 200).type('html').send(rolloutPage({ reviewer: reviewerOf(res), status, history, error: extra.error, flash }));
  };

  router.get('/rollout', (req, res) => show(req, res));

  router.post('/rollout/promote', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const from = Number(form.from);
    const note = typeof form.note === 'string' && form.note.trim() ? form.note.trim().slice(0, 500) : null;
    try {
      const done = await promoteRollout(deps.db, { by: reviewerOf(res).name, note, expectFrom: Number.isFinite(from) && form.from !== '' ? from : undefined });
      if (wantsJson(req)) return void res.status(201).json(done);
      res.redirect(303, `/rollout?promoted=${done.version}`);
    } catch (error) {
      if (error instanceof RolloutNotReadyError) return show(req, res, { status: 409, error: `Not promoted: ${error.message}` });
      throw error;
    }
  });
  return router;
}
