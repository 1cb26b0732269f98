/**
 * Alertmanager's webhook receiver (`webhook_configs`, payload version 4): each alert of a notification becomes or
 * updates a notice on the board (`/notices`). Behind its own bearer token (ALERTS_WEBHOOK_TOKEN, given to
 * Alertmanager as `http_config.authorization.credentials_file`), so the machine that posts alerts can do nothing else.
 *
 *   POST /hooks/alertmanager    {version: "4", status, alerts: [{status, labels, annotations, startsAt, endsAt, fingerprint}]}
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Queryable } from '@replique/activities/adapters/pg/pool';
import { recordAlertNotice } from '@replique/activities/adapters/pg/alert-notices';
import { createLogger } from '@replique/activities/logger';
import { requireBearer } from './auth/bearer-token';

const log = createLogger('review.alert-hook');

const text = (max: number) => z.string().max(max);
const Alert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(text(200), text(2_000)).refine((l) => typeof l.alertname === 'string' && l.alertname !== '', 'an alert needs its alertname label'),
  annotations: z.record(text(200), text(4_000)).default({}),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/),
});
const Notification = z.object({
  version: z.literal('4'),
  alerts: z.array(Alert).max(1_000),
});

export function createAlertHookRouter(deps: { db: Queryable; token: string }): Router {
  const router = express.Router();
  router.post('/hooks/alertmanager', requireBearer(deps.token), express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = Notification.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    for (const alert of parsed.data.alerts) {
      await recordAlertNotice(deps.db, {
        fingerprint: alert.fingerprint,
        status: alert.status,
        alertname: alert.labels.alertname!,
        severity: alert.labels.severity ?? null,
        summary: alert.annotations.summary ?? null,
        runbook: alert.annotations.runbook ?? null,
        labels: alert.labels,
        startsAt: new Date(alert.startsAt),
        endsAt: alert.endsAt ? new Date(alert.endsAt) : null,
      });
    }
    log.info({ alerts: parsed.data.alerts.map((a) => `${a.labels.alertname}:${a.status}`) }, 'alert notification stored');
    res.json({ stored: parsed.data.alerts.length });
  });
  return router;
}
