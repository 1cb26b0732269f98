-- Experiments as data: two or more variants of a prompt, template, tone, length or CTA, compared on one KPI outcome
-- by a fixed-horizon test planned up front (activities/src/experiments/: sample size per arm from the baseline, the
-- minimum detectable effect, alpha and power; one readout when every arm has that many outcomes).
--
-- An email is assigned to a variant by a stable hash of (experiment id, the conversation's root Message-ID or the
-- customer's address): nothing of it is stored. The draft records `{id, variant}`; the KPI consumer carries it as the
-- cohort `experimentId:variant` (kpi_email_facts.cohort), which is how outcomes join their variant.
-- A variant names the text it uses by a version key, `textId@version` (the draft's templateId@version, the KPI
-- `template` dimension): a prompt (`draft-reply@1.1.0`) or a template (`order_status_reply@3`).
-- Creating an experiment and promoting its winner (a person, in the review tool) are audit rows too (stage `experiment`).

create table experiments (
  id               text primary key check (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  kind             text not null check (kind in ('prompt', 'template', 'tone', 'length', 'cta')),
  title            text not null,
  metric           text not null check (metric in ('csat_positive', 'reescalation', 'automation', 'time_to_close', 'edit_distance')),
  -- Proportions: the control's expected rate; continuous outcomes: the outcome's standard deviation.
  baseline         double precision not null check (baseline > 0),
  -- The smallest true difference worth detecting, absolute, in the metric's unit.
  mde              double precision not null check (mde > 0),
  alpha            double precision not null check (alpha > 0 and alpha < 0.5),
  power            double precision not null check (power >= 0.5 and power < 1),
  -- Computed when the experiment is created, never changed after: the fixed horizon.
  sample_per_arm   integer not null check (sample_per_arm > 0),
  assignment_unit  text not null default 'conversation' check (assignment_unit in ('conversation', 'customer')),
  status           text not null default 'running' check (status in ('running', 'promoted')),
  promoted_variant text,
  decided_by       text,
  decided_at       timestamptz,
  decision_note    text,
  -- Staff login or `cli`. Not customer data.
  created_by       text not null,
  created_at       timestamptz not null default now(),
  check ((status = 'promoted') = (promoted_variant is not null))
);

create table experiment_variants (
  experiment_id text not null references experiments (id),
  name          text not null check (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  version_key   text not null check (version_key ~ '^[^@\s]+@[^@\s]+$'),
  weight        integer not null default 1 check (weight > 0),
  is_control    boolean not null default false,
  position      smallint not null,
  primary key (experiment_id, name),
  unique (experiment_id, position)
);
create unique index experiment_variants_one_control on experiment_variants (experiment_id) where is_control;

-- Every customer email of a variant with its outcomes (kpi_email_outcomes), for the per-variant figures and the test.
create view experiment_outcomes as
select v.experiment_id, v.name as variant, o.*
from experiment_variants v
join kpi_email_outcomes o on o.cohort = v.experiment_id || ':' || v.name and o.customer;

alter table experiments add constraint experiments_promoted_variant_fk
  foreign key (id, promoted_variant) references experiment_variants (experiment_id, name) deferrable initially deferred;
