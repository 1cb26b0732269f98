/** The notice board (`/notices`, page and JSON): the alerts Alertmanager delivered, for every signed-in member of staff. */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { listAlertNotices } from '@replique/activities/adapters/pg/alert-notices';
import { reviewerOf } from './auth/session-auth';
import { wantsJson } from './wants-json';
import { noticesPage } from './web/notices-page';

export function createNoticeRouter(deps: { db: Queryable }): Router {
  const router = express.Router();
  router.get(['/notices', '/notices.json'], async (req, res) => {
    const notices = await listAlertNotices(deps.db);
    if (req.path === '/notices.json' || wantsJson(req)) return void res.json({ notices });
    res.type('html').send(noticesPage(notices, reviewerOf(res)));
  });
  return router;
}
