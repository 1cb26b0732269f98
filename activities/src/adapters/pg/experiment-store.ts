/**
 * Experiments as stored (migration 024): creation with its fixed horizon (its version keys checked against the prompts
 * and templates the draft stage has: a saved version must be in force or have passed its activation check), at most
 * one running experiment per text, the list, the per-variant figures and the test's state read from the KPI tables
 * (experiment_outcomes: kpi_email_outcomes joined on the cohort `experimentId:variant`; conversion from the order
 * feed, conversion-store.ts), and the promotion of a variant by a person, which puts a saved winner's version in force
 * for every email. Creation and promotion append an audit row in the same transaction (stage `experiment`); every
 * change notifies the workers (channel `replique_experiments`, migration 030).
 */
import type { Pool } from 'pg';
import { planExperiment, type ExperimentKind } from '../../experiments/experiment-definition';
import { DraftExperimentError, draftExperimentOf, savedWordingOf, textsOf } from '../../reply/draft-experiment';
import { CONVERSION_WINDOW_DAYS } from '../../kpi/kpi-definitions';
import { conversionRows } from './conversion-store';
import { activateWordingVersionIn, listWordingActivations, wordingVersionRefusal } from './wording-versions';
import { METRICS, type ExperimentMetric } from '../../experiments/metrics';
import { readExperiment, type ArmSummary, type ExperimentState } from '../../experiments/readout';
import type { TestPlan } from '../../experiments/sample-size';
import { appendAudit } from './audit-log';
import type { Queryable } from './pool';
import { withTransaction } from './transaction';

export interface ExperimentVariantRow {
  name: string;
  versionKey: string;
  weight: number;
  isControl: boolean;
}

export interface ExperimentRow {
  id: string;
  kind: ExperimentKind;
  title: string;
  metric: ExperimentMetric;
  baseline: number;
  mde: number;
  alpha: number;
  power: number;
  samplePerArm: number;
  assignmentUnit: 'conversation' | 'customer';
  status: 'running' | 'promoted';
  promotedVariant: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdBy: string;
  createdAt: Date;
  variants: ExperimentVariantRow[];
}

/** A variant's outcomes over all its emails so far (the test itself uses only the first `samplePerArm`). */
export interface VariantFigures {
  variant: string;
  emails: number;
  automationRate: number | null;
  rated: number;
  csat: number | null;
  automated: number;
  reescalationRate: number | null;
  closed: number;
  timeToCloseP50Seconds: number | null;
  edited: number;
  editDistanceMean: number | null;
  /** Replies to a known customer matched with the baseline, and of them those followed by an order (conversion-store.ts). */
  conversionMatched: number;
  conversionConverted: number;
  conversionRate: number | null;
  /** The matched baseline's rate over the same windows. */
  conversionBaseline: number | null;
}

export interface ExperimentReport {
  experiment: ExperimentRow;
  plan: TestPlan;
  /** Within the horizon: what the test reads. */
  arms: ArmSummary[];
  state: ExperimentState;
  figures: VariantFigures[];
}

export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}

const COLUMNS = `e.id, e.kind, e.title, e.metric, e.baseline, e.mde, e.alpha, e.power, e.sample_per_arm as "samplePerArm",
  e.assignment_unit as "assignmentUnit", e.status, e.promoted_variant as "promotedVariant", e.decided_by as "decidedBy",
  e.decided_at as "decidedAt", e.decision_note as "decisionNote", e.created_by as "createdBy", e.created_at as "createdAt",
  (select json_agg(json_build_object('name', v.name, 'versionKey', v.version_key, 'weight', v.weight, 'isControl', v.is_control)
          order by v.position) from experiment_variants v where v.experiment_id = e.id) as variants`;

export async function createExperiment(pool: Pool, input: unknown, by: string): Promise<ExperimentRow> {
  const { definition: d, plan } = planExperiment(input);
  // Every version key must name a prompt or template the draft stage can use (DraftExperimentError otherwise).
  draftExperimentOf({ id: d.id, status: 'running', promotedVariant: null, assignmentUnit: d.assignmentUnit, variants: d.variants });
  return withTransaction(pool, async (client) => {
    for (const v of d.variants) {
      const saved = savedWordingOf(v.versionKey);
      const refusal = saved && await wordingVersionRefusal(client, saved.kind, saved.version);
      if (refusal) throw new DraftExperimentError(`${v.versionKey}: ${refusal}`);
    }
    // One running experiment per text: a draft records one experiment, and two on the same text would starve each other.
    await client.query(`select pg_advisory_xact_lock(hashtext('replique.experiments'))`);
    const texts = textsOf(d.variants);
    const { rows: busy } = await client.query<{ id: string; text: string }>(
      `select distinct e.id, split_part(v.version_key, '@', 1) as text from experiments e join experiment_variants v on v.experiment_id = e.id
       where e.status = 'running' and split_part(v.version_key, '@', 1) = any($1::text[]) order by 1, 2`, [texts]);
    if (busy.length) {
      throw new ExperimentError(`${busy.map((b) => `experiment ${b.id} is running on ${b.text}`).join('; ')}: one running experiment per text (promote its winner first)`);
    }
    const { rowCount } = await client.query(
      `insert into experiments (id, kind, title, metric, baseline, mde, alpha, power, sample_per_arm, assignment_unit, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing`,
      [d.id, d.kind, d.title, d.metric, d.baseline, d.mde, d.alpha, d.power, plan.samplePerArm, d.assignmentUnit, by],
    );
    if (rowCount !== 1) throw new ExperimentError(`an experiment ${d.id} exists already`);
    for (const [position, v] of d.variants.entries()) {
      await client.query(
        `insert into experiment_variants (experiment_id, name, version_key, weight, is_control, position) values ($1, $2, $3, $4, $5, $6)`,
        [d.id, v.name, v.versionKey, v.weight, position === 0, position],
      );
    }
    await appendAudit(client, {
      emailKey: null, stage: 'experiment', event: 'experiment_created', auditKey: `experiment:${d.id}:created`,
      data: { experiment: d.id, by, kind: d.kind, metric: d.metric, variants: d.variants, samplePerArm: plan.samplePerArm, alpha: d.alpha, power: d.power, mde: d.mde },
    });
    return (await getExperiment(client, d.id))!;
  });
}

