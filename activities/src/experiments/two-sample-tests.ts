/**
 * The two tests an arm is compared with the control by, from per-arm summaries (what SQL aggregates give). Both
 * return the difference (arm minus control), its z statistic and the two-sided p-value. Pure.
 *
 * - Proportions: the pooled two-proportion z-test.
 * - Continuous: Welch's unequal-variance test. Its statistic is referred to the normal distribution: a readout happens
 *   only at the planned horizon, never below MIN_SAMPLE_PER_ARM (30) per arm, where Welch's t and z differ by less
 *   than the planning's own error (at 30 per arm and equal spreads, a 5 % test is a 5.5 % one; at 100, 5.1 %).
 */
import { twoSidedP } from './normal';

export interface ProportionArm {
  n: number;
  successes: number;
}

export interface ContinuousArm {
  n: number;
  mean: number;
  /** Sample variance (n - 1 denominator). */
  variance: number;
}

export interface Comparison {
  difference: number;
  z: number;
  p: number;
}

export function twoProportionZTest(control: ProportionArm, arm: ProportionArm): Comparison {
  const p0 = control.successes / control.n;
  const p1 = arm.successes / arm.n;
  const pooled = (control.successes + arm.successes) / (control.n + arm.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / arm.n));
  const difference = p1 - p0;
  if (se === 0) return { difference, z: 0, p: 1 };
  const z = difference / se;
  return { difference, z, p: twoSidedP(z) };
}

export function welchTest(control: ContinuousArm, arm: ContinuousArm): Comparison {
  const se = Math.sqrt(control.variance / control.n + arm.variance / arm.n);
  const difference = arm.mean - control.mean;
  if (se === 0) return { difference, z: 0, p: 1 };
  const z = difference / se;
  return { difference, z, p: twoSidedP(z) };
}
