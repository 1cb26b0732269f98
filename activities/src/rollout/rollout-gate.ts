/**
 * The rollout gate, pure: given the ladder and the gate of the policy in force, the step the rollout is at, how long
 * it has been there and what its cohort's KPIs measured, what should happen now.
 *
 * - A rate is judged once its denominator reaches `min_sample` (CSAT: `min_csat_ratings`); before that it is
 *   `too_few` and neither blocks a promotion nor steps back.
 * - Any judged KPI past its threshold: **step back** one step at once (below the first step: 0 %, no automatic reply).
 * - All judged KPIs holding, at least `min_days` at the step and `min_automated` automatic replies to the cohort:
 *   **propose** the next step (a lead confirms it). At the last step: hold (going further is a policy edit).
 * - A percentage that is not on the ladder (100 %, the default, or a hand-set value): **manual**, measured only.
 *   At 0 %: **stopped**, a lead starts the rollout at the first step.
 */
import type { RolloutGate } from '../triage/policy';

/** What the evaluator counted for the cohort's emails routed at the current step (rollout-store.ts). */
export interface CohortCounts {
  emails: number;
  automated: number;
  reescalated: number;
  reviewedSent: number;
  edited: number;
  drafted: number;
  factCheckBlocked: number;
  rated: number;
  satisfied: number;
}

export type KpiName = 'edit_rate' | 'reescalation_rate' | 'fact_check_block_rate' | 'csat';

export interface KpiJudgement {
  kpi: KpiName;
  /** The rate, or null with no denominator. */
  value: number | null;
  /** `max`: the value must stay at or under the threshold; `min`: at or over it. */
  bound: 'max' | 'min';
  threshold: number;
  /** The denominator, and the one it must reach to be judged. */
  sample: number;
  minSample: number;
  status: 'ok' | 'breach' | 'too_few';
}

export type RolloutAction = 'step_back' | 'propose' | 'hold' | 'manual' | 'stopped';

export interface RolloutVerdict {
  action: RolloutAction;
  /** The percentage in force. */
  from: number;
  /** step_back: the step below; propose: the step above; otherwise the step a promotion would go to, or null. */
  to: number | null;
  judgements: KpiJudgement[];
  /** Why, in a lead's words (no PII: counts and rates). */
  reasons: string[];
}

export interface RolloutPosition {
  percentage: number;
  steps: readonly number[];
  gate: RolloutGate;
  daysAtStep: number;
}

export const KPI_LABELS: Record<KpiName, string> = {
  edit_rate: 'Reviewer edit rate',
  reescalation_rate: 'Re-escalation rate',
  fact_check_block_rate: 'Fact-check block rate',
  csat: 'CSAT (ratings 4–5)',
};

function judge(kpi: KpiName, part: number, whole: number, bound: 'max' | 'min', threshold: number, minSample: number): KpiJudgement {
  const value = whole > 0 ? part / whole : null;
  const status = whole < minSample || value === null ? 'too_few' : (bound === 'max' ? value <= threshold : value >= threshold) ? 'ok' : 'breach';
  return { kpi, value, bound, threshold, sample: whole, minSample, status };
}

export function judgeCohort(counts: CohortCounts, gate: RolloutGate): KpiJudgement[] {
  return [
    judge('reescalation_rate', counts.reescalated, counts.automated, 'max', gate.max_reescalation_rate, gate.min_sample),
    judge('edit_rate', counts.edited, counts.reviewedSent, 'max', gate.max_edit_rate, gate.min_sample),
    judge('fact_check_block_rate', counts.factCheckBlocked, counts.drafted, 'max', gate.max_fact_check_block_rate, gate.min_sample),
    judge('csat', counts.satisfied, counts.rated, 'min', gate.min_csat, gate.min_csat_ratings),
  ];
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);

export function describeJudgement(j: KpiJudgement): string {
  const sign = j.bound === 'max' ? (j.status === 'breach' ? '>' : '≤') : (j.status === 'breach' ? '<' : '≥');
  if (j.status === 'too_few') return `${j.kpi} not judged yet (${j.sample} of ${j.minSample})`;
  return `${j.kpi} ${pct(j.value)} ${sign} ${pct(j.threshold)} (n=${j.sample})`;
}

export function decideRollout(position: RolloutPosition, counts: CohortCounts): RolloutVerdict {
  const { percentage, steps, gate, daysAtStep } = position;
  const judgements = judgeCohort(counts, gate);
  const ladder = [0, ...steps];
  const at = ladder.indexOf(percentage);
  if (at < 0) return { action: 'manual', from: percentage, to: null, judgements, reasons: [`${percentage} % is not a step of the ladder (${steps.join(', ')} %): measured only`] };
  if (at === 0) return { action: 'stopped', from: 0, to: steps[0]!, judgements, reasons: ['no automatic reply: a lead starts the rollout at the first step'] };

  const breaches = judgements.filter((j) => j.status === 'breach');
  if (breaches.length) return { action: 'step_back', from: percentage, to: ladder[at - 1]!, judgements, reasons: breaches.map(describeJudgement) };

  const next = ladder[at + 1] ?? null;
  if (next === null) return { action: 'hold', from: percentage, to: null, judgements, reasons: ['the last step of the ladder: going further is a policy edit'] };
  const waiting: string[] = [];
  if (daysAtStep < gate.min_days) waiting.push(`${daysAtStep.toFixed(1)} of ${gate.min_days} days at this step`);
  if (counts.automated < gate.min_automated) waiting.push(`${counts.automated} of ${gate.min_automated} automatic replies to the cohort`);
  if (waiting.length) return { action: 'hold', from: percentage, to: next, judgements, reasons: waiting };
  return { action: 'propose', from: percentage, to: next, judgements, reasons: judgements.filter((j) => j.status === 'ok').map(describeJudgement) };
}