export async function getExperiment(db: Queryable, id: string): Promise<ExperimentRow | null> {
  const { rows } = await db.query<ExperimentRow>(`select ${COLUMNS} from experiments e where e.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The running experiments, earliest started first: the order the workers offer them an email in. */
export async function listRunningExperiments(db: Queryable): Promise<ExperimentRow[]> {
  const { rows } = await db.query<ExperimentRow>(`select ${COLUMNS} from experiments e where e.status = 'running' order by e.created_at, e.id`);
  return rows;
}

export async function listExperiments(db: Queryable): Promise<ExperimentRow[]> {
  const { rows } = await db.query<ExperimentRow>(`select ${COLUMNS} from experiments e order by e.status = 'running' desc, e.created_at desc`);
  return rows;
}

/**
 * Which emails have the metric's outcome, and its value: SQL over `x`, experiment_outcomes with the email's customer,
 * and `win`, the conversion window. A reply's conversion is known once the order feed has reported past its window's
 * end (the feed's latest order, not the wall clock: a feed that lags leaves the newest replies out, never counts them
 * as no order).
 */
const METRIC_SQL: Record<ExperimentMetric, { population: string; value: string }> = {
  csat_positive: { population: 'csat_score is not null', value: '(csat_score >= 4)::int' },
  reescalation: { population: 'automated', value: 'reescalated::int' },
  automation: { population: 'true', value: 'automated::int' },
  time_to_close: { population: 'resolved_at is not null', value: 'extract(epoch from resolved_at - received_at) / 3600' },
  edit_distance: { population: 'edit_distance is not null', value: 'edit_distance' },
  conversion: {
    population: `customer_id is not null and first_response_at is not null
      and first_response_at + (select w from win) <= (select max(placed_at) from placed_orders)`,
    value: `exists (select 1 from placed_orders p where p.customer_id = x.customer_id
      and p.placed_at > x.first_response_at and p.placed_at <= x.first_response_at + (select w from win))::int`,
  },
};

/** The first `samplePerArm` outcomes of each arm, in the order the emails arrived: what the fixed-horizon test reads. */
export async function armSummaries(db: Queryable, experiment: ExperimentRow, conversionWindowDays = CONVERSION_WINDOW_DAYS): Promise<ArmSummary[]> {
  const m = METRIC_SQL[experiment.metric];
  const { rows } = await db.query<{ variant: string; n: number; successes: number; mean: number | null; variance: number | null }>(
    `with win as (select make_interval(days => $3::int) as w),
     x as (select o.*, f.customer_id from experiment_outcomes o join kpi_email_facts f using (email_key) where o.experiment_id = $1),
     ranked as (
       select variant, (${m.value})::float8 as value,
              row_number() over (partition by variant order by received_at, email_key) as k
       from x where ${m.population})
     select variant, count(*)::int as n, coalesce(sum(value), 0)::float8 as successes, avg(value)::float8 as mean,
            coalesce(var_samp(value), 0)::float8 as variance
     from ranked where k <= $2 group by variant`,
    [experiment.id, experiment.samplePerArm, conversionWindowDays],
  );
  const byVariant = new Map(rows.map((r) => [r.variant, r]));
  const proportion = METRICS[experiment.metric].type === 'proportion';
  return experiment.variants.map((v) => {
    const r = byVariant.get(v.name);
    const n = r?.n ?? 0;
    return proportion
      ? { variant: v.name, n, successes: Math.round(r?.successes ?? 0) }
      : { variant: v.name, n, mean: r?.mean ?? 0, variance: r?.variance ?? 0 };
  });
}

export async function variantFigures(db: Queryable, experimentId: string, conversionWindowDays = CONVERSION_WINDOW_DAYS): Promise<VariantFigures[]> {
  const { rows } = await db.query<Omit<VariantFigures, 'conversionMatched' | 'conversionConverted' | 'conversionRate' | 'conversionBaseline'>>(
    `select v.name as variant, count(o.email_key)::int as emails,
            avg(o.automated::int)::float8 as "automationRate",
            count(o.csat_score)::int as rated,
            (avg((o.csat_score >= 4)::int) filter (where o.csat_score is not null))::float8 as csat,
            (count(*) filter (where o.automated))::int as automated,
            (avg(o.reescalated::int) filter (where o.automated))::float8 as "reescalationRate",
            count(o.resolved_at)::int as closed,
            (percentile_cont(0.5) within group (order by extract(epoch from o.resolved_at - o.received_at)))::float8 as "timeToCloseP50Seconds",
            count(o.edit_distance)::int as edited,
            avg(o.edit_distance)::float8 as "editDistanceMean"
     from experiment_variants v
     left join experiment_outcomes o on o.experiment_id = v.experiment_id and o.variant = v.name
     where v.experiment_id = $1
     group by v.name, v.position order by v.position`,
    [experimentId],
  );
  const conversion = new Map((await conversionRows(db, { from: null, to: null, granularity: 'all', split: 'cohort', filters: {} }, conversionWindowDays))
    .map((c) => [c.group, c]));
  return rows.map((r) => {
    const c = conversion.get(`${experimentId}:${r.variant}`);
    return { ...r, conversionMatched: c?.matched ?? 0, conversionConverted: c?.converted ?? 0, conversionRate: c?.rate ?? null, conversionBaseline: c?.baseline ?? null };
  });
}

export function testPlanOf(e: ExperimentRow): TestPlan {
  const arms = e.variants.length;
  return {
    metric: e.metric, baseline: e.baseline, mde: e.mde, alpha: e.alpha, power: e.power, arms,
    alphaPerComparison: e.alpha / (arms - 1), samplePerArm: e.samplePerArm,
  };
}

export async function experimentReport(db: Queryable, experiment: ExperimentRow, conversionWindowDays = CONVERSION_WINDOW_DAYS): Promise<ExperimentReport> {
  const [arms, figures] = await Promise.all([armSummaries(db, experiment, conversionWindowDays), variantFigures(db, experiment.id, conversionWindowDays)]);
  const plan = testPlanOf(experiment);
  const control = experiment.variants.find((v) => v.isControl)!.name;
  return { experiment, plan, arms, state: readExperiment(plan, control, arms), figures };
}

/**
 * A person promotes a variant: the experiment ends, that variant's text is the one every email gets from now on. A
 * saved version (`templates@N`, `prompts@N`) is put in force for everyone in the same transaction (an activation,
 * audited as such, naming the experiment), unless it is in force already; the workers stop assigning at once.
 * The audit row records who, the note, and the test's state at that moment (so promoting against the test shows).
 */
export async function promoteVariant(
  pool: Pool, input: { experimentId: string; variant: string; by: string; note?: string | null; conversionWindowDays?: number },
): Promise<ExperimentRow> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ status: string }>(`select status from experiments where id = $1 for update`, [input.experimentId]);
    if (!rows[0]) throw new ExperimentError(`no experiment ${input.experimentId}`);
    if (rows[0].status !== 'running') throw new ExperimentError(`experiment ${input.experimentId} is ${rows[0].status} already`);
    const experiment = (await getExperiment(client, input.experimentId))!;
    if (!experiment.variants.some((v) => v.name === input.variant)) throw new ExperimentError(`no variant ${input.variant} in ${input.experimentId}`);
    const { state } = await experimentReport(client, experiment, input.conversionWindowDays);
    const versionKey = experiment.variants.find((v) => v.name === input.variant)!.versionKey;
    const saved = savedWordingOf(versionKey);
    let activated: number | null = null;
    if (saved && (await listWordingActivations(client, saved.kind, 1))[0]?.version !== saved.version) {
      try {
        activated = (await activateWordingVersionIn(client, { ...saved, by: input.by, experiment: input.experimentId })).id;
      } catch (error) {
        if (error instanceof Error && error.name === 'WordingActionError') throw new ExperimentError(`${versionKey} cannot be put in force: ${error.message}`);
        throw error;
      }
    }
    await client.query(
      `update experiments set status = 'promoted', promoted_variant = $2, decided_by = $3, decided_at = now(), decision_note = $4 where id = $1`,
      [input.experimentId, input.variant, input.by, input.note ?? null],
    );
    await appendAudit(client, {
      emailKey: null, stage: 'experiment', event: 'variant_promoted', auditKey: `experiment:${input.experimentId}:promoted`,
      data: {
        experiment: input.experimentId, variant: input.variant, by: input.by, note: input.note ?? null,
        versionKey, ...(saved ? { inForce: `${saved.kind}@${saved.version}`, activation: activated } : {}),
        testState: state.kind, testWinner: state.kind === 'winner' ? state.winner : null,
      },
    });
    return (await getExperiment(client, input.experimentId))!;
  });
}
