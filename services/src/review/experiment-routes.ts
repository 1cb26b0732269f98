/**
 * The experiments page (role lead, or admin): the list with per-variant outcomes and the test's state, starting an
 * experiment from a JSON definition, and promoting a variant (a person's decision, audited with the test's state; a
 * saved template or prompt version is put in force for every email with it).
 * `Accept: application/json` gets JSON everywhere.
 */
import express, { type Request, type Response, type Router } from 'express';
import { ZodError, z } from 'zod';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import {
  createExperiment, ExperimentError, experimentReport, listExperiments, promoteVariant,
} from '@replique/activities/adapters/pg/experiment-store';
import { DraftExperimentError, savedWordingOf } from '@replique/activities/reply/draft-experiment';
import { hasRole, reviewerOf } from './auth/session-auth';
import { experimentsPage, stateText } from './web/experiments-page';
import { wantsJson } from './wants-json';

export function createExperimentRouter(deps: { db: Pool; conversionWindowDays: number }): Router {
  const router = express.Router();
  router.use('/experiments', (_req, res, next) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });

  const show = async (req: Request, res: Response, extra: { status?: number; draft?: string; error?: string } = {}) => {
    const reports = await Promise.all((await listExperiments(deps.db)).map((e) => experimentReport(deps.db, e, deps.conversionWindowDays)));
    if (wantsJson(req)) {
      if (extra.error) return void res.status(extra.status ?? 400).json({ error: extra.error });
      return void res.json({ experiments: reports.map((r) => ({ ...r, stateText: stateText(r) })) });
    }
    res.status(extra.status ?? 200).type('html').send(experimentsPage({
      reports, flash: flashOf(req.query), error: extra.error ?? null, draft: extra.draft ?? null,
    }, reviewerOf(res)));
  };

  router.get('/experiments', (req, res) => show(req, res));

  router.post('/experiments', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const text = typeof form.definition === 'string' ? form.definition : JSON.stringify(form.definition ?? null);
    try {
      const created = await createExperiment(deps.db, JSON.parse(text) as unknown, reviewerOf(res).name);
      if (wantsJson(req)) return void res.status(201).json({ experiment: created });
      res.redirect(303, `/experiments?created=${encodeURIComponent(created.id)}`);
    } catch (error) {
      if (error instanceof SyntaxError) return show(req, res, { status: 422, draft: text, error: `Not JSON: ${error.message}` });
      if (error instanceof ZodError) return show(req, res, { status: 422, draft: text, error: `Not started:\n${z.prettifyError(error)}` });
      if (error instanceof RangeError || error instanceof ExperimentError || error instanceof DraftExperimentError) return show(req, res, { status: 422, draft: text, error: `Not started: ${error.message}` });
      throw error;
    }
  });

  router.post('/experiments/:id/promote', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const note = typeof form.note === 'string' && form.note.trim() ? form.note.trim().slice(0, 500) : null;
    try {
      const row = await promoteVariant(deps.db, {
        experimentId: String(req.params.id), variant: String(form.variant ?? ''), by: reviewerOf(res).name, note, conversionWindowDays: deps.conversionWindowDays,
      });
      if (wantsJson(req)) return void res.json({ experiment: row });
      const key = row.variants.find((v) => v.name === row.promotedVariant)!.versionKey;
      const inForce = savedWordingOf(key) ? `&inForce=${encodeURIComponent(key)}` : '';
      res.redirect(303, `/experiments?promoted=${encodeURIComponent(`${row.id}:${row.promotedVariant}`)}${inForce}`);
    } catch (error) {
      if (error instanceof ExperimentError) return show(req, res, { status: 409, error: `Not promoted: ${error.message}` });
      throw error;
    }
  });
  return router;
}

function flashOf(query: Request['query']): string | null {
  if (typeof query.created === 'string') return `Experiment ${query.created} started.`;
  if (typeof query.promoted === 'string') {
    return typeof query.inForce === 'string'
      ? `Promoted ${query.promoted}: ${query.inForce} is in force for every email from now on.`
      : `Promoted ${query.promoted}: the experiment has ended (a code prompt or template is put in force by a release or LLM_PROMPT_VERSION).`;
  }
  return null;
}
