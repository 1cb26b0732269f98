/**
 * The state of a fixed-horizon experiment. The stopping rule: the sample size per arm is fixed before the start
 * (sample-size.ts); until every arm has that many outcomes the state is `running` with how many are still needed,
 * and no interim result is declared, whatever the figures look like. At the horizon the test is read once, on the
 * first `samplePerArm` outcomes of each arm (in the order the emails arrived), each variant against the control at
 * alpha / (arms - 1), two-sided:
 * - `winner`: the variants significantly better than the control, the best of them by estimate; or the control, when
 *   every other variant is significantly worse;
 * - `no_difference`: otherwise (no variant beats the control at the planned power).
 * Outcomes past the horizon are shown but do not change the verdict. Pure.
 */
import { METRICS } from './metrics';
import type { TestPlan } from './sample-size';
import { twoProportionZTest, welchTest, type Comparison, type ContinuousArm, type ProportionArm } from './two-sample-tests';

/** An arm's outcomes within the horizon (SQL: the first `samplePerArm` of the arm). */
export interface ArmSummary {
  variant: string;
  n: number;
  /** Proportions: how many emails had the outcome. */
  successes?: number;
  /** Continuous: mean and sample variance of the outcome. */
  mean?: number;
  variance?: number;
}

export interface ArmComparison extends Comparison {
  variant: string;
  significant: boolean;
  /** Significantly better than the control. */
  better: boolean;
}

export type ExperimentState =
  | { kind: 'running'; needed: number; neededPerArm: Record<string, number> }
  | { kind: 'winner'; winner: string; comparisons: ArmComparison[] }
  | { kind: 'no_difference'; comparisons: ArmComparison[] };

export function readExperiment(plan: TestPlan, control: string, arms: ArmSummary[]): ExperimentState {
  const neededPerArm = Object.fromEntries(arms.map((a) => [a.variant, Math.max(0, plan.samplePerArm - a.n)]));
  const needed = Object.values(neededPerArm).reduce((s, n) => s + n, 0);
  if (needed > 0) return { kind: 'running', needed, neededPerArm };

  const definition = METRICS[plan.metric];
  const base = arms.find((a) => a.variant === control);
  if (!base) throw new Error(`the control variant ${control} has no outcomes`);
  const sign = definition.better === 'higher' ? 1 : -1;
  const comparisons: ArmComparison[] = arms.filter((a) => a !== base).map((arm) => {
    const c = definition.type === 'proportion'
      ? twoProportionZTest(proportionArm(base), proportionArm(arm))
      : welchTest(continuousArm(base), continuousArm(arm));
    const significant = c.p < plan.alphaPerComparison;
    return { ...c, variant: arm.variant, significant, better: significant && sign * c.difference > 0 };
  });
  const better = comparisons.filter((c) => c.better).sort((a, b) => sign * (b.difference - a.difference));
  if (better.length > 0) return { kind: 'winner', winner: better[0]!.variant, comparisons };
  if (comparisons.every((c) => c.significant && !c.better)) return { kind: 'winner', winner: control, comparisons };
  return { kind: 'no_difference', comparisons };
}

function proportionArm(a: ArmSummary): ProportionArm {
  if (a.successes === undefined) throw new Error(`arm ${a.variant} has no successes count`);
  return { n: a.n, successes: a.successes };
}

function continuousArm(a: ArmSummary): ContinuousArm {
  if (a.mean === undefined || a.variance === undefined) throw new Error(`arm ${a.variant} has no mean and variance`);
  return { n: a.n, mean: a.mean, variance: a.variance };
}
