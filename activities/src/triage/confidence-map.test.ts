import { applyConfidenceMap, fitConfidenceMap } from './confidence-map';

const scored = (confidence: number, right: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));

describe('confidence map', () => {
  it('without a map a probability is left as it is', () => {
    expect(applyConfidenceMap(null, 0.42)).toBe(0.42);
    expect(applyConfidenceMap({ x: [], y: [] }, 0.42)).toBe(0.42);
  });

  it('raises an under-confident band towards the accuracy seen there, shrunk by the prior', () => {
    const items = [...scored(0.3, 10, 30), ...scored(0.75, 27, 30), ...scored(0.97, 29, 30)];
    const map = fitConfidenceMap(items, { minBlock: 20, prior: 10 })!;
    const mid = applyConfidenceMap(map, 0.75);
    // 27 of 30 right at 0.75: (27 + 10 · 0.75) / 40 = 0.8625
    expect(mid).toBeCloseTo(0.863, 2);
    expect(mid).toBeLessThan(0.9);
  });

  it('is monotone and stays in [0, 1]', () => {
    const items = [...scored(0.2, 12, 25), ...scored(0.5, 5, 25), ...scored(0.8, 24, 25), ...scored(0.95, 22, 25)];
    const map = fitConfidenceMap(items)!;
    let last = -1;
    for (let p = 0; p <= 1.0001; p += 0.01) {
      const v = applyConfidenceMap(map, p);
      expect(v).toBeGreaterThanOrEqual(last);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      last = v;
    }
    expect(map.x.length).toBe(map.y.length);
  });

  it('a block smaller than the minimum merges with its neighbour', () => {
    const items = [...scored(0.4, 4, 40), ...scored(0.6, 3, 3), ...scored(0.9, 38, 40)];
    const map = fitConfidenceMap(items, { minBlock: 20, prior: 10 })!;
    expect(map.x.length).toBeLessThanOrEqual(2);
  });

  it('too few predictions fit no map', () => {
    expect(fitConfidenceMap(scored(0.8, 5, 5))).toBeNull();
  });
});
