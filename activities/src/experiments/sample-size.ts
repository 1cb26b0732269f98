/**
 * Sample size per arm of a fixed-horizon test, computed before the experiment starts, for a two-sided test at level
 * `alpha` split over the comparisons (Bonferroni: each variant against the control at alpha / comparisons) and the
 * stated `power` to detect a true difference of `mde` (minimum detectable effect, absolute) in the better direction.
 *
 * - Proportions (two-proportion z-test, no continuity correction):
 *   n = (z(1-a/2)·sqrt(2·p̄·(1-p̄)) + z(power)·sqrt(p1·(1-p1) + p2·(1-p2)))² / mde², p̄ = (p1 + p2) / 2.
 *   Known value: p1 = 0.10, p2 = 0.15, alpha 0.05, power 0.8 → 686 per arm.
 * - Continuous outcomes (Welch's test, equal spread `sd` assumed for planning):
 *   n = 2·sd²·(z(1-a/2) + z(power))² / mde² + z(1-a/2)² / 4 (Guenther's correction for the t distribution).
 *   Known value: sd 1, mde 0.5, alpha 0.05, power 0.8 → 64 per arm.
 * Pure.
 */
import { METRICS, type ExperimentMetric } from './metrics';
import { normalQuantile } from './normal';

export interface TestPlanInput {
  metric: ExperimentMetric;
  /** Proportions: the control's expected rate (0..1). Continuous: the outcome's standard deviation. */
  baseline: number;
  /** The smallest true difference worth detecting, absolute (rate points as a fraction, or the metric's unit). */
  mde: number;
  /** Family-wise false-positive rate over all comparisons (two-sided). */
  alpha: number;
  /** Probability of detecting a true difference of `mde` (per comparison). */
  power: number;
  /** Number of arms, the control included (≥ 2). */
  arms: number;
}

export interface TestPlan extends TestPlanInput {
  /** alpha / (arms - 1). */
  alphaPerComparison: number;
  /** Outcomes needed in every arm before the one readout. */
  samplePerArm: number;
}

/** Below this many outcomes per arm the normal approximations are not trusted, whatever the formula says. */
export const MIN_SAMPLE_PER_ARM = 30;

export function planTest(input: TestPlanInput): TestPlan {
  const { metric, baseline, mde, alpha, power, arms } = input;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError('alpha must be in (0, 0.5)');
  if (!(power >= 0.5 && power < 1)) throw new RangeError('power must be in [0.5, 1)');
  if (!(mde > 0)) throw new RangeError('the minimum detectable effect must be positive');
  if (!(Number.isInteger(arms) && arms >= 2)) throw new RangeError('an experiment needs at least two arms');
  const alphaPerComparison = alpha / (arms - 1);
  const zAlpha = normalQuantile(1 - alphaPerComparison / 2);
  const zBeta = normalQuantile(power);
  const definition = METRICS[metric];
  let n: number;
  if (definition.type === 'proportion') {
    const p1 = baseline;
    const p2 = definition.better === 'higher' ? p1 + mde : p1 - mde;
    if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) throw new RangeError('baseline ± mde must stay strictly between 0 and 1');
    n = proportionSampleSize(p1, p2, zAlpha, zBeta);
  } else {
    if (!(baseline > 0)) throw new RangeError('the standard deviation must be positive');
    n = (2 * baseline ** 2 * (zAlpha + zBeta) ** 2) / mde ** 2 + zAlpha ** 2 / 4;
  }
  return { ...input, alphaPerComparison, samplePerArm: Math.max(MIN_SAMPLE_PER_ARM, Math.ceil(n - 1e-9)) };
}

function proportionSampleSize(p1: number, p2: number, zAlpha: number, zBeta: number): number {
  const pBar = (p1 + p2) / 2;
  const numerator = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return numerator ** 2 / (p2 - p1) ** 2;
}
