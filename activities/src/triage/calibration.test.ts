import { formatReliability, reliability } from './calibration';

describe('reliability', () => {
  it('bins confidences and computes the expected calibration error', () => {
    const r = reliability([
      { confidence: 0.95, correct: true }, { confidence: 0.92, correct: true }, { confidence: 0.55, correct: false },
      { confidence: 0.51, correct: true }, { confidence: 1, correct: true },
    ]);
    expect(r.n).toBe(5);
    expect(r.accuracy).toBe(0.8);
    const top = r.bins[9]!;
    expect(top).toMatchObject({ n: 3, accuracy: 1 });
    expect(top.meanConfidence).toBeCloseTo(0.957, 3);
    expect(r.bins[5]).toMatchObject({ n: 2, accuracy: 0.5, meanConfidence: 0.53 });
    // (3/5)·|1 − 0.9567| + (2/5)·|0.5 − 0.53|
    expect(r.ece).toBeCloseTo(0.6 * 0.0433 + 0.4 * 0.03, 2);
    expect(formatReliability('t', r)).toHaveLength(4);
  });
  it('handles an empty set', () => {
    expect(reliability([])).toMatchObject({ n: 0, ece: 0, accuracy: 0 });
  });
});
