/**
 * The review tool's web side, server-rendered by express: login, queue, email, actions (a GDPR request's export), stats, KPIs, rollout, experiments and the weekly report (leads), alert notices, the quarantine. Static assets (a
 * stylesheet and a small script for keys and auto-refresh) carry no customer data; every other route needs a
 * session (pages redirect to /login, other requests get 401) and every POST a CSRF token.
 */
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Pool } from '@replique/activities/adapters/pg/pool';
import { createLogger } from '@replique/activities/logger';
import { requireReviewer } from './auth/session-auth';
import { createAdminRouter } from './admin-routes';
import { createAttachmentRouter } from './attachment-routes';
import { createEmailRouter } from './email-routes';
import { createLoginRouter } from './login-routes';
import { createOptOutRouter } from './opt-out-routes';
import { createGdprExportRouter } from './gdpr-export-routes';
import { createPolicyRouter } from './policy-routes';
import { createRolloutRouter } from './rollout-routes';
import { createQueueRouter } from './queue-routes';
import { createKpiRouter } from './kpi-routes';
import { createNoticeRouter } from './notice-routes';
import { createQuarantineRouter } from './quarantine-routes';
import { createExperimentRouter } from './experiment-routes';
import { createTemplatesRouter } from './templates-routes';
import { createModelRouter } from './model-routes';
import type { ActivationCheckSettings } from '../wording/activation-check';
import { createReportRouter } from './report-routes';
import type { FieldVault } from '@replique/activities/adapters/vault/field-vault';
import type { MemoryStore } from '@replique/activities/memory/memory-store';

const log = createLogger('review-web');

export interface ReviewWebOptions {
  db: Pool;
  /** Opens the customer text the tool shows, seals the edits it keeps. */
  vault: FieldVault;
  client: Client;
  /** Secure cookies (behind TLS). Off on the loopback dev stack. */
  cookieSecure: boolean;
  /** What the activation check of a template or prompt version replays (/templates). */
  wordingCheck: ActivationCheckSettings;
  /** Conversion after email: days after a reply in which an order counts (KPI page, weekly report). */
  conversionWindowDays: number;
  /** The customer memory a GDPR export includes (the worker's Qdrant collection), or none. */
  memory: MemoryStore | null;
}

export function createReviewWebRouter(options: ReviewWebOptions): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set({
      'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    next();
  });
  router.use('/static', express.static(path.join(__dirname, 'static'), { index: false, maxAge: '5m' }));
  router.get('/favicon.ico', (_req, res) => void res.status(204).end());
  router.use(createLoginRouter(options));
  router.use(express.urlencoded({ extended: false, limit: '256kb' }), express.json({ limit: '256kb' }));
  router.use(requireReviewer(options.db));
  router.use(createQueueRouter(options));
  router.use(createOptOutRouter(options));
  router.use(createGdprExportRouter(options));
  router.use(createEmailRouter(options));
  router.use(createAttachmentRouter(options));
  router.use(createAdminRouter(options));
  router.use(createPolicyRouter(options));
  router.use(createRolloutRouter(options));
  router.use(createKpiRouter(options));
  router.use(createNoticeRouter(options));
  router.use(createQuarantineRouter(options));
  router.use(createExperimentRouter(options));
  router.use(createTemplatesRouter(options));
  router.use(createModelRouter(options));
  router.use(createReportRouter(options));
  router.use((_req: Request, res: Response) => void res.status(404).type('text').send('not found'));
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ err: error }, 'review tool request failed');
    res.status(500).type('text').send('internal error');
  });
  return router;
}
