/**
 * The A/B test on simulated outcomes, seeded: over many simulated experiments at the planned horizon, a planted winner
 * (a true difference equal to the minimum detectable effect) is found at the stated power, and an A/A run (no
 * difference) declares a winner no more often than alpha. Tolerances are about four standard errors of the
 * simulated rates, so the test is deterministic in effect as well as by seed.
 */
import { planTest, type TestPlanInput } from './sample-size';
import { readExperiment, type ArmSummary } from './readout';

// Math's functions taken once: a global lookup inside Jest's vm context costs ~50× a local one in these hot loops.
const { imul, sqrt, log, cos, exp, PI } = Math;

/** mulberry32: a small seeded generator; the same seed, the same experiments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = imul(a ^ (a >>> 15), 1 | a);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return sqrt(-2 * log(1 - rand())) * cos(2 * PI * rand());
}

function proportionArm(rand: () => number, variant: string, n: number, p: number): ArmSummary {
  let successes = 0;
  for (let i = 0; i < n; i++) if (rand() < p) successes++;
  return { variant, n, successes };
}

/** Skewed like a time to close: log-normal, shifted by `shift` (so the spread is the same in every arm). */
function skewedArm(rand: () => number, variant: string, n: number, shift: number, mu: number, sigma: number): ArmSummary {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = exp(mu + sigma * gaussian(rand)) + shift;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { variant, n, mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

const RUNS = 2000;

function rates(input: TestPlanInput, arms: (rand: () => number, n: number) => ArmSummary[], seed: number, planted: string | null) {
  const plan = planTest(input);
  const rand = seeded(seed);
  let found = 0;
  let declared = 0;
  for (let r = 0; r < RUNS; r++) {
    const state = readExperiment(plan, 'control', arms(rand, plan.samplePerArm));
    if (state.kind === 'running') throw new Error('every simulated arm is at the horizon');
    if (state.kind === 'winner') {
      declared++;
      if (state.winner === planted) found++;
    }
  }
  return { plan, power: found / RUNS, falsePositives: declared / RUNS };
}

// Log-normal(mu 2, sigma 0.6): mean e^(2.18) ≈ 8.85 h, standard deviation ≈ 5.8 h.
const MU = 2;
const SIGMA = 0.6;
const LOGNORMAL_SD = Math.sqrt((Math.exp(SIGMA ** 2) - 1) * Math.exp(2 * MU + SIGMA ** 2));

test('proportions (CSAT 80 % → 85 %): the planted winner is found at the stated power; A/A declares none beyond alpha', () => {
  const input: TestPlanInput = { metric: 'csat_positive', baseline: 0.8, mde: 0.05, alpha: 0.05, power: 0.8, arms: 2 };
  const ab = rates(input, (rand, n) => [proportionArm(rand, 'control', n, 0.8), proportionArm(rand, 'b', n, 0.85)], 1501, 'b');
  const aa = rates(input, (rand, n) => [proportionArm(rand, 'control', n, 0.8), proportionArm(rand, 'b', n, 0.8)], 1502, null);
  process.stdout.write(`CSAT 80→85 %: ${ab.plan.samplePerArm} per arm; detected ${(ab.power * 100).toFixed(1)} % (stated 80 %), A/A false positives ${(aa.falsePositives * 100).toFixed(1)} % (alpha 5 %)\n`);
  expect(ab.plan.samplePerArm).toBe(906);
  expect(Math.abs(ab.power - 0.8)).toBeLessThan(0.035);
  expect(aa.falsePositives).toBeLessThanOrEqual(0.05 + 0.015);
});

test('a lower-is-better rate (re-escalation 10 % → 6 %), power 90 %', () => {
  const input: TestPlanInput = { metric: 'reescalation', baseline: 0.1, mde: 0.04, alpha: 0.05, power: 0.9, arms: 2 };
  const ab = rates(input, (rand, n) => [proportionArm(rand, 'control', n, 0.1), proportionArm(rand, 'b', n, 0.06)], 1503, 'b');
  const aa = rates(input, (rand, n) => [proportionArm(rand, 'control', n, 0.1), proportionArm(rand, 'b', n, 0.1)], 1504, null);
  expect(Math.abs(ab.power - 0.9)).toBeLessThan(0.03);
  expect(aa.falsePositives).toBeLessThanOrEqual(0.05 + 0.015);
});

test('a skewed continuous outcome (time to close, 1.5 h faster): Welch at the horizon has the stated power; A/A declares none beyond alpha', () => {
  const input: TestPlanInput = { metric: 'time_to_close', baseline: LOGNORMAL_SD, mde: 1.5, alpha: 0.05, power: 0.8, arms: 2 };
  const ab = rates(input, (rand, n) => [skewedArm(rand, 'control', n, 0, MU, SIGMA), skewedArm(rand, 'b', n, -1.5, MU, SIGMA)], 1505, 'b');
  const aa = rates(input, (rand, n) => [skewedArm(rand, 'control', n, 0, MU, SIGMA), skewedArm(rand, 'b', n, 0, MU, SIGMA)], 1506, null);
  process.stdout.write(`time to close −1.5 h (sd ${LOGNORMAL_SD.toFixed(2)} h): ${ab.plan.samplePerArm} per arm; detected ${(ab.power * 100).toFixed(1)} % (stated 80 %), A/A false positives ${(aa.falsePositives * 100).toFixed(1)} %\n`);
  expect(Math.abs(ab.power - 0.8)).toBeLessThan(0.035);
  expect(aa.falsePositives).toBeLessThanOrEqual(0.05 + 0.015);
});

test('three arms (two comparisons at alpha / 2): the planted winner among them found at the stated power; A/A/A within alpha family-wise', () => {
  const input: TestPlanInput = { metric: 'automation', baseline: 0.5, mde: 0.08, alpha: 0.05, power: 0.8, arms: 3 };
  const abc = rates(input, (rand, n) => [
    proportionArm(rand, 'control', n, 0.5), proportionArm(rand, 'b', n, 0.5), proportionArm(rand, 'c', n, 0.58),
  ], 1507, 'c');
  const aaa = rates(input, (rand, n) => [
    proportionArm(rand, 'control', n, 0.5), proportionArm(rand, 'b', n, 0.5), proportionArm(rand, 'c', n, 0.5),
  ], 1508, null);
  expect(Math.abs(abc.power - 0.8)).toBeLessThan(0.035);
  expect(aaa.falsePositives).toBeLessThanOrEqual(0.05 + 0.015);
});
