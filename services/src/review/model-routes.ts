/**
 * The meaning model page (role lead, or admin): the version in force, every stored version with who published it
 * and when, the history of activations, a rollback in one click and the activation of a stored version. Publishing
 * a new model file is a CLI step (`replique model publish FILE`: the file is about a megabyte). Every action is
 * audited (stage `model`). `Accept: application/json` gets JSON everywhere.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import {
  activateModelVersion, activeModelVersion, listModelActivations, listModelVersions, ModelActionError, rollbackModelVersion,
} from '@replique/activities/adapters/pg/model-versions';
import { FEATURE_VERSION } from '@replique/activities/triage/intent-features';
import { hasRole, reviewerOf } from './auth/session-auth';
import { modelPage } from './web/model-page';
import { wantsJson } from './wants-json';

export function createModelRouter(deps: { db: Pool }): Router {
  const router = express.Router();
  router.use('/model', (_req: Request, res: Response, next: NextFunction) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });

  const show = async (req: Request, res: Response, extra: { status?: number; error?: string } = {}) => {
    const [active, versions, activations] = await Promise.all([activeModelVersion(deps.db), listModelVersions(deps.db, 50), listModelActivations(deps.db, 30)]);
    if (wantsJson(req)) {
      if (extra.error) return void res.status(extra.status ?? 400).json({ error: extra.error });
      return void res.json({ inForce: active ? { version: active.row.version, modelVersion: active.row.modelVersion } : null, featureVersion: FEATURE_VERSION, versions, activations });
    }
    res.status(extra.status ?? 200).type('html').send(modelPage({
      reviewer: reviewerOf(res), active, versions, activations, featureVersion: FEATURE_VERSION, error: extra.error, flash: flashOf(req.query),
    }));
  };

  router.get('/model', (req, res) => show(req, res));

  router.post('/model/rollback', async (req, res) => {
    try {
      const a = await rollbackModelVersion(deps.db, { by: reviewerOf(res).name });
      if (wantsJson(req)) return void res.json({ inForce: { version: a.version, modelVersion: a.modelVersion } });
      res.redirect(303, `/model?rolledback=${a.version}`);
    } catch (error) {
      if (error instanceof ModelActionError) return show(req, res, { status: 409, error: `Not rolled back: ${error.message}` });
      throw error;
    }
  });

  router.post('/model/activate', async (req, res) => {
    try {
      const a = await activateModelVersion(deps.db, { version: Number(((req.body ?? {}) as Record<string, unknown>).version), by: reviewerOf(res).name });
      if (wantsJson(req)) return void res.json({ inForce: { version: a.version, modelVersion: a.modelVersion } });
      res.redirect(303, `/model?activated=${a.version}`);
    } catch (error) {
      if (error instanceof ModelActionError) return show(req, res, { status: 409, error: `Not activated: ${error.message}` });
      throw error;
    }
  });
  return router;
}

function flashOf(query: Request['query']): string | null {
  if (typeof query.rolledback === 'string') return `Rolled back: version ${query.rolledback} is in force again; new emails are classified with it within seconds.`;
  if (typeof query.activated === 'string') return `Version ${query.activated} is in force; new emails are classified with it within seconds.`;
  return null;
}
