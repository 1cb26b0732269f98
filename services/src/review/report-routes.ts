/** The weekly report (role lead and above): the page, and the same report as Markdown (`replique report --week`). */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { weeklyReport } from '@replique/activities/adapters/pg/weekly-report';
import { isoWeekOf } from '@replique/activities/kpi/iso-week';
import { reportMarkdown } from './report-markdown';
import { hasRole, reviewerOf } from './auth/session-auth';
import { wantsJson } from './wants-json';
import { reportPage } from './web/report-page';

export function createReportRouter(deps: { db: Queryable; conversionWindowDays: number }): Router {
  const router = express.Router();
  router.use(['/report', '/report.md'], (_req, res, next) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });
  router.get(['/report', '/report.md'], async (req, res) => {
    const asked = typeof req.query.week === 'string' && req.query.week !== '' ? req.query.week : null;
    const week = asked ?? isoWeekOf(new Date(Date.now() - 7 * 86_400_000));
    const report = await weeklyReport(deps.db, week, { conversionWindowDays: deps.conversionWindowDays });
    if (!report) return void res.status(400).type('text').send('week: an ISO week, e.g. 2026-W48');
    if (req.path === '/report.md') return void res.type('text/markdown; charset=utf-8').send(reportMarkdown(report));
    if (wantsJson(req)) return void res.json(report);
    res.type('html').send(reportPage(report, reviewerOf(res)));
  });
  return router;
}
