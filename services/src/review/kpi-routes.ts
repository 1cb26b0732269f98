/** The KPI page, its CSV and JSON (role lead and above): figures the KPI consumer keeps in Postgres. */
import express, { type Router } from 'express';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { kpiDimensionValues, kpiFreshness, kpiRows, topReescalatedTopics } from '@replique/activities/adapters/pg/kpi-store';
import { complementConversion } from '@replique/activities/adapters/pg/conversion-store';
import { hasRole, reviewerOf } from './auth/session-auth';
import { kpiCsv } from './kpi-csv';
import { kpiSearch, parseKpiQuery } from './kpi-query';
import { wantsJson } from './wants-json';
import { kpiPage } from './web/kpi-page';

export function createKpiRouter(deps: { db: Queryable; conversionWindowDays: number }): Router {
  const router = express.Router();
  router.use(['/kpi', '/kpi.csv', '/kpi.json'], (_req, res, next) => {
    if (!hasRole(reviewerOf(res), 'lead')) return void res.status(403).type('text').send('leads only');
    next();
  });

  router.get(['/kpi', '/kpi.json', '/kpi.csv'], async (req, res) => {
    const parsed = parseKpiQuery(req.query as Record<string, unknown>);
    if (!parsed.ok) return void res.status(400).type('text').send(`bad query: ${parsed.error}`);
    const query = parsed.query;
    const options = { conversionWindowDays: deps.conversionWindowDays };
    if (req.path === '/kpi.csv') {
      const rows = await kpiRows(deps.db, query, options);
      res.attachment(`replique-kpi-${query.granularity}.csv`).type('text/csv; charset=utf-8').send(kpiCsv(rows));
      return;
    }
    const [total, trend, breakdown, topics, complements] = await Promise.all([
      kpiRows(deps.db, { ...query, granularity: 'all', split: null }, options),
      kpiRows(deps.db, { ...query, split: null }, options),
      query.split ? kpiRows(deps.db, { ...query, granularity: 'all' }, options) : Promise.resolve([]),
      topReescalatedTopics(deps.db, query),
      complementConversion(deps.db, query, deps.conversionWindowDays),
    ]);
    if (req.path === '/kpi.json' || wantsJson(req)) {
      return void res.json({ query, conversionWindowDays: deps.conversionWindowDays, total: total[0] ?? null, trend, breakdown, topics, complements });
    }
    const [values, freshness] = await Promise.all([kpiDimensionValues(deps.db), kpiFreshness(deps.db)]);
    res.type('html').send(kpiPage({
      query, search: kpiSearch(query), values, total: total[0] ?? null, trend, breakdown, topics, complements, freshness,
      conversionWindowDays: deps.conversionWindowDays,
    }, reviewerOf(res)));
  });
  return router;
}
