/**
 * The review tool's notice board (migration 023): the alerts Alertmanager delivered to the review service. One row
 * per occurrence (fingerprint, starts_at); a repeated notification counts on the row, a resolved one closes it.
 */
import type { Queryable } from './pool';

export interface AlertNoticeInput {
  fingerprint: string;
  status: 'firing' | 'resolved';
  alertname: string;
  severity: string | null;
  summary: string | null;
  runbook: string | null;
  labels: Record<string, string>;
  startsAt: Date;
  /** Only for a resolved alert: when it stopped. */
  endsAt: Date | null;
}

export interface AlertNotice extends AlertNoticeInput {
  id: string;
  receivedAt: Date;
  updatedAt: Date;
  notifications: number;
}

/** Stores one alert of a notification: a new occurrence, or the update of a known one. */
export async function recordAlertNotice(db: Queryable, notice: AlertNoticeInput): Promise<void> {
  await db.query(
    `insert into alert_notices (fingerprint, starts_at, alertname, severity, status, summary, runbook, labels, ends_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     on conflict (fingerprint, starts_at) do update set
       status = excluded.status, severity = excluded.severity, summary = excluded.summary, runbook = excluded.runbook,
       labels = excluded.labels, ends_at = excluded.ends_at, updated_at = now(),
       notifications = alert_notices.notifications + 1`,
    [notice.fingerprint, notice.startsAt, notice.alertname, notice.severity, notice.status, notice.summary, notice.runbook,
      JSON.stringify(notice.labels), notice.status === 'resolved' ? notice.endsAt : null],
  );
}

/** Firing alerts first, then the most recently changed; at most `limit`. */
export async function listAlertNotices(db: Queryable, limit = 100): Promise<AlertNotice[]> {
  const { rows } = await db.query<AlertNotice>(
    `select id::text as id, fingerprint, status, alertname, severity, summary, runbook, labels, starts_at as "startsAt",
            ends_at as "endsAt", received_at as "receivedAt", updated_at as "updatedAt", notifications
     from alert_notices order by (status = 'firing') desc, updated_at desc, id desc limit $1`,
    [limit],
  );
  return rows;
}
