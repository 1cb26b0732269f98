/**
 * The gated rollout's reads and records (migration 025): where the rollout stands (the step in force and the policy
 * version it started at), the cohort's counts from the KPI tables (migration 022: kpi_events, kpi_email_outcomes),
 * and the history of proposals, promotions and automatic step backs (rollout_events).
 */
import type { CohortCounts } from '../../rollout/rollout-gate';
import type { Queryable } from './pool';

export interface RolloutStep {
  /** The rollout percentage of the latest policy version. */
  percentage: number;
  /** The first version of the latest run of versions at this percentage, and when it was saved. */
  sinceVersion: number;
  since: Date;
}

/** The step in force: the latest change of `rollout.percentage` among the policy versions; null without a version. */
export async function currentRolloutStep(db: Queryable): Promise<RolloutStep | null> {
  const { rows } = await db.query<{ percentage: string; version: number; created_at: Date }>(
    `with v as (
       select version, created_at, (body->'rollout'->>'percentage')::numeric as percentage,
         lag((body->'rollout'->>'percentage')::numeric) over (order by version) as before
       from policy_versions)
     select percentage, version, created_at from v where before is distinct from percentage order by version desc limit 1`,
  );
  const row = rows[0];
  return row ? { percentage: Number(row.percentage), sinceVersion: row.version, since: row.created_at } : null;
}

/**
 * The cohort's counts: customer emails routed with `rollout: in` at or after the step's first version and time
 * (their route event, as the worker wrote it to email.events), with their KPI facts and re-escalation.
 */
export async function measureRolloutCohort(db: Queryable, step: Pick<RolloutStep, 'sinceVersion' | 'since'>): Promise<CohortCounts> {
  const { rows } = await db.query<CohortCounts>(
    `select count(*)::int as emails,
       count(*) filter (where automated)::int as automated,
       count(*) filter (where reescalated)::int as reescalated,
       count(*) filter (where reviewed_sent)::int as "reviewedSent",
       count(*) filter (where edited and reviewed_sent)::int as edited,
       count(*) filter (where template <> 'none')::int as drafted,
       count(*) filter (where fact_check_blocked)::int as "factCheckBlocked",
       count(csat_score)::int as rated,
       count(*) filter (where csat_score >= 4)::int as satisfied
     from kpi_email_outcomes
     where customer and email_key in (
       select email_key from kpi_events
       where stage = 'route' and data->>'rollout' = 'in' and at >= $1 and data->'policyVersion' >= to_jsonb($2::int))`,
    [step.since, step.sinceVersion],
  );
  return rows[0]!;
}

export type RolloutEventKind = 'proposed' | 'promoted' | 'step_back';

export interface RolloutEventRow {
  id: string;
  kind: RolloutEventKind;
  fromPercentage: number;
  toPercentage: number;
  policyVersion: number;
  createdBy: string;
  kpis: Record<string, unknown>;
  note: string | null;
  createdAt: Date;
}

export interface RolloutEventInput {
  kind: RolloutEventKind;
  from: number;
  to: number;
  policyVersion: number;
  by: string;
  kpis: Record<string, unknown>;
  note?: string | null;
}

/** Records one event once (by kind and policy version); returns whether it was new. */
export async function recordRolloutEvent(db: Queryable, input: RolloutEventInput): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into rollout_events (event_key, kind, from_percentage, to_percentage, policy_version, created_by, kpis, note)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) on conflict (event_key) do nothing`,
    [`${input.kind}:${input.policyVersion}`, input.kind, input.from, input.to, input.policyVersion, input.by, JSON.stringify(input.kpis), input.note ?? null],
  );
  return rowCount === 1;
}

export async function listRolloutEvents(db: Queryable, limit = 50): Promise<RolloutEventRow[]> {
  const { rows } = await db.query<RolloutEventRow & { fromPercentage: string; toPercentage: string }>(
    `select id, kind, from_percentage as "fromPercentage", to_percentage as "toPercentage", policy_version as "policyVersion",
       created_by as "createdBy", kpis, note, created_at as "createdAt"
     from rollout_events order by id desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, fromPercentage: Number(r.fromPercentage), toPercentage: Number(r.toPercentage) }));
}
