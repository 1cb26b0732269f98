-- The gated rollout (docs/operations.md, "Gated rollout"): the ladder and the gate are policy data
-- (policy_versions.body.rollout); this table keeps what the evaluator and the leads did with it.
--
-- rollout_events: one row per proposal (the evaluator found the cohort's KPIs holding over the minimum sample at a
-- step: once per step), per promotion (a lead confirmed, in the review tool or the CLI) and per automatic step back
-- (a KPI broke its threshold). `kpis` is the measurement it acted on (counts and rates only, no PII); `policy_version`
-- the version the step started at (proposed) or the version the change saved (promoted, step_back).
create table rollout_events (
  id              bigserial primary key,
  -- proposed:<step version>, promoted:<new version>, step_back:<new version>: a repeated call writes nothing.
  event_key       text not null unique,
  kind            text not null check (kind in ('proposed', 'promoted', 'step_back')),
  from_percentage numeric not null,
  to_percentage   numeric not null,
  policy_version  integer not null references policy_versions (version),
  -- A staff login, `cli:…`, or `rollout-gate` (the evaluator). Not customer data.
  created_by      text not null,
  kpis            jsonb not null check (jsonb_typeof(kpis) = 'object'),
  note            text,
  created_at      timestamptz not null default now()
);
create index rollout_events_created_at_idx on rollout_events (created_at desc);

-- The cohort's emails: route events the worker marked `rollout: in` (kpi_events.data), by time.
create index kpi_events_rollout_cohort_idx on kpi_events (at) where stage = 'route' and data->>'rollout' = 'in';
