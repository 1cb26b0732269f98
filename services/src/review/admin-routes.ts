/** Admin only: the accounts page and disabling an account (audited). Anyone else gets 403. */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { appendAudit } from '@replique/activities/adapters/pg/audit-log';
import { disableReviewer, listReviewers } from '@replique/activities/adapters/pg/reviewers';
import { hasRole, reviewerOf } from './auth/session-auth';
import { usersPage } from './web/users-page';
import { wantsJson } from './wants-json';

export function createAdminRouter(deps: { db: Queryable }): Router {
  const router = express.Router();
  router.use('/admin', (_req: Request, res: Response, next: NextFunction) => {
    if (!hasRole(reviewerOf(res), 'admin')) return void res.status(403).type('text').send('admins only');
    next();
  });

  router.get('/admin/users', async (req, res) => {
    const users = await listReviewers(deps.db);
    if (wantsJson(req)) return void res.json({ users });
    res.type('html').send(usersPage(users, reviewerOf(res)));
  });

  router.post('/admin/users/:name/disable', async (req, res) => {
    const admin = reviewerOf(res);
    const name = String(req.params.name);
    if (name === admin.name) return void res.status(409).type('text').send('an admin does not disable their own account here');
    const done = await disableReviewer(deps.db, name);
    if (done) await appendAudit(deps.db, { emailKey: null, stage: 'review-tool', event: 'user_disabled', data: { name, by: admin.name } });
    if (wantsJson(req)) return void res.status(done ? 200 : 404).json({ disabled: done });
    res.redirect(303, '/admin/users');
  });
  return router;
}
