-- The review tool's notice board: alerts that Prometheus raised and Alertmanager delivered to the review service's
-- webhook (POST /hooks/alertmanager). One row per occurrence of an alert: Alertmanager's fingerprint (a hash of its
-- label set) and the time it started firing. A repeated notification updates the row; a resolved one sets
-- `status` and `ends_at`. Labels and annotations are the alert rules' own (infra/monitoring/rules): counts, routes,
-- intents and rates, never customer data.
create table alert_notices (
  id            bigserial primary key,
  fingerprint   text not null,
  starts_at     timestamptz not null,
  alertname     text not null,
  severity      text,
  status        text not null check (status in ('firing', 'resolved')),
  summary       text,
  runbook       text,
  labels        jsonb not null default '{}' check (jsonb_typeof(labels) = 'object'),
  ends_at       timestamptz,
  received_at   timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  notifications integer not null default 1,
  unique (fingerprint, starts_at)
);
create index alert_notices_recent_idx on alert_notices (updated_at desc);
