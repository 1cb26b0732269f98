import { normalCdf, normalQuantile, twoSidedP } from './normal';
import { planTest } from './sample-size';
import { twoProportionZTest, welchTest } from './two-sample-tests';
import { readExperiment } from './readout';

test('the normal distribution matches its tables', () => {
  expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
  expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
  expect(normalQuantile(0.9875)).toBeCloseTo(2.241403, 5);
  expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
  expect(() => normalQuantile(1)).toThrow(RangeError);
});

test('sample sizes match the textbook values', () => {
  // p1 0.10 → 0.15, two-sided 5 %, power 80 %: 686 per arm (Fleiss, without continuity correction).
  expect(planTest({ metric: 'automation', baseline: 0.1, mde: 0.05, alpha: 0.05, power: 0.8, arms: 2 }).samplePerArm).toBe(686);
  // A lower-is-better rate plans for p2 = p1 - mde: 0.15 → 0.10 is the same pair.
  expect(planTest({ metric: 'reescalation', baseline: 0.15, mde: 0.05, alpha: 0.05, power: 0.8, arms: 2 }).samplePerArm).toBe(686);
  // Means: d = 0.5, 5 %, 80 %: 64 per arm (Cohen's table for the t-test).
  expect(planTest({ metric: 'time_to_close', baseline: 1, mde: 0.5, alpha: 0.05, power: 0.8, arms: 2 }).samplePerArm).toBe(64);
  // d = 0.2, 5 %, 90 %: 527 per arm.
  expect(planTest({ metric: 'edit_distance', baseline: 10, mde: 2, alpha: 0.05, power: 0.9, arms: 2 }).samplePerArm).toBe(527);
  // Three arms: two comparisons at 2.5 % each, so more per arm.
  const three = planTest({ metric: 'automation', baseline: 0.1, mde: 0.05, alpha: 0.05, power: 0.8, arms: 3 });
  expect(three.alphaPerComparison).toBeCloseTo(0.025, 10);
  expect(three.samplePerArm).toBeGreaterThan(686);
  // Never below 30 per arm; nonsense refused.
  expect(planTest({ metric: 'time_to_close', baseline: 1, mde: 5, alpha: 0.05, power: 0.8, arms: 2 }).samplePerArm).toBe(30);
  expect(() => planTest({ metric: 'csat_positive', baseline: 0.98, mde: 0.05, alpha: 0.05, power: 0.8, arms: 2 })).toThrow(RangeError);
  expect(() => planTest({ metric: 'csat_positive', baseline: 0.8, mde: 0.05, alpha: 0.05, power: 0.8, arms: 1 })).toThrow(RangeError);
});

test('the two tests match hand-computed values', () => {
  // 50/100 vs 60/100: pooled 0.55, z = 0.1 / sqrt(0.2475 · 0.02) = 1.4213, p = 0.1552 (R: prop.test(correct = FALSE)).
  const prop = twoProportionZTest({ n: 100, successes: 50 }, { n: 100, successes: 60 });
  expect(prop.z).toBeCloseTo(1.4213, 4);
  expect(prop.p).toBeCloseTo(0.1552, 4);
  // Means 10 (var 4) vs 11 (var 9), 50 each: se = sqrt(0.08 + 0.18), z = 1.9612.
  const welch = welchTest({ n: 50, mean: 10, variance: 4 }, { n: 50, mean: 11, variance: 9 });
  expect(welch.z).toBeCloseTo(1.9612, 4);
  expect(welch.p).toBeCloseTo(0.04985, 4);
  expect(twoProportionZTest({ n: 40, successes: 40 }, { n: 40, successes: 40 }).p).toBe(1);
});

test('before the horizon the state is running with what is still needed; after it, one verdict', () => {
  const plan = planTest({ metric: 'csat_positive', baseline: 0.8, mde: 0.05, alpha: 0.05, power: 0.8, arms: 2 });
  const running = readExperiment(plan, 'a', [{ variant: 'a', n: 900, successes: 500 }, { variant: 'b', n: 10, successes: 10 }]);
  expect(running).toEqual({ kind: 'running', needed: plan.samplePerArm - 900 + plan.samplePerArm - 10, neededPerArm: { a: plan.samplePerArm - 900, b: plan.samplePerArm - 10 } });
  const n = plan.samplePerArm;
  const won = readExperiment(plan, 'a', [{ variant: 'a', n, successes: Math.round(0.8 * n) }, { variant: 'b', n, successes: Math.round(0.86 * n) }]);
  expect(won).toMatchObject({ kind: 'winner', winner: 'b' });
  const lost = readExperiment(plan, 'a', [{ variant: 'a', n, successes: Math.round(0.8 * n) }, { variant: 'b', n, successes: Math.round(0.74 * n) }]);
  expect(lost).toMatchObject({ kind: 'winner', winner: 'a' });
  const tie = readExperiment(plan, 'a', [{ variant: 'a', n, successes: Math.round(0.8 * n) }, { variant: 'b', n, successes: Math.round(0.81 * n) }]);
  expect(tie.kind).toBe('no_difference');
  // Lower is better for time to close: the faster variant wins.
  const ttc = planTest({ metric: 'time_to_close', baseline: 8, mde: 2, alpha: 0.05, power: 0.8, arms: 3 });
  const m = ttc.samplePerArm;
  const faster = readExperiment(ttc, 'a', [
    { variant: 'a', n: m, mean: 10, variance: 64 }, { variant: 'b', n: m, mean: 7.5, variance: 64 }, { variant: 'c', n: m, mean: 6.5, variance: 64 },
  ]);
  expect(faster).toMatchObject({ kind: 'winner', winner: 'c' });
});
