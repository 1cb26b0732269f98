/** The quarantine (`/quarantine`, page and JSON): emails that ended unread, for every signed-in member of staff. */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { listQuarantinedEmails } from '@replique/activities/adapters/pg/quarantined-emails';
import { reviewerOf } from './auth/session-auth';
import { wantsJson } from './wants-json';
import { quarantinePage } from './web/quarantine-page';

export function createQuarantineRouter(deps: { db: Queryable }): Router {
  const router = express.Router();
  router.get(['/quarantine', '/quarantine.json'], async (req, res) => {
    const list = await listQuarantinedEmails(deps.db);
    if (req.path === '/quarantine.json' || wantsJson(req)) return void res.json(list);
    res.type('html').send(quarantinePage(list, reviewerOf(res)));
  });
  return router;
}
