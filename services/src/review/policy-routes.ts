/**
 * The live policy page (role lead, or admin): the kill switch, the policy document editor (validated with zod before
 * it is saved, refused when someone saved in between) and the history. Every save is a new version with who, when and
 * the diff (policy_versions + audit_log). `Accept: application/json` gets JSON everywhere.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import {
  latestPolicyVersion, listPolicyVersions, PolicyConflictError, PolicyInvalidError, savePolicyVersion,
} from '@replique/activities/adapters/pg/policy-versions';
import { hasRole, reviewerOf } from './auth/session-auth';
import { policyPage } from './web/policy-page';
import { wantsJson } from './wants-json';

export function createPolicyRouter(deps: { db: Pool }): Router {
  const router = express.Router();
  router.use('/policy', (_req: Request, res: Response, next: NextFunction) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });

  const show = async (req: Request, res: Response, extra: { status?: number; draft?: string; error?: string } = {}) => {
    const [latest, history] = await Promise.all([latestPolicyVersion(deps.db), listPolicyVersions(deps.db, 50)]);
    if (wantsJson(req)) {
      if (extra.error) return void res.status(extra.status ?? 400).json({ error: extra.error });
      return void res.json({ version: latest?.version ?? null, killSwitch: latest?.killSwitch ?? false, policy: latest?.body ?? null, history });
    }
    res.status(extra.status ?? 200).type('html').send(policyPage({
      reviewer: reviewerOf(res), latest, history, draft: extra.draft, error: extra.error, flash: flashOf(req.query),
    }));
  };

  router.get('/policy', (req, res) => show(req, res));

  router.post('/policy', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const text = typeof form.body === 'string' ? form.body : JSON.stringify(form.body ?? null);
    const basedOn = Number(form.basedOn);
    try {
      const { created, row } = await savePolicyVersion(deps.db, {
        body: JSON.parse(text) as unknown,
        by: reviewerOf(res).name,
        note: noteOf(form.note),
        basedOn: Number.isInteger(basedOn) && basedOn > 0 ? basedOn : undefined,
      });
      if (wantsJson(req)) return void res.status(created ? 201 : 200).json({ created, version: row.version, diff: row.diff });
      res.redirect(303, `/policy?${created ? `saved=${row.version}` : 'unchanged=1'}`);
    } catch (error) {
      if (error instanceof SyntaxError) return show(req, res, { status: 422, draft: text, error: `Not JSON: ${error.message}` });
      if (error instanceof PolicyInvalidError) return show(req, res, { status: 422, draft: text, error: `Not saved, the policy is invalid:\n${error.message}` });
      if (error instanceof PolicyConflictError) return show(req, res, { status: 409, draft: text, error: `Not saved: ${error.message}` });
      throw error;
    }
  });

  router.post('/policy/kill-switch', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    if (form.state !== 'on' && form.state !== 'off') return void res.status(400).type('text').send('state must be on or off');
    const { row } = await savePolicyVersion(deps.db, { killSwitch: form.state === 'on', by: reviewerOf(res).name, note: noteOf(form.note) });
    if (wantsJson(req)) return void res.json({ version: row.version, killSwitch: row.killSwitch });
    res.redirect(303, `/policy?switched=${row.killSwitch ? 'on' : 'off'}`);
  });
  return router;
}

function noteOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null;
}

function flashOf(query: Request['query']): string | null {
  if (typeof query.saved === 'string') return `Saved as version ${query.saved}; the workers take it within a second.`;
  if (query.unchanged) return 'Nothing changed: no new version.';
  if (query.switched === 'on') return 'Kill switch on: automatic sending stops within seconds.';
  if (query.switched === 'off') return 'Kill switch off: automatic sending resumes.';
  return null;
}
