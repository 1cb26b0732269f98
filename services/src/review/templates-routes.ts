/**
 * The template and prompt pages (role `prompts`, or lead/admin): save a version (validated with zod), run its
 * activation check as a background job (the dev and train sets replayed: about half a minute on 2 cores, too long for
 * a request; the page refreshes until the verdict), activate it once the check passed, roll back in one click, and
 * preview a version on a real past email. Every save, activation and rollback is audited (stage `wording`).
 * `Accept: application/json` gets JSON everywhere.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { createLogger } from '@replique/activities/logger';
import {
  activateWordingVersion, activeWordingVersion, getWordingVersion, latestWordingCheck, listWordingActivations, listWordingVersions,
  rollbackWordingVersion, saveWordingVersion, WORDING_KINDS, WordingActionError, type WordingCheckRow, type WordingKind,
} from '@replique/activities/adapters/pg/wording-versions';
import { PHRASE_KEYS } from '@replique/activities/reply/wording/phrase-catalogue';
import { WordingInvalidError } from '@replique/activities/reply/wording/template-wording-schema';
import { checkWordingVersion, type ActivationCheckSettings } from '../wording/activation-check';
import { previewableEmails, previewTemplateVersion } from '../wording/preview-draft';
import { hasRole, reviewerOf } from './auth/session-auth';
import { templatePreviewPage, templatesPage } from './web/templates-page';
import { wantsJson } from './wants-json';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';

const log = createLogger('review.templates');

export function createTemplatesRouter(deps: { db: Pool; vault: FieldVault; wordingCheck: ActivationCheckSettings }): Router {
  const router = express.Router();
  router.use('/templates', (_req: Request, res: Response, next: NextFunction) => {
    if (!hasRole(reviewerOf(res), 'prompts')) return void res.status(403).type('text').send('prompt owners and leads only');
    next();
  });

  const show = async (req: Request, res: Response, kind: WordingKind, extra: { status?: number; error?: string; submitted?: { body: unknown; text?: string } } = {}) => {
    const [active, versions, activations] = await Promise.all([
      activeWordingVersion(deps.db, kind), listWordingVersions(deps.db, kind, 30), listWordingActivations(deps.db, kind, 20),
    ]);
    const checks = new Map<number, WordingCheckRow>();
    for (const v of versions) {
      const check = await latestWordingCheck(deps.db, kind, v.version);
      if (check) checks.set(v.version, check);
    }
    if (wantsJson(req)) {
      if (extra.error) return void res.status(extra.status ?? 400).json({ error: extra.error });
      return void res.json({ kind, inForce: active?.row.version ?? null, versions: versions.map((v) => ({ ...v, check: checks.get(v.version) ?? null })), activations });
    }
    const editVersion = Number(req.query.edit);
    const base = Number.isInteger(editVersion) ? versions.find((v) => v.version === editVersion) ?? active?.row : active?.row;
    res.status(extra.status ?? 200).type('html').send(templatesPage({
      reviewer: reviewerOf(res), kind, active: active?.activation ?? null, versions, checks, activations,
      editing: extra.submitted ? { basedOn: base?.version ?? null, ...extra.submitted } : { basedOn: base?.version ?? null, body: base?.body ?? {} },
      emails: kind === 'templates' ? await previewableEmails(deps.db) : [],
      error: extra.error, flash: flashOf(req.query),
    }));
  };

  router.get('/templates', (req, res) => show(req, res, kindOf(req.query.kind)));

  router.post('/templates/save', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const kind = kindOf(form.kind);
    let body: unknown;
    let text: string | undefined;
    if (kind === 'templates' && form.body === undefined) {
      body = { phrases: Object.fromEntries(PHRASE_KEYS.map((k) => [k, { fr: String(form[`fr.${k}`] ?? ''), en: String(form[`en.${k}`] ?? '') }])) };
    } else {
      text = typeof form.body === 'string' ? form.body : JSON.stringify(form.body ?? null);
      try {
        body = JSON.parse(text) as unknown;
      } catch (error) {
        return show(req, res, kind, { status: 422, error: `Not JSON: ${(error as Error).message}`, submitted: { body: null, text } });
      }
    }
    try {
      const { created, row } = await saveWordingVersion(deps.db, { kind, body, by: reviewerOf(res).name, note: noteOf(form.note) });
      if (wantsJson(req)) return void res.status(created ? 201 : 200).json({ created, version: row.version, diff: row.diff });
      res.redirect(303, `/templates?kind=${kind}&${created ? `saved=${row.version}&edit=${row.version}` : 'unchanged=1'}`);
    } catch (error) {
      if (error instanceof WordingInvalidError) {
        return show(req, res, kind, { status: 422, error: `Not saved, the version is invalid:\n${error.message}`, submitted: { body, ...(text ? { text } : {}) } });
      }
      throw error;
    }
  });

  router.post('/templates/check', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const kind = kindOf(form.kind);
    const version = Number(form.version);
    if (!Number.isInteger(version) || !(await getWordingVersion(deps.db, kind, version))) return void res.status(404).type('text').send('no such version');
    const { started, done } = await checkWordingVersion(deps.db, { kind, version, by: reviewerOf(res).name }, deps.wordingCheck);
    done.then(
      (report) => log.info({ kind, version, passed: report.passed, sets: report.sets }, 'activation check done'),
      (error: unknown) => log.error({ err: error, kind, version }, 'activation check could not record its verdict'),
    );
    if (wantsJson(req)) return void res.status(202).json({ check: started.id, status: started.status });
    res.redirect(303, `/templates?kind=${kind}&checking=${version}`);
  });

  router.post('/templates/activate', async (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const kind = kindOf(form.kind);
    try {
      const a = await activateWordingVersion(deps.db, { kind, version: Number(form.version), by: reviewerOf(res).name });
      if (wantsJson(req)) return void res.json({ inForce: a.version });
      res.redirect(303, `/templates?kind=${kind}&activated=${a.version}`);
    } catch (error) {
      if (error instanceof WordingActionError) return show(req, res, kind, { status: 409, error: `Not activated: ${error.message}` });
      throw error;
    }
  });

  router.post('/templates/rollback', async (req, res) => {
    const kind = kindOf(((req.body ?? {}) as Record<string, unknown>).kind);
    try {
      const a = await rollbackWordingVersion(deps.db, { kind, by: reviewerOf(res).name });
      if (wantsJson(req)) return void res.json({ inForce: a.version });
      res.redirect(303, `/templates?kind=${kind}&rolledback=${a.version}`);
    } catch (error) {
      if (error instanceof WordingActionError) return show(req, res, kind, { status: 409, error: `Not rolled back: ${error.message}` });
      throw error;
    }
  });

  router.get('/templates/preview', async (req, res) => {
    const emailKey = typeof req.query.email === 'string' ? req.query.email : '';
    const preview = await previewTemplateVersion(deps.db, deps.vault, emailKey, Number(req.query.version));
    if (!preview) return void res.status(404).type('text').send('no such email or version');
    if (wantsJson(req)) return void res.json(preview);
    res.type('html').send(templatePreviewPage({ reviewer: reviewerOf(res), emailKey, ...preview }));
  });
  return router;
}

function kindOf(value: unknown): WordingKind {
  return WORDING_KINDS.includes(value as WordingKind) ? (value as WordingKind) : 'templates';
}

function noteOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null;
}

function flashOf(query: Request['query']): string | null {
  if (typeof query.saved === 'string') return `Saved as version ${query.saved}. Run its activation check, then activate it.`;
  if (query.unchanged) return 'Nothing changed: no new version.';
  if (typeof query.checking === 'string') return `Checking version ${query.checking}: the dev and train sets are replayed (about half a minute); this page refreshes until the verdict.`;
  if (typeof query.activated === 'string') return `Version ${query.activated} is in force: new drafts use it within seconds.`;
  if (typeof query.rolledback === 'string') return `Rolled back: version ${query.rolledback} is in force again for new drafts within seconds.`;
  return null;
}
